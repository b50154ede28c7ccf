package io.steadfast.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.ValidationException;

class UploadsTest {

    private static final String BOUNDARY = "----sfBoundary42";

    private static byte[] multipart(String field, String fileName, String type, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void takesTheNamedPartOfAMultipartBodyToATemporaryFile() throws Exception {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path path;
        try (Uploads.Upload u = Uploads.receive(
                "multipart/form-data; boundary=" + BOUNDARY,
                new ByteArrayInputStream(multipart("file", "C:\\photos\\../me.jpg", "image/jpeg", content)),
                "file",
                1 << 20)) {
            path = u.path();
            assertThat(u.size()).isEqualTo(content.length);
            assertThat(Files.readAllBytes(u.path())).isEqualTo(content);
            assertThat(u.contentType()).isEqualTo("image/jpeg");
            assertThat(u.fileName()).isEqualTo("me.jpg");
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void takesARawBodyWithItsContentType() {
        try (Uploads.Upload u = Uploads.receive(
                "text/csv; charset=utf-8", new ByteArrayInputStream("habit,date\n".getBytes()), "file", 100)) {
            assertThat(u.size()).isEqualTo(11);
            assertThat(u.contentType()).isEqualTo("text/csv");
            assertThat(u.fileName()).isNull();
        }
    }

    @Test
    void refusesWhatIsTooLargeMissingOrEmpty() throws Exception {
        assertThatThrownBy(() -> Uploads.receive(
                        "application/octet-stream", new ByteArrayInputStream(new byte[101]), "file", 100))
                .isInstanceOfSatisfying(
                        WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(413));
        byte[] big = multipart("file", "a.png", "image/png", new byte[2000]);
        assertThatThrownBy(() -> Uploads.receive(
                        "multipart/form-data; boundary=" + BOUNDARY, new ByteArrayInputStream(big), "file", 1000))
                .isInstanceOfSatisfying(
                        WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(413));
        byte[] other = multipart("photo", "a.png", "image/png", new byte[20]);
        assertThatThrownBy(() -> Uploads.receive(
                        "multipart/form-data; boundary=" + BOUNDARY, new ByteArrayInputStream(other), "file", 1000))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("file");
        assertThatThrownBy(() -> Uploads.receive("image/png", new ByteArrayInputStream(new byte[0]), "file", 1000))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Uploads.receive(null, new ByteArrayInputStream(new byte[1]), "file", 1000))
                .isInstanceOfSatisfying(
                        WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(415));
        assertThat(Uploads.isJson("application/json; charset=utf-8")).isTrue();
        assertThat(Uploads.isJson("application/problem+json")).isTrue();
        assertThat(Uploads.isJson("multipart/form-data; boundary=x")).isFalse();
    }
}
