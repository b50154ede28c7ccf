package io.steadfast.web.internal;

import java.util.Locale;

/** Reads the request headers the rules depend on ({@code Accept}, {@code Accept-Encoding}, {@code If-None-Match}). */
final class HeaderValues {

    private HeaderValues() {}

    /**
     * The quality a list header ({@code Accept}, {@code Accept-Encoding}) gives {@code token}: its own entry's
     * {@code q}, else that of {@code wildcard} (null: no wildcard applies), else 0. A missing {@code q} is 1.
     */
    static double quality(String header, String token, String wildcard) {
        if (header == null) {
            return 0;
        }
        double own = -1;
        double wild = -1;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                    q = parseQ(p.substring(2));
                }
            }
            if (name.equals(token)) {
                own = Math.max(own, q);
            } else if (name.equals(wildcard)) {
                wild = Math.max(wild, q);
            }
        }
        return own >= 0 ? own : Math.max(wild, 0);
    }

    private static double parseQ(String value) {
        try {
            double q = Double.parseDouble(value.trim());
            return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the client asks for an HTML page: a browser navigating names {@code text/html} in {@code Accept}. */
    static boolean wantsHtml(String accept) {
        return quality(accept, "text/html", null) > 0;
    }

    /** Whether the client accepts the content coding (an absent header accepts none: the file is sent as it is). */
    static boolean accepts(String acceptEncoding, Encoding encoding) {
        return quality(acceptEncoding, encoding.token(), "*") > 0;
    }

    /** Whether {@code If-None-Match} names {@code etag} (weak comparison, RFC 9110 13.1.2) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
