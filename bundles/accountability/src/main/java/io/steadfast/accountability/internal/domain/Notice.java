package io.steadfast.accountability.internal.domain;

/**
 * The kinds of notification, as the API spells them, and the dedupe keys that make each event notify once.
 */
public final class Notice {

    /** Someone invited the recipient to be partners ({@code refId}: the invitation). */
    public static final String PARTNER_INVITATION = "partner_invitation";

    /** The recipient's invitation was accepted: the actor is a partner now. */
    public static final String PARTNER_ACCEPTED = "partner_accepted";

    /** The actor redeemed the recipient's invite code: they are partners now. */
    public static final String PARTNER_JOINED = "partner_joined";

    /** A done day of the actor's habit waits for the recipient, its referee ({@code habit}, {@code date}). */
    public static final String REFEREE_REQUEST = "referee_request";

    /** The referee (actor) confirmed a done day of the recipient's. */
    public static final String REFEREE_CONFIRMED = "referee_confirmed";

    /** The referee (actor) disputed a done day of the recipient's ({@code comment}: why). */
    public static final String REFEREE_DISPUTED = "referee_disputed";

    /** The actor cheered the recipient's feed item ({@code refId}: the item). */
    public static final String CHEER = "cheer";

    /** The actor nudged the recipient about a habit they share ({@code comment}: the message). */
    public static final String NUDGE = "nudge";

    /** A feed item: the actor did a shared habit's day. */
    public static final String FEED_CHECKIN = "checkin";

    private Notice() {}
}
