package io.steadfast.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What the edge answers when Jetty itself refuses a request, in plain Java: RFC 9457 problems (the same shape as the
 * API's: type, title, status, detail, instance, requestId), a small HTML page for paths outside the API, the API's
 * security headers, and the check of a URL's percent-encoding. This fragment cannot see the platform bundle (it
 * lives in Jetty's class space), so the header values are repeated here; {@code EdgeRulesTest} checks that they equal
 * the platform's {@code SecurityHeaders}.
 */
public final class EdgeRules {

    /** Media type of RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";

    public static final String TYPE_PREFIX = "urn:steadfast:problem:";

    /** The security headers of every answer (the same as the API's {@code SecurityHeaders}). */
    static final String[][] SECURITY_HEADERS = {
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"},
    };

    /**
     * The content security policy of the HTML pages the server makes itself: the API's, plus their inline style
     * sheet.
     */
    public static final String HTML_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * The request attribute that carries a request's id from the edge to the API (the platform's {@code
     * RequestFilter.REQUEST_ID_ATTRIBUTE}; {@code EdgeRulesTest} checks that they are the same).
     */
    public static final String REQUEST_ID_ATTRIBUTE = "steadfast.requestId";

    /**
     * The key of a request's id in the logging MDC while the request is served: {@code %X{requestId}} in a
     * pattern, the {@code requestId} field of the JSON log (etc/org.ops4j.pax.logging.cfg).
     */
    public static final String REQUEST_ID_MDC = "requestId";

    /** A caller's {@code X-Request-Id} that is used as given (the platform's {@code RequestIds}). */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private EdgeRules() {}

    /** Sets the security headers (and {@code Cache-Control: no-store}) with {@code set}. */
    public static void securityHeaders(BiConsumer<String, String> set) {
        for (String[] h : SECURITY_HEADERS) {
            set.accept(h[0], h[1]);
        }
        set.accept("Cache-Control", "no-store");
    }

    /** Whether an answer for this path is problem+json: the API ({@code /api}) and health ({@code /health}). */
    public static boolean wantsProblem(String path) {
        return path == null || under(path, "/api") || under(path, "/health");
    }

    /** Whether the path is the API's ({@code /api} or below). */
    public static boolean isApi(String path) {
        return path != null && under(path, "/api");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A new request id, as the API makes one when the caller gives none. */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The id of a request: the caller's {@code X-Request-Id} when it is sane (at most 128 letters, digits and
     * {@code ._:-}: nothing that could forge a log line), a new one otherwise — as the platform's {@code
     * RequestIds.accept}.
     */
    public static String requestId(String given) {
        return given != null && SANE_REQUEST_ID.matcher(given).matches() ? given : newRequestId();
    }

    /** The slug and title of a bare HTTP status. */
    public static String[] describe(int status) {
        switch (status) {
            case 308:
                return new String[] {"permanent-redirect", "Permanent Redirect"};
            case 400:
                return new String[] {"bad-request", "Bad Request"};
            case 401:
                return new String[] {"unauthorized", "Unauthorized"};
            case 403:
                return new String[] {"forbidden", "Forbidden"};
            case 404:
                return new String[] {"not-found", "Not Found"};
            case 405:
                return new String[] {"method-not-allowed", "Method Not Allowed"};
            case 408:
                return new String[] {"request-timeout", "Request Timeout"};
            case 411:
                return new String[] {"length-required", "Length Required"};
            case 413:
                return new String[] {"payload-too-large", "Payload Too Large"};
            case 414:
                return new String[] {"uri-too-long", "URI Too Long"};
            case 415:
                return new String[] {"unsupported-media-type", "Unsupported Media Type"};
            case 417:
                return new String[] {"expectation-failed", "Expectation Failed"};
            case 431:
                return new String[] {"request-header-fields-too-large", "Request Header Fields Too Large"};
            case 500:
                return new String[] {"server-error", "Internal Server Error"};
            case 501:
                return new String[] {"not-implemented", "Not Implemented"};
            case 503:
                return new String[] {"unavailable", "Service Unavailable"};
            case 505:
                return new String[] {"http-version-not-supported", "HTTP Version Not Supported"};
            default:
                return new String[] {status >= 500 ? "server-error" : "client-error", "HTTP " + status};
        }
    }

    /**
     * What to fix, in words, for a request Jetty refused before it reached the application ({@code reason} is
     * Jetty's short reason, such as "No URI" or "Unknown Version").
     */
    public static String badMessageDetail(int status, String reason) {
        switch (status) {
            case 414:
                return "The request URI is too long (at most 8 KiB)";
            case 431:
                return "The request headers are too large (at most 8 KiB together)";
            case 505:
                return "Use HTTP/1.1";
            case 413:
                return "The request body is too large";
            case 400:
                String r = reason == null || reason.isBlank() || reason.equals("Bad Request") ? null : reason;
                return "The request is not valid HTTP: check the request line, the headers and the "
                        + "percent-encoding of the URL" + (r == null ? "" : " (" + r + ")");
            default:
                return reason == null || reason.isBlank() ? describe(status)[1] : reason;
        }
    }

    /** The problem document. {@code instance} and {@code requestId} are left out when null. */
    public static String problemJson(int status, String detail, String instance, String requestId) {
        String[] d = describe(status);
        StringBuilder sb = new StringBuilder(200);
        sb.append("{\"type\":");
        quote(sb, TYPE_PREFIX + d[0]);
        sb.append(",\"title\":");
        quote(sb, d[1]);
        sb.append(",\"status\":").append(status);
        sb.append(",\"detail\":");
        quote(sb, detail);
        if (instance != null) {
            sb.append(",\"instance\":");
            quote(sb, instance);
        }
        if (requestId != null) {
            sb.append(",\"requestId\":");
            quote(sb, requestId);
        }
        return sb.append('}').toString();
    }

    /** A small self-contained HTML page (no scripts, no external resources). */
    public static String htmlPage(String title, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escapeHtml(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#222}code{background:#f3f3f3;padding:0 .2em}</style>"
                + "</head><body>" + bodyHtml + "</body></html>\n";
    }

    /** The HTML page of an error outside the API. */
    public static String errorPage(int status, String detail) {
        String title = status + " " + describe(status)[1];
        return htmlPage(
                title,
                "<h1>" + escapeHtml(title) + "</h1><p>" + escapeHtml(detail) + "</p>"
                        + "<p><a href=\"/\">Steadfast</a></p>");
    }

    public static String escapeHtml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#39;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Why a raw (still encoded) path or query is not valid percent-encoded UTF-8, or null when it is: every
     * {@code %} must be followed by two hexadecimal digits, and the bytes must decode as UTF-8 (which excludes
     * encoded surrogates and overlong forms).
     */
    public static String invalidEncoding(String rawPath, String rawQuery) {
        if (!validPercentUtf8(rawPath)) {
            return "The URL path is not valid percent-encoded UTF-8 (each % must be followed by two hexadecimal "
                    + "digits, and the bytes must be UTF-8)";
        }
        if (!validPercentUtf8(rawQuery)) {
            return "The query string is not valid percent-encoded UTF-8 (each % must be followed by two "
                    + "hexadecimal digits, and the bytes must be UTF-8)";
        }
        return null;
    }

    static boolean validPercentUtf8(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return raw == null || !hasLoneSurrogate(raw);
        }
        byte[] bytes = new byte[raw.length() * 3];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                // Jetty hands the request line over as text: keep non-ASCII characters as their UTF-8 bytes
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < raw.length()
                            && Character.isLowSurrogate(raw.charAt(i + 1))) {
                        b = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                        i++;
                    } else {
                        return false;
                    }
                }
                if (n + b.length > bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 + b.length);
                }
                System.arraycopy(b, 0, bytes, n, b.length);
                n += b.length;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static void quote(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
