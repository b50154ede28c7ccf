/**
 * Plain Java, no OSGi, JPA, JAX-RS or Jackson: what an uploaded file is (from its bytes, never its name or
 * declared type), its size in pixels, the same file without its metadata (byte-level, never re-encoded), its
 * thumbnail, the keys of the store and the signed URLs.
 */
package io.steadfast.media.internal.domain;
