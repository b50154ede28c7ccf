package io.steadfast.plugins.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A loopback SMTP server that answers RCPT TO with a fixed reply (e.g. 550 or 451), for what GreenMail cannot do. */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;
    private final String rcptReply;

    FakeSmtpServer(String rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                write(out, "220 fake ESMTP");
                String line;
                session:
                while ((line = in.readLine()) != null) {
                    String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (cmd) {
                        case "EHLO", "HELO" -> write(out, "250 fake");
                        case "MAIL", "RSET", "NOOP" -> write(out, "250 OK");
                        case "RCPT" -> write(out, rcptReply);
                        case "QUIT" -> {
                            write(out, "221 bye");
                            break session;
                        }
                        default -> write(out, "502 not implemented");
                    }
                }
            } catch (IOException closed) {
                // the test ended the server, or a client went away
            }
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
