package io.steadfast.habit.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who sees a habit besides its owner, and what of it.
 *
 * @param visibility    {@link Visibility#PRIVATE} (the default: nobody) or {@link Visibility#PARTNERS} (the owner's
 *                      accountability partners see the habit, its days and its statistics)
 * @param shareNotes    whether those who see the habit also see the notes of its days
 * @param refereeUserId the partner who confirms or disputes the habit's done days, or {@code null}: the referee sees
 *                      the habit's name and the days that wait for them (their notes only with {@code shareNotes})
 * @param groupIds      the accountability groups whose members see the habit ({@link Visibility#GROUPS}), else empty
 * @since 2.3
 */
public record Sharing(Visibility visibility, boolean shareNotes, UUID refereeUserId, List<UUID> groupIds) {

    /** Nobody but the owner sees the habit: the default of every habit. */
    public static final Sharing PRIVATE = new Sharing(Visibility.PRIVATE, false, null, List.of());

    public Sharing {
        Objects.requireNonNull(visibility, "visibility");
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** Sharing with no group. */
    public Sharing(Visibility visibility, boolean shareNotes, UUID refereeUserId) {
        this(visibility, shareNotes, refereeUserId, List.of());
    }

    /** Whether anyone but the owner sees the habit (its partners, or the members of its groups). */
    public boolean shared() {
        return visibility != Visibility.PRIVATE;
    }

    /** Who sees a habit, as the API spells it: {@code private}, {@code partners}, {@code groups}. */
    public enum Visibility {
        PRIVATE("private"),
        PARTNERS("partners"),
        GROUPS("groups");

        private final String code;

        Visibility(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The visibility of a code (any case), or {@code null} for an unknown one. */
        public static Visibility parse(String code) {
            if (code == null) {
                return null;
            }
            String c = code.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(v -> v.code.equals(c))
                    .findFirst()
                    .orElse(null);
        }

        /** The codes, for messages: {@code private, partners, groups}. */
        public static String codes() {
            return Arrays.stream(values()).map(Visibility::code).collect(Collectors.joining(", "));
        }
    }
}
