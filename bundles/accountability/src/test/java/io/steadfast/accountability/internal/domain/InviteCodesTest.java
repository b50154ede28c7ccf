package io.steadfast.accountability.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InviteCodesTest {

    @Test
    void aCodeIsTwelveCharactersInThreeGroupsAndReadsBackAsItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = InviteCodes.generate();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(InviteCodes.canonical(code)).contains(code.replace("-", ""));
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void whatIsTypedIsReadLeniently() {
        assertThat(InviteCodes.canonical("k7qx 3mpa w9td")).contains("K7QX3MPAW9TD");
        assertThat(InviteCodes.canonical(" K7QX-3MPA-W9TD ")).contains("K7QX3MPAW9TD");
        // Crockford: O is 0, I and L are 1
        assertThat(InviteCodes.canonical("OILX-3MPA-W9TD")).contains("011X3MPAW9TD");
    }

    @Test
    void somethingThatCannotBeACodeIsNone() {
        assertThat(InviteCodes.canonical(null)).isEmpty();
        assertThat(InviteCodes.canonical("")).isEmpty();
        assertThat(InviteCodes.canonical("K7QX-3MPA")).isEmpty();
        assertThat(InviteCodes.canonical("K7QX-3MPA-W9TD-1")).isEmpty();
        assertThat(InviteCodes.canonical("K7QX-3MPA-W9T!")).isEmpty();
        assertThat(InviteCodes.canonical("K7QX-3MPA-W9TU")).isEmpty();
    }

    @Test
    void emailsCompareTrimmedAndInLowerCase() {
        assertThat(Emails.normalize(" Ann@Example.ORG ")).isEqualTo("ann@example.org");
        assertThat(Emails.plausible("ann@example.org")).isTrue();
        assertThat(Emails.plausible("ann@example")).isFalse();
        assertThat(Emails.plausible("ann example@example.org")).isFalse();
        assertThat(Emails.plausible("a".repeat(250) + "@x.org")).isFalse();
    }
}
