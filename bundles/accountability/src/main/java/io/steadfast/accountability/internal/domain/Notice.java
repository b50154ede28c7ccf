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

    /** A feed item: the actor's streak on a shared habit reached a milestone ({@code detail}: its length). */
    public static final String FEED_STREAK = "streak_milestone";

    /** A feed item: the referee confirmed or disputed a day of the actor's ({@code detail}: the verdict). */
    public static final String FEED_VERDICT = "referee_outcome";

    /** A feed item: the actor joined a group challenge ({@code detail}: the challenge's id). */
    public static final String FEED_CHALLENGE = "challenge_joined";

    /** A feed item: the actor's habit earned an achievement ({@code detail}: its code). */
    public static final String FEED_ACHIEVEMENT = "achievement";

    /** A feed item: the actor's challenge ended ({@code detail}: the challenge's id, then the done days and due days). */
    public static final String FEED_CHALLENGE_FINISHED = "challenge_finished";

    /** A partner's shared habit ended its due day missed (for users who opted in to {@code partnerMissed}). */
    public static final String PARTNER_MISSED = "partner_missed";

    /** A habit's reminder (the in-app channel; {@code comment}: the text). */
    public static final String REMINDER = "reminder";

    /** Habits with a running streak are not done yet (the in-app channel). */
    public static final String STREAK_AT_RISK = "streak_at_risk";

    /** A test message of the in-app channel. */
    public static final String CHANNEL_TEST = "channel_test";

    /** A channel was turned off after days of failures ({@code refId}: the channel's id). */
    public static final String CHANNEL_DISABLED = "channel_disabled";

    /** Wrong passwords tried on the account paused sign-ins from an address (the text says which). */
    public static final String SECURITY_ALERT = "security_alert";

    /** The streak lengths that make a feed item. */
    public static final java.util.Set<Integer> MILESTONES = java.util.Set.of(7, 30, 100, 365);

    private Notice() {}
}
