package io.steadfast.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the web app's servlet answers to a request, decided without the servlet API (plain Java, unit-tested):
 *
 * <ul>
 *   <li>{@code /} is {@code index.html}; a file of the build is itself, in the best precompressed copy the client
 *       accepts ({@code br}, then {@code gzip}) with {@code Content-Encoding} and {@code Vary: Accept-Encoding};
 *   <li>hashed build files ({@code /assets/*}) may be cached for a year ({@code immutable}); {@code index.html}
 *       and the other files are revalidated every time ({@code no-cache}) with their entity tag;
 *   <li>any other {@code GET} or {@code HEAD} whose {@code Accept} names {@code text/html} is a route of the app
 *       (the browser opened {@code /habits} directly): {@code index.html}, whose router shows the screen;
 *   <li>{@code /api} and {@code /health} are never the app's: what reaches this servlet there (the API has its
 *       own servlet context, health its own servlet) is a 404, as is everything else, and a missing hashed file.
 * </ul>
 */
final class WebRules {

    static final String INDEX = "/index.html";
    static final String ASSETS = "/assets/";
    static final String ALLOW = "GET, HEAD, OPTIONS";

    static final String CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
    static final String CACHE_REVALIDATE = "no-cache";

    /**
     * The page may load its own scripts, styles and images and talk to its own origin; nothing else. Inline style
     * elements are allowed because Chakra UI (Emotion) writes its styles into them at run time.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Paths of files the build makes: letters, digits and {@code . _ - ~ @} between slashes. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._~@-]+)+/?|/");

    private final AssetCatalog catalog;

    WebRules(AssetCatalog catalog) {
        this.catalog = catalog;
    }

    /** The parts of a request the answer depends on (header values may be null). */
    record Request(String method, String path, String accept, String acceptEncoding, String ifNoneMatch) {}

    /** What to answer. */
    enum Kind {
        /** 200 with the asset's content (no content for {@code HEAD}). */
        CONTENT,
        /** 304: the client's copy is current. */
        NOT_MODIFIED,
        /** 204 to {@code OPTIONS}. */
        OPTIONS,
        /** An error status, answered by the platform's error page ({@code sendError}). */
        ERROR
    }

    /**
     * @param kind what to answer
     * @param status the HTTP status
     * @param asset the file (for {@link Kind#CONTENT} and {@link Kind#NOT_MODIFIED})
     * @param encoding the precompressed copy to send, or null for the file as it is
     * @param headers the response headers to set, in order
     */
    record Reply(Kind kind, int status, Asset asset, Encoding encoding, Map<String, String> headers) {
        Reply {
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    Reply decide(Request request) {
        String method = request.method();
        if ("OPTIONS".equals(method)) {
            return new Reply(Kind.OPTIONS, 204, null, null, Map.of("Allow", ALLOW));
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        if (!read) {
            return new Reply(Kind.ERROR, 405, null, null, Map.of("Allow", ALLOW));
        }
        if (isReserved(path) || !isSafe(path)) {
            return notFound();
        }
        Optional<Asset> asset = catalog.find("/".equals(path) ? INDEX : path);
        if (asset.isEmpty() && !path.startsWith(ASSETS) && HeaderValues.wantsHtml(request.accept())) {
            asset = catalog.find(INDEX);
        }
        return asset.map(a -> serve(a, request)).orElseGet(WebRules::notFound);
    }

    private static Reply notFound() {
        return new Reply(Kind.ERROR, 404, null, null, Map.of());
    }

    private static Reply serve(Asset asset, Request request) {
        Encoding encoding = null;
        for (Encoding e : Encoding.values()) { // in order of preference
            if (asset.encodings().contains(e) && HeaderValues.accepts(request.acceptEncoding(), e)) {
                encoding = e;
                break;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", asset.contentType());
        headers.put("Cache-Control", asset.immutable() ? CACHE_IMMUTABLE : CACHE_REVALIDATE);
        headers.put("ETag", asset.etag(encoding));
        if (!asset.encodings().isEmpty()) {
            headers.put("Vary", "Accept-Encoding");
        }
        securityHeaders(headers);
        if (HeaderValues.matches(request.ifNoneMatch(), asset.etag(encoding))) {
            return new Reply(Kind.NOT_MODIFIED, 304, asset, encoding, headers);
        }
        if (encoding != null) {
            headers.put("Content-Encoding", encoding.token());
        }
        headers.put("Content-Length", Long.toString(asset.length(encoding)));
        return new Reply(Kind.CONTENT, 200, asset, encoding, headers);
    }

    /** The headers the API's answers carry too, with the page's own content security policy. */
    static void securityHeaders(Map<String, String> headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", CSP);
    }

    /** The API's and health's paths: the app never answers there, not even with index.html. */
    static boolean isReserved(String path) {
        return isUnder(path, "/api") || isUnder(path, "/health");
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A path a file of the build can have: no {@code .} or {@code ..} segment, no empty segment, no odd character. */
    static boolean isSafe(String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
