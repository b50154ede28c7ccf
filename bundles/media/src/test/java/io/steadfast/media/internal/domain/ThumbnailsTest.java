package io.steadfast.media.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    static BufferedImage read(byte[] b) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(b));
    }

    @Test
    void aLargeJpegGetsAJpegThumbnailOf320OnItsLongestSide() throws IOException {
        CheckedImage c = ImageCheck.check(TestImages.jpeg(1600, 1200), 50_000_000L);
        byte[] t = Thumbnails.of(c, Thumbnails.LONGEST, false).orElseThrow();
        assertThat(ImageCheck.sniff(t)).contains(ImageFormat.JPEG);
        BufferedImage img = read(t);
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getHeight()).isEqualTo(240);
    }

    @Test
    void aSmallPngIsNotEnlargedAndASquareIsCentred() throws IOException {
        CheckedImage c = ImageCheck.check(TestImages.png(200, 100), 50_000_000L);
        BufferedImage plain = read(Thumbnails.of(c, 320, false).orElseThrow());
        assertThat(plain.getWidth()).isEqualTo(200);
        assertThat(plain.getHeight()).isEqualTo(100);
        BufferedImage square = read(Thumbnails.of(c, 320, true).orElseThrow());
        assertThat(square.getWidth()).isEqualTo(100);
        assertThat(square.getHeight()).isEqualTo(100);
    }

    @Test
    void theOrientationIsAppliedToTheThumbnail() throws IOException {
        // red on the left as stored; orientation 6 (turn 90 degrees clockwise to show): red on top
        byte[] jpeg = TestImages.jpegWithMetadata(TestImages.jpeg(400, 200), 6);
        CheckedImage c = ImageCheck.check(jpeg, 50_000_000L);
        BufferedImage t = read(Thumbnails.of(c, 320, false).orElseThrow());
        assertThat(t.getWidth()).isEqualTo(160);
        assertThat(t.getHeight()).isEqualTo(320);
        assertThat(red(t.getRGB(80, 20))).isTrue();
        assertThat(red(t.getRGB(80, 300))).isFalse();
    }

    @Test
    void orientationsMapEveryCorner() {
        BufferedImage src = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        src.setRGB(0, 0, 0xFF0000); // top left red
        assertThat(Thumbnails.orient(src, 1)).isSameAs(src);
        assertThat(Thumbnails.orient(src, 2).getRGB(2, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Thumbnails.orient(src, 3).getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Thumbnails.orient(src, 4).getRGB(0, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Thumbnails.orient(src, 5).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Thumbnails.orient(src, 6).getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Thumbnails.orient(src, 7).getRGB(1, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Thumbnails.orient(src, 8).getRGB(0, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Thumbnails.orient(src, 6).getWidth()).isEqualTo(2);
    }

    @Test
    void formatsTheJdkDoesNotDecodeHaveNone() {
        CheckedImage webp = ImageCheck.check(TestImages.webpWithMetadata(100, 100), 50_000_000L);
        assertThat(Thumbnails.of(webp, 320, false)).isEmpty();
        CheckedImage heic = ImageCheck.check(TestImages.heicWithMetadata("heic", 100, 100, 0), 50_000_000L);
        assertThat(Thumbnails.of(heic, 320, false)).isEmpty();
    }

    private static boolean red(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int b = rgb & 0xFF;
        return r > 180 && b < 80;
    }
}
