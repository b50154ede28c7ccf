package io.steadfast.platform.internal.rest;

import java.util.regex.Pattern;

/**
 * Formats one access-log line as JSON by hand (it is on the hot path and has five fields). A bearer secret in the
 * path — the calendar feed's {@code /api/v1/calendar-feed/sfc_….ics} — is logged without its random part. Plain Java.
 */
public final class AccessLogLine {

    /** A bearer secret's random part after its prefix ({@code sfc_}, {@code sfs_}, …; see {@code Secrets}). */
    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9])(sf[a-z]_)[A-Za-z0-9_-]+");

    private AccessLogLine() {}

    public static String format(String method, String path, int status, long durationMicros, String requestId) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"method\":");
        quote(sb, method);
        sb.append(",\"path\":");
        quote(sb, redact(path));
        sb.append(",\"status\":").append(status);
        sb.append(",\"durationMs\":")
                .append(durationMicros / 1000)
                .append('.')
                .append(String.format("%03d", durationMicros % 1000));
        sb.append(",\"requestId\":");
        quote(sb, requestId);
        sb.append('}');
        return sb.toString();
    }

    /** The path with every bearer secret's random part replaced by {@code REDACTED}. */
    static String redact(String path) {
        return path == null || path.indexOf('_') < 0
                ? path
                : SECRET.matcher(path).replaceAll("$1REDACTED");
    }

    static void quote(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
