package io.steadfast.habit.api;

import java.util.Arrays;
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
 * @since 2.3
 */
public record Sharing(Visibility visibility, boolean shareNotes, UUID refereeUserId) {

    /** Nobody but the owner sees the habit: the default of every habit. */
    public static final Sharing PRIVATE = new Sharing(Visibility.PRIVATE, false, null);

    public Sharing {
        Objects.requireNonNull(visibility, "visibility");
    }

    /** Whether the owner's partners see the habit. */
    public boolean shared() {
        return visibility != Visibility.PRIVATE;
    }

    /** Who sees a habit, as the API spells it: {@code private}, {@code partners}. */
    public enum Visibility {
        PRIVATE("private"),
        PARTNERS("partners");

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

        /** The codes, for messages: {@code private, partners}. */
        public static String codes() {
            return Arrays.stream(values()).map(Visibility::code).collect(Collectors.joining(", "));
        }
    }
}
