package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.account.SectionWriter;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.domain.DayEntry;
import io.steadfast.habit.internal.domain.HabitDraft;
import io.steadfast.habit.internal.rest.HabitDataContributor;
import io.steadfast.habit.internal.rest.HabitDtos.HabitExportDto;

/** The habits section written a piece at a time is the section {@code export} returns. */
class HabitExportStreamTest {

    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

    /** Builds lists and maps from the calls, keeping the values as they are; counts the flushes. */
    static final class Tree implements SectionWriter {
        final Deque<Object> open = new ArrayDeque<>();
        final Deque<String> names = new ArrayDeque<>();
        Object result;
        int flushes;

        @SuppressWarnings("unchecked")
        private void add(Object v) {
            if (open.isEmpty()) {
                result = v;
            } else if (open.peek() instanceof List<?> l) {
                ((List<Object>) l).add(v);
            } else {
                ((Map<String, Object>) open.peek()).put(names.pop(), v);
            }
        }

        @Override
        public SectionWriter value(Object value) {
            add(value);
            return this;
        }

        @Override
        public SectionWriter startArray() {
            List<Object> l = new ArrayList<>();
            add(l);
            open.push(l);
            return this;
        }

        @Override
        public SectionWriter endArray() {
            open.pop();
            return this;
        }

        @Override
        public SectionWriter startObject() {
            Map<String, Object> m = new LinkedHashMap<>();
            add(m);
            open.push(m);
            return this;
        }

        @Override
        public SectionWriter endObject() {
            open.pop();
            return this;
        }

        @Override
        public SectionWriter name(String name) {
            names.push(name);
            return this;
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void theStreamedSectionIsTheWholeSectionReadAPageAtATime() throws Exception {
        Fixture f = new Fixture(NOW);
        UUID ann = f.user("UTC");
        LocalDate today = LocalDate.of(2026, 3, 4);
        HabitInfo long_ = f.definitions.create(
                ann,
                new HabitDraft(
                        "Long",
                        null,
                        "boolean",
                        null,
                        null,
                        new Schedule.Daily(),
                        today.minusDays(1500),
                        null,
                        null,
                        null));
        HabitInfo empty = f.definitions.create(
                ann,
                new HabitDraft("Empty", null, "boolean", null, null, new Schedule.Daily(), today, null, null, null));
        for (int i = 0; i < 1200; i++) {
            f.days.put(ann, long_.id(), today.minusDays(i), new DayEntry(null, "n" + i, null));
        }
        HabitExport export =
                new HabitExport(f.habitStore, f.checkinStore, f.directory, f.types, Clock.fixed(NOW, ZoneOffset.UTC));
        HabitDataContributor contributor = new HabitDataContributor(export);

        Tree tree = new Tree();
        contributor.write(ann, tree);

        @SuppressWarnings("unchecked")
        List<HabitExportDto> whole = (List<HabitExportDto>) contributor.export(ann);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (HabitExportDto h : whole) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("habit", h.habit());
            m.put("checkins", h.checkins());
            expected.add(m);
        }
        assertThat(tree.result).isEqualTo(expected);
        assertThat(whole.get(0).checkins()).hasSize(1200);
        assertThat(whole.get(1).habit().id()).isEqualTo(empty.id());
        assertThat(tree.flushes).as("a flush between the pages").isEqualTo(1);
        assertThat(tree.open).isEmpty();
    }
}
