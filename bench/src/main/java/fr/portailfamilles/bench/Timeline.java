package fr.portailfamilles.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request of a run, as its answer arrived: the simulation adds to it from many threads, then writes one CSV
 * ({@code endMillis,kind,latencyMillis,status,line}) that {@link Hol1Report} reads.
 */
public final class Timeline {

    /** One answer; {@code line} is the booked line's status (CONFIRMED, WAITLISTED) when there is one. */
    public record Row(long endMillis, String kind, long latencyMillis, int status, String line) {
    }

    private final ConcurrentLinkedQueue<Row> rows = new ConcurrentLinkedQueue<>();

    public void add(String kind, long latencyMillis, int status, String line) {
        rows.add(new Row(System.currentTimeMillis(), kind, latencyMillis, status, line));
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("endMillis,kind,latencyMillis,status,line\n");
            for (Row row : rows) {
                out.write(row.endMillis() + "," + row.kind() + "," + row.latencyMillis() + "," + row.status() + ","
                        + (row.line() == null ? "" : row.line()) + "\n");
            }
        }
    }

    public static List<Row> read(Path file) throws IOException {
        List<Row> read = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            if (cells.length == 5 && !cells[0].equals("endMillis")) {
                read.add(new Row(Long.parseLong(cells[0]), cells[1], Long.parseLong(cells[2]), Integer.parseInt(cells[3]),
                        cells[4].isEmpty() ? null : cells[4]));
            }
        }
        return read;
    }
}
