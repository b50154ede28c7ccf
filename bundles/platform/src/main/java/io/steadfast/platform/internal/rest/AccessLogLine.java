package io.steadfast.platform.internal.rest;

/** Formats one access-log line as JSON by hand (it is on the hot path and has five fields). Plain Java. */
public final class AccessLogLine {

    private AccessLogLine() {}

    public static String format(String method, String path, int status, long durationMicros, String requestId) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"method\":");
        quote(sb, method);
        sb.append(",\"path\":");
        quote(sb, path);
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
