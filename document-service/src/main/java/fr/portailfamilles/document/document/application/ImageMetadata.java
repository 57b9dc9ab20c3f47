package fr.portailfamilles.document.document.application;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes from a photo what it tells beyond the document: EXIF (GPS position, camera, date, thumbnail),
 * XMP, IPTC, comments, and what follows the image (second pictures of multi-picture JPEGs, with their own
 * EXIF). Stripped on store rather than kept: staff review a document, they never need where or with
 * what it was photographed, and a parent's home position is not ours to keep. The EXIF orientation alone
 * is written back, so a phone photo taken upright still shows upright to staff. Pixels are copied as they
 * are (no re-encoding, no quality loss). A file it cannot follow is returned unchanged.
 */
final class ImageMetadata {

    /** PNG chunks kept: the critical ones and those that change how pixels look; text, eXIf and tIME go. */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP",
            "sBIT", "pHYs", "bKGD", "hIST", "sPLT");
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ImageMetadata() {
    }

    static byte[] strip(byte[] image, String contentType) {
        try {
            return ContentInspector.JPEG.equals(contentType) ? stripJpeg(image) : stripPng(image);
        }
        catch (RuntimeException ex) {
            return image;
        }
    }

    private static byte[] stripJpeg(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int at = 2;
        int orientation = 1;
        boolean orientationWritten = false;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                return jpeg;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xDA) {
                if (orientation != 1 && !orientationWritten) {
                    writeOrientation(out, orientation);
                }
                int end = endOfImage(jpeg, at);
                out.write(jpeg, at, end - at);
                return out.toByteArray();
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            int next = at + 2 + length;
            if (length < 2 || next > jpeg.length) {
                return jpeg;
            }
            boolean application = marker >= 0xE0 && marker <= 0xEF;
            // Kept: JFIF (APP0), ICC profile (APP2, but not MPF), Adobe colour transform (APP14), and every non-APP segment.
            boolean kept = !application && marker != 0xFE || marker == 0xE0 || marker == 0xEE
                    || marker == 0xE2 && startsWith(jpeg, at + 4, "ICC_PROFILE");
            if (marker == 0xE1 && startsWith(jpeg, at + 4, "Exif")) {
                orientation = orientation(jpeg, at + 10, length - 8);
            }
            if (kept) {
                if (marker != 0xE0 && orientation != 1 && !orientationWritten) {
                    writeOrientation(out, orientation);
                    orientationWritten = true;
                }
                out.write(jpeg, at, next - at);
            }
            at = next;
        }
        return jpeg;
    }

    /** Index just past the first EOI after the scan starting at {@code sos}: inside scans 0xFF is followed by 0x00 or RSTn. */
    private static int endOfImage(byte[] jpeg, int sos) {
        for (int i = sos + 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD9) {
                return i + 2;
            }
        }
        return jpeg.length;
    }

    private static int orientation(byte[] jpeg, int tiffStart, int tiffLength) {
        ByteBuffer tiff = ByteBuffer.wrap(jpeg, tiffStart, tiffLength).slice();
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((tiff.getShort(entry) & 0xFFFF) == 0x0112) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** An APP1 EXIF segment holding only IFD0 with the Orientation tag. */
    private static void writeOrientation(ByteArrayOutputStream out, int orientation) {
        ByteBuffer segment = ByteBuffer.allocate(2 + 2 + EXIF.length + 26).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + EXIF.length + 26)).put(EXIF);
        segment.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8).putShort((short) 1);
        segment.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        segment.putInt(0);
        out.write(segment.array(), 0, segment.position());
    }

    private static byte[] stripPng(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        int at = 8;
        while (at + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            int next = at + 12 + length;
            if (length < 0 || next > png.length) {
                return png;
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (PNG_KEPT.contains(type)) {
                out.write(png, at, next - at);
            }
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
            at = next;
        }
        return png;
    }

    private static boolean startsWith(byte[] bytes, int at, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (at + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
