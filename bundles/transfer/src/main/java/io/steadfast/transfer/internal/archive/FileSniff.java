package io.steadfast.transfer.internal.archive;

import java.util.List;

/**
 * What is cheap to know about an uploaded file before choosing its reader.
 *
 * @param head       its first bytes (up to 4 KB)
 * @param zipEntries the names of its entries when it is a zip (read from the central directory), else empty
 * @param contentType the uploader's {@code Content-Type} (a hint only: the bytes decide), or {@code null}
 */
public record FileSniff(byte[] head, List<String> zipEntries, String contentType) {}
