package io.steadfast.identity.internal.service;

/**
 * The client of the request this thread serves (its address and user agent), for the security log: set by {@link
 * io.steadfast.identity.internal.rest.ClientContextFilter} when an identity resource starts serving, cleared when it
 * answers. Empty in the shell and in background work. Plain Java.
 */
public final class ClientContext {

    /** A client: its address (behind a trusted proxy, the one it names) and user agent; either may be null. */
    public record Client(String address, String userAgent) {}

    private static final ThreadLocal<Client> CURRENT = new ThreadLocal<>();

    private ClientContext() {}

    public static void set(Client client) {
        CURRENT.set(client);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** The client of this thread's request, or {@code null}. */
    public static Client current() {
        return CURRENT.get();
    }
}
