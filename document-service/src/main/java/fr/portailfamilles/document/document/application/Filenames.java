package fr.portailfamilles.document.document.application;

import java.util.Locale;

import fr.portailfamilles.platform.web.ProblemException;

/** The name a parent's file had: shown back to them and to staff, never used as a path. */
final class Filenames {

    private static final int MAX_LENGTH = 120;

    private Filenames() {
    }

    /** A safe display name; a name carrying a path or control characters is refused. */
    static String displayName(String raw) {
        if (raw == null || raw.isBlank()) {
            return "document";
        }
        String name = raw.strip();
        boolean control = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (control || name.contains("/") || name.contains("\\") || name.startsWith(".") || name.contains("..")) {
            throw ProblemException.invalid("invalid-filename",
                    "Le nom du fichier n'est pas valide : choisissez un fichier portant un nom simple, sans chemin.");
        }
        String safe = name.replaceAll("[^\\p{L}\\p{N} ._()'-]", "_");
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(safe.length() - MAX_LENGTH);
    }

    /** The extension in lower case, or "" when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
