package fr.portailfamilles.document.document.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.junit.jupiter.api.Test;

import fr.portailfamilles.document.document.HostileFiles;

class ImageMetadataTests {

    @Test
    void whenAPngCarriesTextChunksThenTheyAreRemovedAndThePixelsKept() throws IOException {
        byte[] png = pngWithText("GPS", "48.8566 N, 2.3522 E");
        assertThat(latin1(png)).contains("48.8566");

        byte[] stripped = ImageMetadata.strip(png, ContentInspector.PNG);

        assertThat(latin1(stripped)).doesNotContain("48.8566").doesNotContain("tEXt");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(image.getRGB(3, 4) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void whenAJpegCarriesExifThenOnlyTheOrientationIsWrittenBackAndTheScanIsUntouched() throws IOException {
        BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] plain = out.toByteArray();
        byte[] withExif = HostileFiles.withExifGps(plain);

        byte[] stripped = ImageMetadata.strip(withExif, ContentInspector.JPEG);

        assertThat(latin1(stripped)).doesNotContain("Canon").contains("Exif");
        assertThat(stripped.length).isEqualTo(plain.length + 2 + 2 + 6 + 26);
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(16);
        // Everything from the first table on is the original's, byte for byte.
        assertThat(latin1(stripped)).endsWith(latin1(plain).substring(latin1(plain).indexOf("\u00ff\u00db")));
    }

    @Test
    void whenTheFileCannotBeFollowedThenItIsLeftAsItIs() {
        byte[] odd = { (byte) 0xFF, (byte) 0xD8, 0x00, 0x01, 0x02 };
        assertThat(ImageMetadata.strip(odd, ContentInspector.JPEG)).isSameAs(odd);
    }

    private static byte[] pngWithText(String keyword, String value) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", value);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        text.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        }
        writer.dispose();
        return out.toByteArray();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
