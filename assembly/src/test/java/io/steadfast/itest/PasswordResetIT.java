package io.steadfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.steadfast.api.mail.spi.Mailer;

/**
 * Password reset against the real distribution: the administrator's {@code steadfast:user-reset-password} (a link,
 * or a temporary password whose session may only change the password), the link's confirmation, reset by e-mail
 * with and without a {@link Mailer} (a recording one registered here: the SPI as an e-mail bundle implements it),
 * and the shell's checks of its options.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PasswordResetIT {

    static final String PASSWORD = "correct horse battery staple";
    static final String NEW_PASSWORD = "a brand new passphrase";
    static final String PUBLIC_URL = "https://habits.example.org";
    static final Pattern LINK =
            Pattern.compile(Pattern.quote(PUBLIC_URL) + "/reset-password\\?token=(sfr_[A-Za-z0-9_-]{43})");

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    private Http http;

    /** Records what it is asked to send. */
    static final class RecordingMailer implements Mailer {
        final List<Mail> sent = new ArrayList<>();

        @Override
        public synchronized void send(Mail mail) {
            sent.add(mail);
        }
    }

    @Configuration
    public Option[] config() {
        return Distribution.options(
                editConfigurationFilePut("etc/io.steadfast.platform.cfg", "publicUrl", PUBLIC_URL + "/"));
    }

    @Before
    public void setUp() {
        http = new Http(Distribution.port());
        http.awaitApi();
        // whatever the test order, the accounts here are not the server's first (which would be its admin)
        register("first-" + System.nanoTime() + "@example.org");
    }

    @Test
    public void anAdministratorsLinkSetsANewPasswordOnceAndRevokesEveryToken() throws Exception {
        String email = "link-" + System.nanoTime() + "@example.org";
        String token = register(email);
        assertEquals(200, http.as(token, "GET", "/api/v1/me", null).statusCode());

        String out = shell("steadfast:user-reset-password " + email);
        assertTrue(out, out.contains("Reset link for " + email));
        assertTrue(out, out.contains("Every session and access token of the account was revoked."));
        String secret = linkToken(out);
        assertEquals(
                "revoked at once",
                401,
                http.as(token, "GET", "/api/v1/me", null).statusCode());

        assertProblem(confirm(secret, "qwertyuiop"), 422, "validation-failed");
        HttpResponse<String> ok = confirm(secret, NEW_PASSWORD);
        assertEquals(ok.body(), 204, ok.statusCode());
        HttpResponse<String> again = confirm(secret, "yet another passphrase");
        assertProblem(again, 410, "gone");
        assertEquals(
                "this reset link was already used or has expired",
                Http.json(again).get("detail"));
        assertProblem(confirm("sfr_" + "x".repeat(43), NEW_PASSWORD), 410, "gone");
        assertProblem(
                http.send("POST", "/api/v1/auth/password-reset/confirm", "{\"newPassword\":1}"), 400, "malformed-json");

        assertEquals(401, login(email, PASSWORD).statusCode());
        HttpResponse<String> in = login(email, NEW_PASSWORD);
        assertEquals(in.body(), 200, in.statusCode());
        assertEquals(Boolean.FALSE, Http.json(in).get("passwordChangeRequired"));

        assertTrue(shell("steadfast:user-reset-password nobody-" + System.nanoTime() + "@example.org")
                .contains("No account with email"));
    }

    @Test
    public void aTemporaryPasswordOpensASessionThatCanOnlyChangeThePassword() throws Exception {
        String email = "temp-" + System.nanoTime() + "@example.org";
        String token = register(email);
        String out = shell("steadfast:user-reset-password --temporary " + email);
        assertTrue(out, out.contains("Temporary password for " + email));
        Matcher m = Pattern.compile("\\n([a-z2-9]{5}(?:-[a-z2-9]{5}){3})\\n").matcher(out);
        assertTrue(out, m.find());
        String temporary = m.group(1);
        assertEquals(401, http.as(token, "GET", "/api/v1/me", null).statusCode());
        assertEquals(401, login(email, PASSWORD).statusCode());

        HttpResponse<String> in = login(email, temporary);
        assertEquals(in.body(), 200, in.statusCode());
        Map<String, Object> body = Http.json(in);
        assertEquals(Boolean.TRUE, body.get("passwordChangeRequired"));
        String restricted = body.get("token").toString();
        assertTrue(restricted.startsWith("sft_"));
        for (String[] call : new String[][] {
            {"GET", "/api/v1/me", null},
            {"GET", "/api/v1/habits", null},
            {"GET", "/api/v1/auth/check", null},
            {"POST", "/api/v1/habits", "{\"name\":\"Read\",\"type\":\"boolean\"}"},
            {"POST", "/api/v1/me/tokens", "{\"name\":\"CI\",\"scopes\":[\"read\"]}"}
        }) {
            HttpResponse<String> r = http.as(restricted, call[0], call[1], call[2]);
            assertProblem(r, 403, "forbidden");
            assertEquals(
                    call[1],
                    "change your password first: POST /api/v1/me/password",
                    Http.json(r).get("detail"));
        }
        HttpResponse<String> changed = http.as(
                restricted,
                "POST",
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
        assertEquals(changed.body(), 204, changed.statusCode());
        assertEquals(
                "the session ends with the change",
                401,
                http.as(restricted, "GET", "/api/v1/me", null).statusCode());
        assertEquals(401, login(email, temporary).statusCode());
        HttpResponse<String> full = login(email, NEW_PASSWORD);
        assertEquals(Boolean.FALSE, Http.json(full).get("passwordChangeRequired"));
        String session = Http.json(full).get("token").toString();
        assertEquals(200, http.as(session, "GET", "/api/v1/me", null).statusCode());

        // logging out is the other thing such a session may do
        Matcher next = Pattern.compile("\\n([a-z2-9-]{23})\\n")
                .matcher(shell("steadfast:user-reset-password --temporary " + email));
        assertTrue(next.find());
        String password = next.group(1);
        String again = Http.json(login(email, password)).get("token").toString();
        assertEquals(204, http.as(again, "POST", "/api/v1/auth/logout", null).statusCode());
        assertEquals(401, http.as(again, "GET", "/api/v1/me", null).statusCode());
    }

    @Test
    public void resetByEmailIsNotConfiguredWithoutAMailerAndAnsweredAlikeWithOne() throws Exception {
        String email = "mail-" + System.nanoTime() + "@example.org";
        String token = register(email);
        String unknown = "nobody-" + System.nanoTime() + "@example.org";
        HttpResponse<String> known = request(email);
        HttpResponse<String> other = request(unknown);
        for (HttpResponse<String> r : List.of(known, other)) {
            assertProblem(r, 503, "unavailable");
            assertEquals(
                    "password reset by e-mail is not configured on this server; ask your administrator to reset it",
                    Http.json(r).get("detail"));
        }
        assertProblem(http.send("POST", "/api/v1/auth/password-reset", "{}"), 422, "validation-failed");

        RecordingMailer mailer = new RecordingMailer();
        ServiceRegistration<Mailer> reg = context.registerService(Mailer.class, mailer, null);
        try {
            HttpResponse<String> a = await(email, 202);
            assertEquals(a.body(), "", a.body());
            HttpResponse<String> b = request(unknown);
            assertEquals(b.body(), 202, b.statusCode());
            assertEquals("", b.body());
            List<Mailer.Mail> sent;
            synchronized (mailer) {
                sent = List.copyOf(mailer.sent);
            }
            assertEquals(1, sent.size());
            assertEquals(email, sent.get(0).to());
            assertEquals(200, http.as(token, "GET", "/api/v1/me", null).statusCode());
            String secret = linkToken(sent.get(0).text());
            assertEquals(204, confirm(secret, NEW_PASSWORD).statusCode());
            assertEquals(401, http.as(token, "GET", "/api/v1/me", null).statusCode());
            assertEquals(200, login(email, NEW_PASSWORD).statusCode());
            assertProblem(confirm(secret, "yet another passphrase"), 410, "gone");
        } finally {
            reg.unregister();
        }
        await(email, 503);
    }

    @Test
    public void shellOptionsAreCheckedInWords() throws Exception {
        assertEquals("--offset must be 0 or more", shellError("steadfast:users --offset -1"));
        assertEquals("--limit must be 1 to 10000", shellError("steadfast:users --limit 0"));
        assertEquals("--limit must be 1 to 10000", shellError("steadfast:users --limit -5"));
        assertTrue(shell("steadfast:users --offset 0 --limit 1").contains("account(s)"));
        String role = shellError("steadfast:user-role someone@example.org boss");
        assertTrue(role, role.contains("must be user or admin"));
        String help = shell("steadfast:user-reset-password --help");
        assertTrue(help, help.contains("--temporary"));
        assertTrue(help, help.contains("single-use reset link"));
    }

    private String register(String email) {
        HttpResponse<String> r = http.send(
                "POST", "/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(r.body(), 201, r.statusCode());
        return Http.json(r).get("token").toString();
    }

    private HttpResponse<String> login(String email, String password) {
        return http.send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private HttpResponse<String> confirm(String token, String password) {
        return http.send(
                "POST",
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}");
    }

    private HttpResponse<String> request(String email) {
        return http.send("POST", "/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
    }

    /** Asks for a link until the answer has this status (a service registered or gone applies almost at once). */
    private HttpResponse<String> await(String email, int status) throws InterruptedException {
        HttpResponse<String> r = null;
        for (int i = 0; i < 50; i++) {
            r = request(email);
            if (r.statusCode() == status) {
                return r;
            }
            Thread.sleep(100);
        }
        assertNotNull(r);
        assertEquals(r.body(), status, r.statusCode());
        return r;
    }

    private static String linkToken(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(text, m.find());
        return m.group(1);
    }

    private String shell(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), ps, ps);
        try {
            Object result = session.execute(command);
            ps.flush();
            return out + (result == null ? "" : result.toString());
        } finally {
            session.close();
        }
    }

    /** The message of the error a command ends with. */
    private String shellError(String command) {
        try {
            String out = shell(command);
            throw new AssertionError("no error from " + command + ": " + out);
        } catch (Exception e) {
            assertFalse(e.getMessage(), e.getMessage().contains("Exception"));
            return e.getMessage();
        }
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertEquals(r.body(), status, r.statusCode());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("urn:steadfast:problem:" + type, Http.json(r).get("type"));
    }
}
