package io.steadfast.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void qualitiesComeFromTheOwnEntryBeforeTheWildcard() {
        assertThat(HeaderValues.quality("gzip;q=0.5, *;q=0.1", "gzip", "*")).isEqualTo(0.5);
        assertThat(HeaderValues.quality("gzip;q=0.5, *;q=0.1", "br", "*")).isEqualTo(0.1);
        assertThat(HeaderValues.quality("GZIP", "gzip", "*")).isEqualTo(1);
        assertThat(HeaderValues.quality("gzip; Q=0", "gzip", "*")).isZero();
        assertThat(HeaderValues.quality("gzip;q=banana", "gzip", "*")).isZero();
        assertThat(HeaderValues.quality("gzip;q=2", "gzip", "*")).isZero();
        assertThat(HeaderValues.quality(null, "gzip", "*")).isZero();
    }

    @Test
    void htmlIsWantedOnlyWhenNamed() {
        assertThat(HeaderValues.wantsHtml("text/html")).isTrue();
        assertThat(HeaderValues.wantsHtml("application/json, text/html;q=0.1")).isTrue();
        assertThat(HeaderValues.wantsHtml("*/*")).isFalse();
        assertThat(HeaderValues.wantsHtml("text/html;q=0")).isFalse();
        assertThat(HeaderValues.wantsHtml(null)).isFalse();
    }

    @Test
    void entityTagsCompareWeakly() {
        assertThat(HeaderValues.matches("\"a\"", "\"a\"")).isTrue();
        assertThat(HeaderValues.matches("W/\"a\"", "\"a\"")).isTrue();
        assertThat(HeaderValues.matches("\"b\", \"a\"", "\"a\"")).isTrue();
        assertThat(HeaderValues.matches("*", "\"a\"")).isTrue();
        assertThat(HeaderValues.matches("\"ab\"", "\"a\"")).isFalse();
        assertThat(HeaderValues.matches(null, "\"a\"")).isFalse();
    }
}
