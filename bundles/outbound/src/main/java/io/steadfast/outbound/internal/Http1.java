package io.steadfast.outbound.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundHttp.Request;
import io.steadfast.outbound.OutboundHttp.Response;

/**
 * One HTTP/1.1 POST over a connected socket ({@code Connection: close}) and its answer: the status line, headers
 * and at most {@link OutboundHttp#MAX_RESPONSE_BYTES} of the body (fixed length, chunked or up to the close).
 * Every read waits at most until the request's deadline.
 */
final class Http1 {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    private Http1() {}

    static Response exchange(Socket socket, URI uri, Request request, long deadline) throws IOException {
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        out.write(head(uri, request).getBytes(StandardCharsets.ISO_8859_1));
        out.write(request.body());
        out.flush();

        InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, deadline));
        int status;
        Map<String, List<String>> headers;
        do {
            // informational answers (100 Continue and the like) precede the real one
            status = statusCode(readLine(in));
            headers = headers(in);
        } while (status >= 100 && status < 200 && status != 101);
        return body(in, status, headers);
    }

    static String head(URI uri, Request request) {
        StringBuilder sb = new StringBuilder();
        sb.append("POST ").append(UrlSyntax.target(uri)).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(UrlSyntax.hostHeader(uri)).append("\r\n");
        request.headers().forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("Content-Length: ").append(request.body().length).append("\r\n");
        sb.append("Connection: close\r\n\r\n");
        return sb.toString();
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("the request timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static int statusCode(String line) throws IOException {
        // HTTP/1.x NNN reason
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' ') {
            throw new IOException("the answer is not HTTP/1.x");
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit) || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new IOException("the answer has a malformed status line");
        }
        return Integer.parseInt(code);
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int n = 0; ; n++) {
            String line = readLine(in);
            if (line.isEmpty()) {
                return headers;
            }
            if (n >= MAX_HEADERS) {
                throw new IOException("the answer has too many headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the answer has a malformed header");
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
    }

    private static Response body(InputStream in, int status, Map<String, List<String>> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated = false;
        if (status != 204 && status != 304) {
            String encoding = first(headers, "transfer-encoding");
            String length = first(headers, "content-length");
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                truncated = chunked(in, body);
            } else if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    throw new IOException("the answer has a malformed Content-Length");
                }
                copy(in, body, Math.min(declared, OutboundHttp.MAX_RESPONSE_BYTES));
                truncated = declared > OutboundHttp.MAX_RESPONSE_BYTES;
            } else {
                // no probe beyond the limit: a server that keeps the connection open would hold it until the deadline
                truncated = copy(in, body, OutboundHttp.MAX_RESPONSE_BYTES);
            }
        }
        return new Response(status, headers, body.toByteArray(), truncated);
    }

    /** Reads chunks into {@code body} up to the limit; whether the body went on beyond it. */
    private static boolean chunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("the answer has a malformed chunk");
            }
            if (size == 0) {
                return false;
            }
            long room = OutboundHttp.MAX_RESPONSE_BYTES - body.size();
            if (size > room) {
                copy(in, body, room);
                return true;
            }
            copy(in, body, size);
            readLine(in);
        }
    }

    /** Copies up to {@code max} bytes; whether all of them were there. */
    private static boolean copy(InputStream in, ByteArrayOutputStream to, long max) throws IOException {
        byte[] buf = new byte[2048];
        long left = max;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                return false;
            }
            to.write(buf, 0, n);
            left -= n;
        }
        return true;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    throw new IOException("the connection closed without an answer");
                }
                return sb.toString();
            }
            if (c == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("the answer has a line longer than " + MAX_LINE + " bytes");
            }
            sb.append((char) c);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Bounds every read by what is left of the request's time. */
    private static final class DeadlineInputStream extends InputStream {

        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInputStream(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read(b, off, len);
        }
    }
}
