package io.steadfast.media.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SignedUrlsTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2031-03-04T10:00:20Z"), ZoneOffset.UTC);
    static final String KEY = MediaKeys.original(MediaKeys.attachment(
            UUID.randomUUID(), UUID.randomUUID(), java.time.LocalDate.parse("2031-03-04"), UUID.randomUUID()));

    final SignedUrls urls = new SignedUrls(SECRET, Duration.ofMinutes(10));

    @Test
    void aTokenGrantsItsKeyUntilItExpiresRoundedUpToTheMinute() {
        String token = urls.sign(KEY, CLOCK.instant());
        var grant = urls.verify(token, CLOCK.instant()).orElseThrow();
        assertThat(grant.key()).isEqualTo(KEY);
        assertThat(grant.expires()).isEqualTo(Instant.parse("2031-03-04T10:11:00Z"));
        assertThat(grant.secondsLeft(CLOCK.instant())).isEqualTo(640);
        assertThat(urls.verify(token, Instant.parse("2031-03-04T10:10:59Z"))).isPresent();
        assertThat(urls.verify(token, Instant.parse("2031-03-04T10:11:00Z")))
                .as("expired")
                .isEmpty();
        assertThat(urls.sign(KEY, CLOCK.instant().plusSeconds(30)))
                .as("the same within a minute")
                .isEqualTo(token);
    }

    @Test
    void anAlteredTokenOrAnotherSecretsIsWorthNothing() {
        String token = urls.sign(KEY, CLOCK.instant());
        Instant now = CLOCK.instant();
        int dot = token.lastIndexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String later = payload.substring(0, payload.lastIndexOf('\n') + 1) + "4102444800";
        String extended = Base64.getUrlEncoder().withoutPadding().encodeToString(later.getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
        assertThat(urls.verify(extended, now)).as("expiry moved").isEmpty();
        String otherKey = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("original", "thumb.jpg").getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
        assertThat(urls.verify(otherKey, now)).as("key changed").isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(urls.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), now))
                .isEmpty();
        // base64 leaves the last character's low bits unused: none of its other spellings may pass either
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (char c : alphabet.toCharArray()) {
            if (c != last) {
                assertThat(urls.verify(token.substring(0, token.length() - 1) + c, now))
                        .as("last character %s instead of %s", c, last)
                        .isEmpty();
            }
        }
        SignedUrls other = new SignedUrls(
                "another secret of 32 characters.".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(10));
        assertThat(other.verify(token, now)).isEmpty();
        for (String junk : new String[] {"", "x", ".", "a.b", "%%%.%%%", "x".repeat(700), null}) {
            assertThat(urls.verify(junk, now)).isEmpty();
        }
    }

    @Test
    void onlyMediaKeysAreSignedAndShortSecretsAreRefused() {
        assertThatThrownBy(() -> urls.sign("../etc/passwd", CLOCK.instant()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedUrls(new byte[8], Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreRelativeWithKnownCharactersOnly() {
        assertThat(MediaKeys.valid(KEY)).isTrue();
        assertThat(MediaKeys.valid("u/x/")).isTrue();
        for (String bad : new String[] {
            "", "/abs", "a/../b", "..", "a/./b", "a//b", "a b", "a\\b", "ä", "a\0b", "x".repeat(201), null
        }) {
            assertThat(MediaKeys.valid(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void theKeysOfThisBundleNameTheirOwnerAndObject() {
        UUID user = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String a = MediaKeys.thumbnail(
                MediaKeys.attachment(user, UUID.randomUUID(), java.time.LocalDate.parse("2031-03-04"), id));
        assertThat(MediaKeys.owner(a)).contains(new MediaKeys.Owner(user, id, false));
        assertThat(MediaKeys.owner(MediaKeys.original(MediaKeys.avatar(user, id))))
                .contains(new MediaKeys.Owner(user, id, true));
        assertThat(MediaKeys.owner("imports/" + user + "/x")).isEmpty();
        assertThat(MediaKeys.owner(a + "x")).isEmpty();
    }
}
