package io.steadfast.accountability.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCursorIsAPositiveIdOrNothing() {
        assertThat(Cursors.parse(null)).isEmpty();
        assertThat(Cursors.parse(" ")).isEmpty();
        assertThat(Cursors.parse(" 42 ")).contains(42L);
        assertThat(Cursors.malformed(null)).isFalse();
        assertThat(Cursors.malformed("")).isFalse();
        assertThat(Cursors.malformed("abc")).isTrue();
        assertThat(Cursors.malformed("0")).isTrue();
        assertThat(Cursors.malformed("-3")).isTrue();
        assertThat(Cursors.malformed("42")).isFalse();
    }
}
