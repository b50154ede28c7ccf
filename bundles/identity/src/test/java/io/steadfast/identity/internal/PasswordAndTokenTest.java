package io.steadfast.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class PasswordAndTokenTest {

    private static final PasswordHasher FAST = new PasswordHasher(64, 1, 2);

    @Test
    void hashesAreArgon2idPhcStringsWithOwaspParametersAndVerify() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery staple")).as("salted").isNotEqualTo(hash);
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.needsRehash(FAST.hash("x"))).isTrue();
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad : new String[] {
            null,
            "",
            "plain",
            "$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA",
            "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA",
            "$argon2id$v=19$m=64,t=1,p=1$!!$!!",
            "$2a$12$abcdefghijklmnopqrstuv"
        }) {
            assertThat(FAST.verify("anything", bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Property(tries = 30)
    void everyPasswordVerifiesAgainstItsOwnHashOnly(@ForAll @StringLength(min = 1, max = 80) String password) {
        String hash = FAST.hash(password);
        assertThat(FAST.verify(password, hash)).isTrue();
        assertThat(FAST.verify(password + "x", hash)).isFalse();
    }

    @Test
    void policyAsksForLengthAndRefusesCommonAndPersonalPasswords() {
        PasswordPolicy p = new PasswordPolicy();
        assertThat(p.check("short", null, null)).contains("must be at least 10 characters");
        assertThat(p.check("password123", null, null)).get().asString().contains("too common");
        assertThat(p.check("Password2024!", null, null)).get().asString().contains("too common");
        assertThat(p.check("qwertyuiop", null, null)).isPresent();
        assertThat(p.check("1234567890", null, null)).isPresent();
        assertThat(p.check("aaaaaaaaaaaa", null, null)).get().asString().contains("repeats");
        assertThat(p.check("abababababab", null, null)).isPresent();
        assertThat(p.check("bcdefghijklm", null, null)).get().asString().contains("run");
        assertThat(p.check("ann.smith@example.org", "ann.smith@example.org", null))
                .get()
                .asString()
                .contains("email");
        assertThat(p.check("Annabelle Smith", null, "Annabelle Smith"))
                .get()
                .asString()
                .contains("name");
        assertThat(p.check("x".repeat(257) + "yz", null, null)).get().asString().contains("at most");
        assertThat(p.check("correct horse battery staple", "ann@example.org", "Ann"))
                .isEmpty();
        assertThat(p.check("Tr0ub4dor&3-extended", null, null)).isEmpty();
    }

    @Test
    void tokensHave256RandomBitsAPrefixAndAStableHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String s = Tokens.newSecret(Tokens.SESSION);
            assertThat(s).startsWith("sfs_").hasSize(47);
            assertThat(Tokens.wellFormed(s)).isTrue();
            assertThat(seen.add(s)).isTrue();
        }
        String pat = Tokens.newSecret(Tokens.PAT);
        assertThat(pat).startsWith("sfp_");
        assertThat(Tokens.hash(pat)).hasSize(64).isEqualTo(Tokens.hash(pat)).isNotEqualTo(Tokens.hash(pat + "x"));
        assertThat(Tokens.wellFormed("sfs_short")).isFalse();
        assertThat(Tokens.wellFormed("Bearer " + pat)).isFalse();
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("sfx_" + pat.substring(4))).isFalse();
    }
}
