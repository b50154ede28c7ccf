package io.steadfast.transfer.internal.archive;

import java.util.List;

/**
 * Everything an import file holds that Steadfast can take, read completely before anything is written.
 *
 * @param format   the format it was read from ({@link ArchiveReader#format()})
 * @param profile  the account settings it carries (only Steadfast's own export), or {@code null}
 * @param habits   in the file's order
 * @param warnings what was read but could not be taken as it was, in words the user understands ("habit 'Run':
 *                 Loop's target of 10 km per week became 10 km per day")
 * @param skipped  how many entries of the file were left out (each explained by a warning)
 * @param photos   the check-in photos it carries (only a zip of Steadfast's CSV export), stored after the days
 */
public record Archive(
        String format,
        ArchivedProfile profile,
        List<ArchivedHabit> habits,
        List<ArchivedVacation> vacations,
        List<String> warnings,
        int skipped,
        List<ArchivedPhoto> photos) {

    public Archive(
            String format,
            ArchivedProfile profile,
            List<ArchivedHabit> habits,
            List<ArchivedVacation> vacations,
            List<String> warnings,
            int skipped) {
        this(format, profile, habits, vacations, warnings, skipped, List.of());
    }

    public Archive {
        photos = photos == null ? List.of() : List.copyOf(photos);
        habits = List.copyOf(habits);
        vacations = vacations == null ? List.of() : List.copyOf(vacations);
        warnings = List.copyOf(warnings);
    }

    /** How many day records the archive holds, over all habits. */
    public int checkins() {
        return habits.stream().mapToInt(h -> h.days().size()).sum();
    }
}
