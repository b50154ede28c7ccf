package io.steadfast.media.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.api.media.MediaStore;

class FileSystemMediaStoreTest {

    @TempDir
    Path dir;

    static void put(MediaStore s, String key, String text, String type) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.put(key, new ByteArrayInputStream(b), b.length, type);
    }

    static String read(MediaStore s, String key) throws IOException {
        try (MediaStore.Blob b = s.get(key).orElseThrow()) {
            return new String(b.stream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void objectsAreStoredWithTheirTypeAndDeletedByKeyOrPrefix() throws IOException {
        FileSystemMediaStore s = new FileSystemMediaStore(dir.resolve("media"));
        assertThat(s.kind()).isEqualTo("filesystem");
        put(s, "u/1/h/2/2031-03-04/a/original", "photo", "image/jpeg");
        put(s, "u/1/h/2/2031-03-04/a/thumb.jpg", "thumb", "image/jpeg");
        put(s, "u/1/h/3/2031-03-04/b/original", "other", "image/png");
        put(s, "u/9/avatar/c/original", "someone else", "image/png");

        try (MediaStore.Blob b = s.get("u/1/h/3/2031-03-04/b/original").orElseThrow()) {
            assertThat(b.contentType()).isEqualTo("image/png");
            assertThat(b.size()).isEqualTo(5);
        }
        assertThat(read(s, "u/1/h/2/2031-03-04/a/original")).isEqualTo("photo");
        assertThat(s.get("u/1/h/2/2031-03-04/a/nothing")).isEmpty();

        put(s, "u/1/h/2/2031-03-04/a/original", "replaced", "image/webp");
        assertThat(read(s, "u/1/h/2/2031-03-04/a/original")).isEqualTo("replaced");

        s.delete("u/1/h/2/2031-03-04/a/thumb.jpg");
        s.delete("u/1/h/2/2031-03-04/a/thumb.jpg");
        assertThat(s.get("u/1/h/2/2031-03-04/a/thumb.jpg")).isEmpty();

        s.deletePrefix("u/1/h/2/");
        assertThat(s.get("u/1/h/2/2031-03-04/a/original")).isEmpty();
        assertThat(Files.exists(dir.resolve("media/u/1/h/2"))).isFalse();
        assertThat(read(s, "u/1/h/3/2031-03-04/b/original")).isEqualTo("other");
        s.deletePrefix("u/1/");
        s.deletePrefix("u/1/");
        assertThat(s.get("u/1/h/3/2031-03-04/b/original")).isEmpty();
        assertThat(read(s, "u/9/avatar/c/original")).isEqualTo("someone else");
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("#tmp-")))
                    .as("no temporary files")
                    .isEmpty();
        }
    }

    @Test
    void keysOutsideTheRulesAreRefused() {
        FileSystemMediaStore s = new FileSystemMediaStore(dir);
        for (String bad : new String[] {"../x", "/etc/passwd", "a/../../x", "a b", "a\\..\\b", "", "a//b", "ü"}) {
            assertThatThrownBy(() -> put(s, bad, "x", "text/plain"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> s.deletePrefix("u/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.deletePrefix("../")).isInstanceOf(IllegalArgumentException.class);
    }
}
