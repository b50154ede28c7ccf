package io.steadfast.media.internal.domain;

import static io.steadfast.media.internal.domain.TestImages.SECRET;
import static io.steadfast.media.internal.domain.TestImages.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

class ImageCheckTest {

    static final long MAX = 50_000_000L;

    @Test
    void aJpegIsToldFromItsBytesAndLosesItsGpsExifXmpAndComments() throws IOException {
        byte[] original = TestImages.jpegWithMetadata(TestImages.jpeg(64, 48), 0);
        assertThat(contains(original, SECRET)).isTrue();
        assertThat(contains(original, "Exif")).isTrue();

        CheckedImage c = ImageCheck.check(original, MAX);

        assertThat(c.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(c.width()).isEqualTo(64);
        assertThat(c.height()).isEqualTo(48);
        assertThat(c.orientation()).isEqualTo(1);
        assertThat(contains(c.bytes(), SECRET)).isFalse();
        assertThat(contains(c.bytes(), "Exif"))
                .as("no EXIF block at all without an orientation")
                .isFalse();
        assertThat(contains(c.bytes(), "http://ns.adobe.com/xap")).isFalse();
        assertThat(contains(c.bytes(), "Photoshop")).isFalse();
        // still the same picture, decoded by the JDK, and nothing else is lost: the scan data is byte for byte there
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(c.bytes()));
        assertThat(back.getWidth()).isEqualTo(64);
        byte[] plain = TestImages.jpeg(64, 48);
        assertThat(c.bytes().length).isLessThanOrEqualTo(plain.length);
        assertThat(exifOf(c.bytes())).isNull();
    }

    @Test
    void theOrientationSurvivesAsTheOnlyExifTagAndTurnsTheShownSize() {
        byte[] original = TestImages.jpegWithMetadata(TestImages.jpeg(64, 48), 6);
        CheckedImage c = ImageCheck.check(original, MAX);
        assertThat(c.orientation()).isEqualTo(6);
        assertThat(c.shownWidth()).isEqualTo(48);
        assertThat(c.shownHeight()).isEqualTo(64);
        assertThat(contains(c.bytes(), SECRET)).isFalse();
        assertThat(contains(c.bytes(), "Exif")).isTrue();
        // read back: the stripped file says orientation 6 and has no GPS pointer
        assertThat(ImageCheck.check(c.bytes(), MAX).orientation()).isEqualTo(6);
        assertThat(indexOf(c.bytes(), new byte[] {(byte) 0x88, 0x25})).isEqualTo(-1);
    }

    @Test
    void theIccProfileAndAdobeSegmentsAreKept() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        byte[] icc = segment(0xE2, "ICC_PROFILE\0\1\1profile-bytes");
        byte[] adobe = segment(0xEE, "Adobe\0d\0\0\0\0\1");
        byte[] app5 = segment(0xE5, "vendor " + SECRET);
        byte[] withThem = TestImages.concat(
                Arrays.copyOf(jpeg, 2),
                TestImages.concat(
                        icc,
                        TestImages.concat(adobe, TestImages.concat(app5, Arrays.copyOfRange(jpeg, 2, jpeg.length)))));
        CheckedImage c = ImageCheck.check(withThem, MAX);
        assertThat(contains(c.bytes(), "ICC_PROFILE\0\1\1profile-bytes")).isTrue();
        assertThat(contains(c.bytes(), "Adobe\0d")).isTrue();
        assertThat(contains(c.bytes(), SECRET)).isFalse();
    }

    @Test
    void aMarkerHiddenAfterTheScanIsStrippedToo() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        // before EOI: a COM segment after the entropy-coded data
        byte[] tail = TestImages.concat(segment(0xFE, SECRET), new byte[] {(byte) 0xFF, (byte) 0xD9});
        byte[] sneaky = TestImages.concat(Arrays.copyOf(jpeg, jpeg.length - 2), tail);
        CheckedImage c = ImageCheck.check(sneaky, MAX);
        assertThat(contains(c.bytes(), SECRET)).isFalse();
        assertThat(c.bytes()[c.bytes().length - 1] & 0xFF).isEqualTo(0xD9);
    }

    @Test
    void aPngLosesItsTextExifAndTimeChunksAndStaysValid() throws IOException {
        byte[] original = TestImages.pngWithMetadata(TestImages.png(30, 20));
        assertThat(contains(original, SECRET)).isTrue();
        CheckedImage c = ImageCheck.check(original, MAX);
        assertThat(c.format()).isEqualTo(ImageFormat.PNG);
        assertThat(c.width()).isEqualTo(30);
        assertThat(c.height()).isEqualTo(20);
        assertThat(contains(c.bytes(), SECRET)).isFalse();
        for (String chunk : new String[] {"eXIf", "tEXt", "zTXt", "iTXt", "tIME"}) {
            assertThat(contains(c.bytes(), chunk)).as(chunk).isFalse();
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(c.bytes())).getWidth()).isEqualTo(30);
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndTheirFlags() {
        byte[] original = TestImages.webpWithMetadata(1000, 750);
        CheckedImage c = ImageCheck.check(original, MAX);
        assertThat(c.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(c.width()).isEqualTo(1000);
        assertThat(c.height()).isEqualTo(750);
        byte[] b = c.bytes();
        assertThat(contains(b, SECRET)).isFalse();
        assertThat(contains(b, "EXIF")).isFalse();
        assertThat(contains(b, "XMP ")).isFalse();
        assertThat(b[20] & 0x0C).as("VP8X flags").isZero();
        assertThat(Bytes.u32le(b, 4)).as("RIFF size").isEqualTo(b.length - 8L);
        assertThat(contains(b, "VP8L")).isTrue();
    }

    @Test
    void aWebpWithoutVp8xHasTheSizeOfItsBitstream() {
        byte[] vp8 = {0, 0, 0, (byte) 0x9D, 0x01, 0x2A, (byte) 0x80, 0x02, (byte) 0xE0, 0x01};
        byte[] body = TestImages.concat(TestImages.ascii("VP8 "), TestImages.concat(new byte[] {10, 0, 0, 0}, vp8));
        byte[] riff = TestImages.concat(
                TestImages.ascii("RIFF"),
                TestImages.concat(
                        new byte[] {(byte) (4 + body.length), 0, 0, 0},
                        TestImages.concat(TestImages.ascii("WEBP"), body)));
        CheckedImage c = ImageCheck.check(riff, MAX);
        assertThat(c.width()).isEqualTo(640);
        assertThat(c.height()).isEqualTo(480);
    }

    @Test
    void aHeicKeepsItsLayoutButItsExifAndXmpPayloadsAreZeros() {
        for (int version : new int[] {0, 1, 2}) {
            byte[] original = TestImages.heicWithMetadata("heic", 4032, 3024, version);
            assertThat(contains(original, SECRET)).isTrue();
            CheckedImage c = ImageCheck.check(original, MAX);
            assertThat(c.format()).isEqualTo(ImageFormat.HEIC);
            assertThat(c.width()).as("the largest ispe, not the thumbnail's").isEqualTo(4032);
            assertThat(c.height()).isEqualTo(3024);
            assertThat(c.bytes().length).isEqualTo(original.length);
            assertThat(contains(c.bytes(), SECRET))
                    .as("iloc version " + version)
                    .isFalse();
            assertThat(contains(c.bytes(), "not really HEVC data"))
                    .as("the image item is untouched")
                    .isTrue();
        }
    }

    @Test
    void heifBrandsAreTold() {
        assertThat(ImageCheck.sniff(TestImages.heicWithMetadata("mif1", 10, 10, 0)))
                .contains(ImageFormat.HEIF);
        assertThat(ImageCheck.sniff(TestImages.heicWithMetadata("heix", 10, 10, 0)))
                .contains(ImageFormat.HEIC);
        assertThat(ImageCheck.sniff(TestImages.heicWithMetadata("avif", 10, 10, 0)))
                .isEmpty();
    }

    @Test
    void otherFilesAreRefusedByTheirBytesWhateverTheyAreCalled() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] gif = "GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] b : new byte[][] {pdf, gif, new byte[0], {(byte) 0xFF}, "RIFF....WAVE".getBytes()}) {
            assertThatThrownBy(() -> ImageCheck.check(b, MAX))
                    .isInstanceOfSatisfying(ImageRefused.class, e -> assertThat(e.unsupportedType())
                            .isTrue())
                    .hasMessageContaining("image/jpeg, image/png, image/webp, image/heic, image/heif");
        }
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() {
        // a PNG header that declares 100000 x 100000 pixels, with no data to speak of
        byte[] png = TestImages.png(10, 10);
        byte[] bomb = png.clone();
        bomb[16] = 0;
        bomb[17] = 1;
        bomb[18] = (byte) 0x86;
        bomb[19] = (byte) 0xA0;
        System.arraycopy(bomb, 16, bomb, 20, 4);
        assertThatThrownBy(() -> ImageCheck.check(bomb, MAX))
                .isInstanceOfSatisfying(
                        ImageRefused.class, e -> assertThat(e.unsupportedType()).isFalse())
                .hasMessageContaining("100000 x 100000")
                .hasMessageContaining("50 megapixels");
        assertThatThrownBy(() -> ImageCheck.check(TestImages.webpWithMetadata(16000, 16000), MAX))
                .hasMessageContaining("16000 x 16000");
        assertThatThrownBy(() -> ImageCheck.check(TestImages.heicWithMetadata("heic", 10000, 8000, 0), MAX))
                .hasMessageContaining("10000 x 8000");
    }

    @Test
    void damagedFilesAreRefusedWithAMessageNotAnException() {
        byte[] jpeg = TestImages.jpeg(16, 16);
        byte[] cut = Arrays.copyOf(jpeg, 30);
        assertThatThrownBy(() -> ImageCheck.check(cut, MAX))
                .isInstanceOf(ImageRefused.class)
                .hasMessageStartingWith("The JPEG image cannot be read");
        byte[] png = Arrays.copyOf(TestImages.pngWithMetadata(TestImages.png(10, 10)), 60);
        assertThatThrownBy(() -> ImageCheck.check(png, MAX)).isInstanceOf(ImageRefused.class);
        byte[] heic = Arrays.copyOf(TestImages.heicWithMetadata("heic", 10, 10, 0), 40);
        assertThatThrownBy(() -> ImageCheck.check(heic, MAX)).isInstanceOf(ImageRefused.class);
        byte[] webp = Arrays.copyOf(TestImages.webpWithMetadata(10, 10), 24);
        assertThatThrownBy(() -> ImageCheck.check(webp, MAX)).isInstanceOf(ImageRefused.class);
    }

    private static IIOMetadata exifOf(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            var r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadata m = r.getImageMetadata(0);
            var tree = (org.w3c.dom.Element) m.getAsTree("javax_imageio_jpeg_image_1.0");
            var units = tree.getElementsByTagName("unknown");
            for (int i = 0; i < units.getLength(); i++) {
                var u = (org.w3c.dom.Element) units.item(i);
                if ("225".equals(u.getAttribute("MarkerTag"))) {
                    return m;
                }
            }
            return null;
        }
    }

    private static byte[] segment(int marker, String data) {
        byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
        byte[] s = new byte[d.length + 4];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        s[2] = (byte) ((d.length + 2) >> 8);
        s[3] = (byte) (d.length + 2);
        System.arraycopy(d, 0, s, 4, d.length);
        return s;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
