package io.steadfast.web.internal;

/** A precompressed copy of a file, made at build time (scripts/precompress.mjs) and stored next to it. */
enum Encoding {
    /** Brotli, {@code name.br}: the smaller, preferred when the browser accepts both. */
    BROTLI("br", ".br"),
    /** gzip, {@code name.gz}. */
    GZIP("gzip", ".gz");

    private final String token;
    private final String suffix;

    Encoding(String token, String suffix) {
        this.token = token;
        this.suffix = suffix;
    }

    /** The content coding, as in {@code Accept-Encoding} and {@code Content-Encoding}. */
    String token() {
        return token;
    }

    /** The file name suffix of the copy. */
    String suffix() {
        return suffix;
    }

    /** The copy's suffix, if {@code path} is such a copy; otherwise null. */
    static Encoding ofCopy(String path) {
        for (Encoding e : values()) {
            if (path.endsWith(e.suffix)) {
                return e;
            }
        }
        return null;
    }
}
