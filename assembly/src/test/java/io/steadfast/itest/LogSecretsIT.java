package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No secret in any log: after every other integration test of the run (its own failsafe execution, the last one:
 * assembly/pom.xml), reads every log the run's nodes wrote — karaf.log, security.log, access.log and the console of
 * every test cluster node, process node and Pax Exam container, kept in {@code target/node-logs} ({@link NodeLogs})
 * or still in their homes — and fails on any line with a bearer secret (session and personal access tokens, the
 * temporary password session, reset links, calendar feeds, unsubscribe links, CSRF tokens), a webhook signing
 * secret, an {@code Authorization} header's value, a session cookie, a password in JSON or {@code password=}, a
 * temporary password, a Redis URL's password, or one of the passwords the tests use. The tests' own output
 * (failsafe-reports) is not a server log and is not read.
 */
class LogSecretsIT {

    /** The passwords the integration tests send (IdentityApiIT, PasswordResetIT, the web session tests, …). */
    static final List<String> TEST_PASSWORDS = Stream.of(
                    IdentityApiIT.PASSWORD,
                    PasswordResetIT.PASSWORD,
                    PasswordResetIT.NEW_PASSWORD,
                    "another fine passphrase",
                    "an entirely new one 42",
                    "a different long passphrase",
                    "wrong wrong wrong",
                    "not it at all",
                    "nope nope nope",
                    "not the password",
                    "qwertyuiop",
                    "password123")
            .distinct()
            .toList();

    /** What a secret looks like, by name. */
    static final Map<String, Pattern> SECRETS = new LinkedHashMap<>();

    static {
        // io.steadfast.api.auth.Secrets: a prefix and 43 base64url characters; a part of one is a leak too. The
        // access log writes the calendar feed's path as sfc_REDACTED.ics.
        SECRETS.put(
                "a bearer secret (sfs_, sfp_, sft_, sfr_, sfc_, sfu_, sfx_)",
                Pattern.compile("(?<![A-Za-z0-9])sf[a-z]_(?!REDACTED)[A-Za-z0-9_-]{12,}"));
        SECRETS.put("a webhook signing secret", Pattern.compile("whsec_[A-Za-z0-9_-]{12,}"));
        SECRETS.put(
                "an Authorization header's value",
                Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?\\S{6,}|\\bbearer\\s+[A-Za-z0-9._~+/-]{16,}"
                        + "|\\bbasic\\s+[A-Za-z0-9+/]{16,})"));
        SECRETS.put("a session or CSRF cookie", Pattern.compile("(?i)\\bsf_(session|csrf)=[^;\\s\"]{6,}"));
        SECRETS.put(
                "a password in JSON",
                Pattern.compile("(?i)\"(password|currentPassword|newPassword)\"\\s*:\\s*\"[^\"]+\""));
        SECRETS.put("a password assignment", Pattern.compile("(?i)\\bpassword\\s*[=:]\\s*[^\\s,;)\"'{}*]{3,}"));
        // PasswordResets.temporaryPassword: four groups of five from its alphabet
        SECRETS.put(
                "a temporary password",
                Pattern.compile(
                        "(?<![A-Za-z0-9-])[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}(?![A-Za-z0-9-])"));
        SECRETS.put("a Redis URL with a password", Pattern.compile("rediss?://[^\\s/@]*:[^\\s/@]+@"));
        // the media store's S3 credentials: an access key id of AWS's form, a secret key named as the SDK or a
        // configuration names it (with any value: the tests' s3proxy keys are random hex)
        SECRETS.put("an AWS access key id", Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"));
        SECRETS.put(
                "an S3 secret key",
                Pattern.compile("(?i)(aws_secret_access_key|secretAccessKey|secret_key|secretKey)\"?\\s*[:=]\\s*\"?"
                        + "(?!\\*|REDACTED|\"|\\s|$)[A-Za-z0-9/+=]{8,}"));
        for (int i = 0; i < TEST_PASSWORDS.size(); i++) {
            SECRETS.put(
                    "test password #" + (i + 1) + " of LogSecretsIT.TEST_PASSWORDS",
                    Pattern.compile(Pattern.quote(TEST_PASSWORDS.get(i))));
        }
    }

    @Test
    void noLogOfTheRunHoldsASecret() throws IOException {
        List<Path> logs = logsOfTheRun();
        assertThat(logs)
                .as("the logs of the run's nodes (target/node-logs, target/cluster-*, target/exam): run the whole "
                        + "integration test suite first")
                .anyMatch(p -> p.getFileName().toString().startsWith("karaf.log"));
        List<String> found = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            lines += scan(log, found);
        }
        System.out.println("[log-secrets] " + logs.size() + " files, " + lines + " lines read");
        assertThat(found)
                .as("secrets in the logs of the run (%s files, %s lines); the first ones", logs.size(), lines)
                .isEmpty();
    }

    @Test
    void thePatternsFindWhatTheyAreFor() {
        String token = "sfp_" + "Ab9-_".repeat(8) + "xyz";
        assertThat(matches("GET /x Authorization: Bearer " + token)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(matches("{\"path\":\"/api/v1/calendar-feed/sfc_REDACTED.ics\"}"))
                .isEmpty();
        assertThat(matches("{\"email\":\"a@example.org\",\"password\":\"hunter2 hunter2\"}"))
                .containsExactly("a password in JSON");
        assertThat(matches("temporary password: abcde-fghjk-mnpqr-stuvw")).contains("a temporary password");
        assertThat(matches("url=redis://:s3cret@127.0.0.1:6379/0")).containsExactly("a Redis URL with a password");
        assertThat(matches("using key AKIA" + "ABCDEFGHIJKLMNOP")).containsExactly("an AWS access key id");
        assertThat(matches("AWS_SECRET_ACCESS_KEY=" + "0123456789abcdef".repeat(2)))
                .containsExactly("an S3 secret key");
        assertThat(matches("{\"secretAccessKey\":\"" + "wJalrXUtnFEMI/K7MDENG" + "\"}"))
                .containsExactly("an S3 secret key");
        assertThat(matches("secretKey=*** (from the environment)")).isEmpty();
        assertThat(matches("login with " + IdentityApiIT.PASSWORD)).hasSize(1);
        assertThat(matches("Account 1b6c7f2e-31d4-4f0e-9a43-3e0f1c2d5b6a changed its password; other tokens revoked"))
                .isEmpty();
        assertThat(matches("The request has no Authorization header; sign in")).isEmpty();
        assertThat(matches("passwordChangeRequired: true; webhook secret whsec_" + "k".repeat(20)))
                .containsExactly("a webhook signing secret");
        assertThat(matches("Setting cookie sf_session=" + token.replace("sfp_", "sfs_")))
                .contains("a session or CSRF cookie");
        assertThat(excerpt("Authorization: Bearer " + token + " and " + IdentityApiIT.PASSWORD, 15, 30))
                .as("the report shows no secret")
                .doesNotContain(token.substring(6), IdentityApiIT.PASSWORD);
    }

    private static List<String> matches(String line) {
        List<String> names = new ArrayList<>();
        SECRETS.forEach((name, p) -> {
            if (p.matcher(line).find()) {
                names.add(name);
            }
        });
        return names;
    }

    /** Reads a log, adding what it finds to {@code found}; returns the number of lines read. */
    private static long scan(Path log, List<String> found) throws IOException {
        long n = 0;
        Path target = Path.of("target").toAbsolutePath();
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(
                Files.newInputStream(log),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                for (Map.Entry<String, Pattern> secret : SECRETS.entrySet()) {
                    Matcher m = secret.getValue().matcher(line);
                    if (m.find() && found.size() < 50) {
                        found.add(target.relativize(log.toAbsolutePath()) + ":" + n + ": " + secret.getKey() + ": "
                                + excerpt(line, m.start(), m.end()));
                    }
                }
            }
        }
        return n;
    }

    /** The line around a match, every secret in it masked but for its first characters (the report is a log too). */
    static String excerpt(String line, int start, int end) {
        int from = Math.max(0, start - 80);
        int to = Math.min(line.length(), end + 40);
        return (from > 0 ? "…" : "") + mask(line.substring(from, to)) + (to < line.length() ? "…" : "");
    }

    static String mask(String text) {
        String masked = text;
        for (Pattern p : SECRETS.values()) {
            masked = p.matcher(masked)
                    .replaceAll(r -> Matcher.quoteReplacement(
                            r.group().substring(0, Math.min(6, r.group().length())) + "**********"));
        }
        return masked;
    }

    /** Every file in the logs kept of the run's nodes and in the log directories of the homes still there. */
    static List<Path> logsOfTheRun() throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(NodeLogs.dir());
        try (Stream<Path> dirs = Files.list(Path.of("target"))) {
            dirs.filter(d -> d.getFileName().toString().startsWith("cluster-")).forEach(roots::add);
        }
        if (Files.isDirectory(NodeLogs.examDir())) {
            roots.add(NodeLogs.examDir());
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(Files::isRegularFile)
                        .filter(p -> root.equals(NodeLogs.dir())
                                || p.getFileName().toString().equals("console.log")
                                || p.getParent().endsWith(Path.of("data", "log")))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
