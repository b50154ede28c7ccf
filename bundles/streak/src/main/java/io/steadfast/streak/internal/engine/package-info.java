/**
 * The streak, strength and statistics engine: plain Java, no OSGi, no I/O. Not exported.
 * <p>
 * <b>Input.</b> One habit with one {@link io.steadfast.habit.api.Schedule schedule} (a schedule change is out of scope:
 * the caller starts over with the new schedule), its start date, the user's first day of the week and the user's
 * today, and for every date from the start date to today a {@link io.steadfast.streak.internal.engine.Day}: whether it
 * was due, its {@link io.steadfast.habit.api.DayState} and its value, as the habit bundle evaluates them. Days before
 * today have <em>ended</em>; today is in progress. The engine needs no habit-type logic: the habit bundle already
 * reports, say, a {@code limit} habit's ended day without a record as {@code DONE}.
 * <p>
 * A due ended day is <em>done</em> ({@code DONE}), <em>failed</em> ({@code PARTIAL} or {@code MISSED}) or
 * <em>neutral</em> ({@code SKIPPED}, {@code PAUSED} (a vacation); also {@code PENDING} and {@code NOT_DUE}, which the habit bundle does not report
 * for a due ended day). Days that are not due are neutral whatever their state.
 *
 * <h2>Streaks</h2>
 * <b>Per-day schedules</b> ({@code daily}, {@code weekdays}, {@code every_n_days}; unit {@code days}): a streak is a
 * run of consecutive due days that are done. Neutral days (not due, skipped) neither count nor break; failed days
 * ({@code PARTIAL}, {@code MISSED}) break. The user's today counts when it is due and {@code DONE}, breaks the current
 * streak when it is due and {@code MISSED} (a {@code limit} habit over its limit: final for the day), and otherwise
 * ({@code PENDING}, or {@code PARTIAL}, which for a {@code count} habit means "in progress") neither counts nor
 * breaks.
 * <p>
 * <b>Per-period schedules</b> ({@code times_per_week} with weeks starting on the user's first day of the week, unit
 * {@code weeks}; {@code times_per_month} with calendar months, unit {@code months}): a period's <em>done days</em>
 * are its {@code DONE} days from the start date up to its end or today. A streak is a run of consecutive periods whose
 * done days reach {@code times}. An ended period that does not reach it breaks. The period holding today counts once
 * its count is met and otherwise neither counts nor breaks. A period whose days (from the start date up to its end or
 * today) are all {@code SKIPPED} or {@code PAUSED} is a planned absence: it neither counts nor breaks. Periods before the start date do
 * not exist; the first period begins on the start date and still asks for the full {@code times} (as in the agenda).
 * A month shorter than {@code times} cannot be met.
 * <p>
 * <b>Both:</b> the current streak is the run that no breaking day or period has ended, 0 otherwise; the longest is the
 * longest run so far, the most recent one when several are equally long. A streak starts on its first done day, or on
 * the first day of its first period (not before the start date), and the longest ends on its last done day, or on the
 * last day of its last period (which lies after today when that is the current period).
 *
 * <h2>Milestones</h2>
 * {@link io.steadfast.streak.internal.engine.Stats#reached()} keeps the first day each streak length of 7, 30, 100
 * and 365 (in the schedule's unit) and each number of 100 and 1000 done days was reached in the history: the done day
 * that made the streak that long (per-period: the day the period's count was met), or the 100th done day. It is the
 * day of the history, whatever day the statistics are computed on (the achievements' {@code reachedOn}).
 *
 * <h2>Strength</h2>
 * An exponentially smoothed score from 0 to 1, see {@link io.steadfast.streak.internal.engine.Strength}: one step
 * {@code score = score * m + credit * (1 - m)} per due ended day (credit 1 done, 0.5 partial, 0 missed; skipped: no
 * step) or per ended, not all-skipped period (credit {@code min(1, done / times)}), starting at 0, with
 * {@code m = 0.5 ^ (1 / halfLife)} and a half-life of {@code 13 / sqrt(f)} calendar days, {@code f} the schedule's
 * due days per day. Today and the current period take no step.
 *
 * <h2>Completion</h2>
 * Rates from 0 to 1, {@code null} when nothing counts. The window {@code lastN} is the {@code N} days before today
 * ({@code today - N} to {@code today - 1}); {@code allTime} starts at the start date. Per-day schedules: done / (done
 * + failed) over the due ended days of the window (skipped and pending days excluded). Per-period schedules: met /
 * counted over the ended periods that overlap the window (end on or after {@code today - N}), all-skipped periods
 * excluded; so {@code last7} of a monthly habit is {@code null} unless a month ended within the last 7 days.
 *
 * <h2>Totals and best weekday</h2>
 * {@code doneDays} counts the {@code DONE} days (due or not, today included); {@code value} sums the values of the
 * {@code DONE} and {@code PARTIAL} days (today included). {@code bestWeekday} is the day of the week with the highest
 * done / (done + failed) rate over all due ended days (both kinds of schedule; for per-period schedules the habit
 * bundle marks a day due while its period's count is open); ties go to the earliest day in the user's week, and it is
 * {@code null} when no due day has ended.
 *
 * <h2>Implementations</h2>
 * {@code BruteForce} (in the tests) recomputes everything from the whole history and is the
 * oracle; {@link io.steadfast.streak.internal.engine.IncrementalStreaks} is a small serialisable aggregate that folds
 * only the changed days from a checkpoint and gives exactly the same {@link io.steadfast.streak.internal.engine.Stats}.
 */
package io.steadfast.streak.internal.engine;
