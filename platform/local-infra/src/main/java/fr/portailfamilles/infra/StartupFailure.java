package fr.portailfamilles.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A part that did not start, described so that a CI log alone tells why: the tail of the part's own log and the
 * free disk space where it writes (a full disk fails both PostgreSQL and Kafka within seconds).
 */
final class StartupFailure {

    private static final int TAIL_LINES = 30;

    private StartupFailure() {
    }

    static IllegalStateException of(String what, Path log, Path workDirectory, Throwable cause) {
        String message = what + " (" + freeSpace(workDirectory) + ", " + freeSpace(Path.of(System.getProperty("java.io.tmpdir")))
                + ")" + (log == null ? "" : "; last lines of " + log + ":\n" + tail(log));
        return new IllegalStateException(message, cause);
    }

    private static String freeSpace(Path directory) {
        File existing = directory.toAbsolutePath().toFile();
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        return existing == null ? "free space unknown for " + directory
                : existing.getUsableSpace() / (1024 * 1024) + " MB free in " + existing;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        }
        catch (IOException | RuntimeException unreadable) {
            return "(unreadable: " + unreadable + ")";
        }
    }
}
