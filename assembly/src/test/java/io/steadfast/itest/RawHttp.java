package io.steadfast.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte by byte on a socket, for what an HTTP client library refuses to send: a malformed request
 * line, {@code %00} in a path, a forged {@code Host} header, invalid UTF-8 in a body.
 */
public final class RawHttp {

    /** A parsed answer: status, headers (names in lower case) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    /** Sends {@code request} as ISO-8859-1 text plus {@code body} bytes, reads until the server closes. */
    public static Answer send(int port, String request, byte[] body) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    all.write(buf, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // the server may reset after answering a refused request
            }
            return parse(all.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request with {@code Connection: close} and the given extra header lines (each ending in CRLF). */
    public static Answer request(int port, String method, String target, String headers, byte[] body) {
        StringBuilder r = new StringBuilder();
        r.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (headers == null || !headers.toLowerCase(Locale.ROOT).contains("host:")) {
            r.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (headers != null) {
            r.append(headers);
        }
        if (body != null) {
            r.append("Content-Length: ").append(body.length).append("\r\n");
        }
        r.append("Connection: close\r\n\r\n");
        return send(port, r.toString(), body);
    }

    static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = lines.length > 0 && lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.put(
                        lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(c + 1).trim());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int nl = s.indexOf("\r\n", i);
            if (nl < 0) {
                break;
            }
            int size = Integer.parseInt(s.substring(i, nl).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the bodies here are ASCII JSON
            out.append(s, nl + 2, Math.min(s.length(), nl + 2 + size));
            i = nl + 2 + size + 2;
        }
        return out.toString();
    }
}
