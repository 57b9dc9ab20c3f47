package fr.portailfamilles.document.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Hostile files built in code (no binaries checked in): PDF bombs, active PDFs, image headers that lie. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A one-page PDF that runs JavaScript when opened (/OpenAction). */
    public static byte[] pdfWithOpenActionJavaScript() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('bonjour');"));
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A one-page PDF opening on its first page (a GoTo /OpenAction, as many generators write): harmless. */
    public static byte[] pdfOpeningOnFirstPage() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            var destination = new org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination();
            destination.setPage(page);
            document.getDocumentCatalog().setOpenAction(destination);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF carrying an attached file (an /EmbeddedFiles name tree). */
    public static byte[] pdfWithEmbeddedFile() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            var file = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            file.setFile("facture.exe");
            file.setEmbeddedFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(document,
                    new java.io.ByteArrayInputStream(new byte[] { 'M', 'Z', 0, 0 })));
            var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("facture.exe", file));
            var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A ~3 MB PDF whose page tree sits in an object stream inflating to {@code gigabytes} GB of spaces:
     * counting its pages makes PDFBox decode the whole stream into memory. The deflate data is one
     * compressed megabyte of spaces repeated (each block refers back only to spaces), so it costs
     * nothing to build.
     */
    public static byte[] pdfObjectStreamBomb(int gigabytes) throws IOException {
        long padding = (long) gigabytes << 30;
        String header = "2 " + padding + " ";
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        z.write(new byte[] { 0x78, (byte) 0xDA });
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        Deflater first = new Deflater(9, true);
        first.setInput((header + " ".repeat(32 * 1024)).getBytes(StandardCharsets.US_ASCII));
        z.write(flushed(first));
        Deflater repeated = new Deflater(9, true);
        repeated.setDictionary(Arrays.copyOf(spaces, 32 * 1024));
        repeated.setInput(spaces);
        byte[] block = flushed(repeated);
        for (long written = 32 * 1024; written < padding; written += spaces.length) {
            z.write(block);
        }
        Deflater last = new Deflater(9, true);
        last.setDictionary(Arrays.copyOf(spaces, 32 * 1024));
        last.setInput("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".getBytes(StandardCharsets.US_ASCII));
        last.finish();
        byte[] tail = new byte[256];
        z.write(tail, 0, last.deflate(tail));
        byte[] stream = z.toByteArray();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ascii("%PDF-1.7\n"));
        long catalog = out.size();
        out.write(ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"));
        long page = out.size();
        out.write(ascii("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"));
        long objectStream = out.size();
        out.write(ascii("4 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length() + " /Filter /FlateDecode /Length "
                + stream.length + " >>\nstream\n"));
        out.write(stream);
        out.write(ascii("\nendstream\nendobj\n"));
        long xref = out.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream rows = new DataOutputStream(entries);
        long[][] table = { { 0, 0, 65535 }, { 1, catalog, 0 }, { 2, 4, 0 }, { 1, page, 0 }, { 1, objectStream, 0 }, { 1, xref, 0 } };
        for (long[] row : table) {
            rows.writeByte((int) row[0]);
            rows.writeInt((int) row[1]);
            rows.writeShort((int) row[2]);
        }
        out.write(ascii("5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length " + entries.size() + " >>\nstream\n"));
        out.write(entries.toByteArray());
        out.write(ascii("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n"));
        return out.toByteArray();
    }

    /** A PDF whose catalog has no page tree: PDFBox answers with a runtime exception, not an IOException. */
    public static byte[] pdfWithoutPageTree() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ascii("%PDF-1.7\n"));
        long catalog = out.size();
        out.write(ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"));
        long pages = out.size();
        out.write(ascii("2 0 obj\n42\nendobj\n"));
        long xref = out.size();
        out.write(ascii("xref\n0 3\n0000000000 65535 f \n" + String.format("%010d 00000 n \n%010d 00000 n \n", catalog, pages)
                + "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n"));
        return out.toByteArray();
    }

    /** A valid PNG of {@code width} x {@code height} black pixels (1 bit grey): small on disk, huge once decoded. */
    public static byte[] pngBomb(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
        ihdr.putInt(width).putInt(height).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        byte[] row = new byte[1 + (width + 7) / 8];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * The JPEG given with an EXIF segment inserted after SOI: camera make, orientation 6 (rotated) and a
     * GPS position (48°51'N 2°21'E).
     */
    public static byte[] withExifGps(byte[] jpeg) throws IOException {
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
        tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
        // IFD0 at 8: Make, Orientation, GPS IFD pointer.
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(6).putInt(62);          // Make "Canon\0" at 62
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(68);          // GPS IFD at 68
        tiff.putInt(0);
        tiff.position(62);
        tiff.put("Canon\0".getBytes(StandardCharsets.US_ASCII));
        // GPS IFD at 68: LatitudeRef N, Latitude 48/1 51/1 0/1 (rationals at 110).
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(110);
        tiff.putInt(0);
        tiff.position(110);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(0).putInt(1);
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream chunk = new DataOutputStream(out);
        chunk.writeInt(data.length);
        byte[] name = ascii(type);
        chunk.write(name);
        chunk.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        chunk.writeInt((int) crc.getValue());
    }

    private static byte[] flushed(Deflater deflater) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
            if (n < buffer.length) {
                break;
            }
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
