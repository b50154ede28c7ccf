package io.steadfast.streak.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.Goal;
import io.steadfast.habit.api.Goal.Direction;
import io.steadfast.habit.api.RecordedValue;

class GoalProgressTest {

    static final LocalDate D0 = LocalDate.of(2027, 3, 1);

    /** 80 kg on D0 down to 70 kg by D0 + 10 days: one kilogram a day. */
    static final Goal LOSE = new Goal(new BigDecimal("70"), Direction.DOWN, D0.plusDays(10));

    /** 1000 saved on D0 up to 2000 by D0 + 4 days: 250 a day. */
    static final Goal SAVE = new Goal(new BigDecimal("2000"), Direction.UP, D0.plusDays(4));

    static RecordedValue v(LocalDate d, String value) {
        return new RecordedValue(d, new BigDecimal(value));
    }

    static GoalProgress progress(Goal goal, RecordedValue first, RecordedValue latest, LocalDate today) {
        return GoalProgress.of(goal, new RecordedValue.Span(first, latest), today);
    }

    @Test
    void beforeTheFirstValueThereIsNothingToCompare() {
        GoalProgress p = GoalProgress.of(LOSE, null, D0.plusDays(3));
        assertThat(p.goal()).isEqualTo(LOSE);
        assertThat(p.start()).isNull();
        assertThat(p.expectedToday()).isNull();
        assertThat(p.latest()).isNull();
        assertThat(p.onTrack()).isNull();
    }

    @Test
    void onTheFirstDayTheLineIsAtTheFirstValue() {
        RecordedValue first = v(D0, "80");
        GoalProgress p = progress(LOSE, first, first, D0);
        assertThat(p.start()).isEqualTo(first);
        assertThat(p.expectedToday()).isEqualByComparingTo("80");
        assertThat(p.latest()).isEqualTo(first);
        assertThat(p.onTrack()).as("at the line is on track").isTrue();
    }

    @Test
    void downHalfwayIsOnTrackAtOrBelowTheLine() {
        RecordedValue first = v(D0, "80");
        LocalDate half = D0.plusDays(5);
        assertThat(progress(LOSE, first, v(half, "74.5"), half).expectedToday()).isEqualTo(new BigDecimal("75"));
        assertThat(progress(LOSE, first, v(half, "74.5"), half).onTrack()).isTrue();
        assertThat(progress(LOSE, first, v(half, "75"), half).onTrack()).isTrue();
        assertThat(progress(LOSE, first, v(half, "75.0001"), half).onTrack()).isFalse();
        assertThat(progress(LOSE, first, v(D0.plusDays(2), "74"), half).onTrack())
                .as("the latest value counts, whatever its day")
                .isTrue();
    }

    @Test
    void upIsOnTrackAtOrAboveTheLine() {
        RecordedValue first = v(D0, "1000");
        LocalDate day1 = D0.plusDays(1);
        GoalProgress behind = progress(SAVE, first, v(day1, "1200"), day1);
        assertThat(behind.expectedToday()).isEqualTo(new BigDecimal("1250"));
        assertThat(behind.onTrack()).isFalse();
        assertThat(progress(SAVE, first, v(day1, "1250"), day1).onTrack()).isTrue();
        GoalProgress half = progress(SAVE, first, v(D0.plusDays(2), "1600"), D0.plusDays(2));
        assertThat(half.expectedToday()).isEqualTo(new BigDecimal("1500"));
        assertThat(half.onTrack()).isTrue();
    }

    @Test
    void onAndAfterTheGoalsDateTheLineIsAtTheGoal() {
        RecordedValue first = v(D0, "80");
        assertThat(progress(LOSE, first, v(D0.plusDays(10), "70.5"), D0.plusDays(10)))
                .satisfies(p -> assertThat(p.expectedToday()).isEqualTo(new BigDecimal("70")))
                .satisfies(p -> assertThat(p.onTrack()).isFalse());
        GoalProgress past = progress(LOSE, first, v(D0.plusDays(30), "69.9"), D0.plusDays(40));
        assertThat(past.expectedToday()).isEqualTo(new BigDecimal("70"));
        assertThat(past.onTrack()).isTrue();
        assertThat(progress(LOSE, v(D0.plusDays(12), "75"), v(D0.plusDays(12), "75"), D0.plusDays(12))
                        .expectedToday())
                .as("a first value after the goal's date expects the goal")
                .isEqualTo(new BigDecimal("70"));
    }

    @Test
    void aReachedGoalIsOnTrackEvenWhenTheFirstValueWasBeyondIt() {
        // down to 70, but the first value was 65 already: the line rises from 65 to 70
        RecordedValue first = v(D0, "65");
        GoalProgress p = progress(LOSE, first, v(D0.plusDays(5), "68"), D0.plusDays(5));
        assertThat(p.expectedToday()).isEqualTo(new BigDecimal("67.5"));
        assertThat(p.onTrack()).as("68 is above the line but below the goal").isTrue();
        assertThat(progress(LOSE, first, v(D0.plusDays(5), "70.1"), D0.plusDays(5))
                        .onTrack())
                .isFalse();
        assertThat(progress(SAVE, v(D0, "2500"), v(D0.plusDays(1), "2100"), D0.plusDays(1))
                        .onTrack())
                .isTrue();
        assertThat(progress(LOSE, v(D0, "80"), v(D0.plusDays(1), "70"), D0.plusDays(1))
                        .onTrack())
                .as("reached early")
                .isTrue();
    }

    @Test
    void anEditOfTheFirstValueMovesTheLine() {
        LocalDate half = D0.plusDays(5);
        RecordedValue latest = v(half, "78");
        assertThat(progress(LOSE, v(D0, "80"), latest, half).expectedToday()).isEqualTo(new BigDecimal("75"));
        assertThat(progress(LOSE, v(D0, "80"), latest, half).onTrack()).isFalse();
        GoalProgress edited = progress(LOSE, v(D0, "90"), latest, half);
        assertThat(edited.expectedToday()).isEqualTo(new BigDecimal("80"));
        assertThat(edited.onTrack()).isTrue();
        GoalProgress later = progress(LOSE, v(D0.plusDays(2), "80"), latest, half);
        assertThat(later.expectedToday())
                .as("a first value two days later: 3 of 8 days towards 70")
                .isEqualTo(new BigDecimal("76.25"));
    }

    @Test
    void theLineIsRoundedToFourPlacesHalvesAwayFromZero() {
        Goal thirds = new Goal(new BigDecimal("70"), Direction.DOWN, D0.plusDays(3));
        RecordedValue first = v(D0, "80");
        assertThat(progress(thirds, first, first, D0.plusDays(1)).expectedToday())
                .isEqualTo(new BigDecimal("76.6667"));
        assertThat(progress(thirds, first, first, D0.plusDays(2)).expectedToday())
                .isEqualTo(new BigDecimal("73.3333"));
        Goal tiny = new Goal(new BigDecimal("0.0001"), Direction.UP, D0.plusDays(2));
        assertThat(progress(tiny, v(D0, "0"), v(D0, "0"), D0.plusDays(1)).expectedToday())
                .as("0.00005 rounds up to 0.0001")
                .isEqualTo(new BigDecimal("0.0001"));
        Goal tinyDown = new Goal(new BigDecimal("0"), Direction.DOWN, D0.plusDays(2));
        assertThat(progress(tinyDown, v(D0, "0.0001"), v(D0, "0.0001"), D0.plusDays(1))
                        .expectedToday())
                .as("0.0001 - 0.00005 rounds the step away from zero: 0")
                .isEqualTo(new BigDecimal("0"));
        assertThat(progress(LOSE, v(D0, "80"), v(D0, "80"), D0.plusDays(5))
                        .expectedToday()
                        .toPlainString())
                .as("no trailing zeros")
                .isEqualTo("75");
    }

    @Test
    void directionsReachMarksInclusively() {
        assertThat(Direction.DOWN.reaches(new BigDecimal("70"), new BigDecimal("70.0")))
                .isTrue();
        assertThat(Direction.DOWN.reaches(new BigDecimal("70.1"), new BigDecimal("70")))
                .isFalse();
        assertThat(Direction.UP.reaches(new BigDecimal("70"), new BigDecimal("70.0")))
                .isTrue();
        assertThat(Direction.UP.reaches(new BigDecimal("69.9"), new BigDecimal("70")))
                .isFalse();
        assertThat(Direction.parse("down")).isEqualTo(Direction.DOWN);
        assertThat(Direction.parse("DOWN")).isNull();
        assertThat(Direction.UP.code()).isEqualTo("up");
    }
}
