package io.steadfast.web.internal;

import java.util.Map;
import java.util.Set;

/**
 * A file of the built app.
 *
 * @param path its path from the root, {@code /assets/index-4QlUL69f.js}
 * @param contentType the {@code Content-Type} it is served with
 * @param etag the entity tag of the file as it is (quoted); a compressed copy's tag adds its coding
 * @param length its size in bytes
 * @param copies the sizes of its precompressed copies, by coding
 */
record Asset(String path, String contentType, String etag, long length, Map<Encoding, Long> copies) {

    Asset {
        copies = Map.copyOf(copies);
    }

    /** Whether the app's build gave the file a hashed name: it never changes, so it may be cached for ever. */
    boolean immutable() {
        return path.startsWith(WebRules.ASSETS);
    }

    Set<Encoding> encodings() {
        return copies.keySet();
    }

    /** The path of the stored file that answers in {@code encoding} (null: the file itself). */
    String storedPath(Encoding encoding) {
        return encoding == null ? path : path + encoding.suffix();
    }

    long length(Encoding encoding) {
        return encoding == null ? length : copies.get(encoding);
    }

    /** The entity tag of the representation in {@code encoding}: each coding is a representation of its own. */
    String etag(Encoding encoding) {
        return encoding == null ? etag : etag.substring(0, etag.length() - 1) + "-" + encoding.token() + "\"";
    }
}
