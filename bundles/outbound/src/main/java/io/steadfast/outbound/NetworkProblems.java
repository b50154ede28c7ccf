package io.steadfast.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

/** Says for a user's delivery log what went wrong on the network, in the same words for every plugin. */
public final class NetworkProblems {

    private static final int MAX_DETAIL = 160;

    private NetworkProblems() {}

    /** A phrase for people, e.g. "the connection was refused". */
    public static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "the host name was not found (" + e.getMessage() + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return "the receiver did not answer in time";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "the host cannot be reached";
        }
        if (e instanceof SSLException) {
            return "the TLS connection failed" + detail(e);
        }
        return "the request failed" + detail(e);
    }

    private static String detail(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "";
        }
        return " (" + (m.length() > MAX_DETAIL ? m.substring(0, MAX_DETAIL) + "…" : m) + ")";
    }
}
