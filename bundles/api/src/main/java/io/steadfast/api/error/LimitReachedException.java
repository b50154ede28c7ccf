package io.steadfast.api.error;

/**
 * The user already has as many of something as the server allows (its habits, tokens, channels, ...): 422 with the
 * problem type {@code limit-reached}, saying what, how many and what to do.
 *
 * @since 1.2
 */
public class LimitReachedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String limit;
    private final int max;

    /**
     * @param limit the name of the limit ({@code habits}, see {@code io.steadfast.api.limit.Limits})
     * @param max   the most allowed
     * @param what  what the user has too many of, in words ("habits", "reminders on this habit")
     * @param hint  what to do about it ("archive or delete some first")
     */
    public LimitReachedException(String limit, int max, String what, String hint) {
        super("You have " + max + " " + what + ", the most this server allows; " + hint + " (limit " + limit + ")");
        this.limit = limit;
        this.max = max;
    }

    public String limit() {
        return limit;
    }

    public int max() {
        return max;
    }
}
