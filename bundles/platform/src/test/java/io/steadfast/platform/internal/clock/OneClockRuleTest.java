package io.steadfast.platform.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build check of the rule "one clock": no main source of any bundle reads the wall clock itself; domain time
 * comes from the platform's {@code java.time.Clock} service ({@link SteadfastClock}, the one exception).
 * Monotonic {@code System.nanoTime()} for timeouts and durations is not domain time and stays allowed.
 */
class OneClockRuleTest {

    static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth"
                    + "|MonthDay)\\.now\\s*\\((?!\\s*[\\w.]*[cC]lock\\b)|System\\.currentTimeMillis\\s*\\(|Clock\\.system(UTC|DefaultZone)?\\s*\\("
                    + "|new\\s+(java\\.util\\.)?Date\\s*\\(\\s*\\)|Calendar\\.getInstance\\s*\\(");

    @Test
    void noMainSourceReadsTheWallClockButTheClockService() throws IOException {
        Path bundles = Path.of("..").toAbsolutePath().normalize();
        assertThat(bundles.resolve("platform")).isDirectory();
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(bundles)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String p = f.toString().replace('\\', '/');
                if (!p.endsWith(".java") || !p.contains("/src/main/java/") || p.contains("/target/")) {
                    continue;
                }
                scanned++;
                if (f.getFileName().toString().equals("SteadfastClock.java")) {
                    continue;
                }
                List<String> lines = read(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.startsWith("*")
                            && !line.startsWith("//")
                            && FORBIDDEN.matcher(line).find()) {
                        offences.add(bundles.relativize(f) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(scanned).as("main sources scanned").isGreaterThan(100);
        assertThat(offences)
                .as("read the time from the platform's Clock service (@Reference Clock clock)")
                .isEmpty();
    }

    @Test
    void thePatternCatchesTheUsualWays() {
        for (String s : List.of(
                "Instant.now()",
                "LocalDate.now(ZoneOffset.UTC)",
                "System.currentTimeMillis()",
                "Clock.systemUTC()",
                "Clock.systemDefaultZone()",
                "new Date()",
                "Calendar.getInstance()",
                "ZonedDateTime.now(zone)")) {
            assertThat(FORBIDDEN.matcher(s).find()).as(s).isTrue();
        }
        for (String s : List.of(
                "clock.instant()",
                "LocalDate.now(clock)",
                "Instant.now(this.clock)",
                "System.nanoTime()",
                "Instant.parse(x)",
                "new Date(millis)",
                "LocalDate.of(2028, 2, 29)")) {
            assertThat(FORBIDDEN.matcher(s).find()).as(s).isFalse();
        }
    }

    private static List<String> read(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
