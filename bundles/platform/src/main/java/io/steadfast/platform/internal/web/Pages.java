package io.steadfast.platform.internal.web;

/**
 * The few HTML pages the server makes itself: the landing page at {@code /} (until a web-app bundle takes the root
 * over) and the error page of a path outside the API. Small, self-contained (no script, no external resource, an
 * inline style sheet only). Plain Java.
 */
public final class Pages {

    /** The content security policy of these pages: the API's, plus their inline style sheet. */
    public static final String CSP =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    private Pages() {}

    public static String landing() {
        return page(
                "Steadfast",
                "<h1>Steadfast is running</h1>"
                        + "<p>The API is at <a href=\"/api/\"><code>/api</code></a>, its OpenAPI document at "
                        + "<a href=\"/api/openapi.json\"><code>/api/openapi.json</code></a>, health at "
                        + "<a href=\"/health\"><code>/health</code></a>.</p>"
                        + "<p>The web app, when installed, is served here.</p>");
    }

    public static String error(int status, String title, String detail) {
        String heading = status + " " + title;
        return page(
                heading,
                "<h1>" + escape(heading) + "</h1><p>" + escape(detail) + "</p>" + "<p><a href=\"/\">Steadfast</a></p>");
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#222}code{background:#f3f3f3;padding:0 .2em}</style>"
                + "</head><body>" + body + "</body></html>\n";
    }

    public static String escape(String s) {
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

    /** Whether an answer for this path is problem+json: the API and health. */
    public static boolean wantsProblem(String path) {
        return path == null || under(path, "/api") || under(path, "/health");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
