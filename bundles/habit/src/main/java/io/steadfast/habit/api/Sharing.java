package io.steadfast.habit.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Who sees a habit besides its owner, and what of it.
 *
 * @param visibility  {@link Visibility#PRIVATE} (the default: nobody) or {@link Visibility#PARTNERS} (the owner's
 *                    accountability partners see the habit, its days and its statistics)
 * @param shareNotes  whether those who see the habit also see the notes of its days
 * @since 2.3
 */
public record Sharing(Visibility visibility, boolean shareNotes) {

    /** Nobody but the owner sees the habit: the default of every habit. */
    public static final Sharing PRIVATE = new Sharing(Visibility.PRIVATE, false);

    public Sharing {
        Objects.requireNonNull(visibility, "visibility");
    }

    /** Whether someone other than the owner sees the habit at all. */
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
