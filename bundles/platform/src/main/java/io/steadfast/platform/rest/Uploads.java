package io.steadfast.platform.rest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import javax.servlet.MultipartConfigElement;
import javax.servlet.http.Part;
import javax.ws.rs.WebApplicationException;

import org.eclipse.jetty.http.MultiPartFormInputStream;

import io.steadfast.api.error.ValidationException;

/**
 * Receiving a file: the one part of a {@code multipart/form-data} body (as a browser's form or {@code curl -F}
 * sends it), or a whole raw body with its own {@code Content-Type} ({@code curl --data-binary}). Either way the
 * bytes go to a temporary file as they arrive, never into memory, and stop at a byte limit with a 413 problem.
 * Multipart bodies are parsed by the Jetty the server runs on ({@code MultiPartFormInputStream}).
 * <p>
 * Request bodies of any type other than JSON may be as large as the platform's upload limit
 * ({@code request.maxUploadBytes}, 64 MB by default; JSON bodies stay at {@code request.maxBodyBytes}); each
 * resource passes its own, smaller limit here.
 *
 * <pre>
 * try (Uploads.Upload file = Uploads.receive(headers.getHeaderString("Content-Type"), body, "file", 10 &lt;&lt; 20)) {
 *     ... file.path() ...
 * }
 * </pre>
 *
 * @since 1.3
 */
public final class Uploads {

    /** The file received: on disk until {@link #close()}. */
    public record Upload(Path path, long size, String contentType, String fileName) implements AutoCloseable {

        /** Deletes the temporary file. */
        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String MULTIPART = "multipart/form-data";

    private Uploads() {}

    /** Whether a body of this {@code Content-Type} is JSON (and so held to the smaller limit of API bodies). */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = mediaType(contentType);
        return t.equals("application/json") || t.endsWith("+json");
    }

    /**
     * Receives the file of a request.
     *
     * @param contentType the request's {@code Content-Type} header
     * @param body        the request body
     * @param part        the name of the form field that carries the file in a multipart body
     * @param maxBytes    the most bytes the file may have: more is a 413 problem
     * @return the file, to be closed (deleted) by the caller
     * @throws ValidationException      a multipart body without that part, or an empty file (422)
     * @throws WebApplicationException 413 past {@code maxBytes}, 415 without a {@code Content-Type}
     */
    public static Upload receive(String contentType, InputStream body, String part, long maxBytes) {
        if (contentType == null || contentType.isBlank()) {
            throw new WebApplicationException(
                    "Send the file as multipart/form-data (a '" + part
                            + "' field) or as the body with its Content-Type",
                    415);
        }
        try {
            Upload upload = mediaType(contentType).equals(MULTIPART)
                    ? multipart(contentType, body, part, maxBytes)
                    : raw(contentType, body, maxBytes);
            if (upload.size() == 0) {
                upload.close();
                throw new ValidationException(part, "the file is empty");
            }
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Upload raw(String contentType, InputStream body, long maxBytes) throws IOException {
        Path file = Files.createTempFile("steadfast-upload-", ".bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            copy(body, out, maxBytes);
            return new Upload(file, Files.size(file), mediaType(contentType), null);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static Upload multipart(String contentType, InputStream body, String name, long maxBytes)
            throws IOException {
        Path dir = Files.createTempDirectory("steadfast-multipart-");
        MultiPartFormInputStream parts = new MultiPartFormInputStream(
                body,
                contentType,
                new MultipartConfigElement(dir.toString(), maxBytes, maxBytes + 64 * 1024, 64 * 1024),
                null);
        try {
            Part p;
            try {
                p = parts.getPart(name);
            } catch (IllegalStateException e) {
                // Jetty's "exceeds max filesize" / "Request exceeds maxRequestSize"
                throw tooLarge(maxBytes);
            } catch (IOException e) {
                if (e.getCause() instanceof IllegalStateException) {
                    throw tooLarge(maxBytes);
                }
                throw new ValidationException("body", "is not a readable multipart/form-data body");
            }
            if (p == null) {
                throw new ValidationException(name, "is required: send the file in a form field named '" + name + "'");
            }
            if (p.getSize() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            Path file = Files.createTempFile("steadfast-upload-", ".bin");
            try (InputStream in = p.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String type = p.getContentType() == null ? null : mediaType(p.getContentType());
            return new Upload(file, Files.size(file), type, fileName(p.getSubmittedFileName()));
        } finally {
            parts.deleteParts();
            deleteTree(dir.toFile());
        }
    }

    private static void copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
    }

    private static WebApplicationException tooLarge(long maxBytes) {
        return new WebApplicationException(
                "The file is larger than " + size(maxBytes) + ", the most allowed here", 413);
    }

    /** "10 MB", "512 KB", "100 bytes". */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        } else if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }

    private static String fileName(String submitted) {
        if (submitted == null || submitted.isBlank()) {
            return null;
        }
        // only the last path element, without control characters: a name to show, never a path to use
        String n = submitted.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }
}
