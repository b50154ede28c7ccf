package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.testsupport.PrivatePostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * The PostgreSQL runbook of docs/operations.md ("Backup and restore"), end to end: a node populates a database
 * (accounts, habits, check-ins over days before today by the node's clock, a streak, a personal access token, a
 * partnership); the node stops; {@code pg_dump -Fc} backs the database up; on another PostgreSQL server the role is
 * made, a fresh database, and {@code pg_restore} fills it; a node started on it with an empty Redis finds every
 * account signing in with its password, its habits, check-ins, streaks, the token and the partner's view as they
 * were, and the old sessions still valid.
 */
class BackupRestoreIT {

    private static final String ROLE = "steadfast";
    private static final String DATABASE = "steadfast";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> nodes = new ArrayList<>();
    private final List<PrivatePostgres> servers = new ArrayList<>();
    private final List<TestRedis.Private> redises = new ArrayList<>();
    private final List<Path> homes = new ArrayList<>();
    private Path work;

    @AfterEach
    void stop() {
        Cluster.stopAll(nodes);
        redises.forEach(TestRedis.Private::stop);
        servers.forEach(PrivatePostgres::close);
        if (work != null) {
            NodeLogs.deleteTree(work);
        }
    }

    /** What one account sees, read through the API. */
    record Seen(String email, List<?> habits, Map<String, Object> checkins, Map<String, Object> stats) {}

    /** What a node was given, and what its accounts saw before the backup. */
    record Populated(
            LocalDate today,
            Map<String, IdentityApiIT.Account> accounts,
            String patSecret,
            String partnerView,
            Map<String, Seen> before) {

        IdentityApiIT.Account get(String who) {
            return accounts.get(who);
        }
    }

    @Test
    void aPostgresqlBackupRestoresIntoAFreshDatabaseWithEveryUsersDataStreaksAndTokens() throws Exception {
        work = Files.createTempDirectory("steadfast-backup");
        PrivatePostgres original = server();
        createRoleAndDatabase(original);
        Populated data = populate(startNode("backup-original", url(original), ROLE, null));

        // the node stops; the backup, as the runbook says
        Cluster.stopAll(nodes);
        nodes.clear();
        Path dump = work.resolve("steadfast.dump");
        run(List.of(
                tool("pg_dump").toString(),
                "-Fc",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(original.port()),
                "-U",
                ROLE,
                "-d",
                DATABASE,
                "-f",
                dump.toString()));
        assertThat(Files.size(dump)).isGreaterThan(1000);
        run(List.of(tool("pg_restore").toString(), "--list", dump.toString()));
        original.close();
        servers.remove(original);

        // another server: the role first (pg_dump does not carry roles), a fresh database, the restore
        PrivatePostgres restored = server();
        createRoleAndDatabase(restored);
        run(List.of(
                tool("pg_restore").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(restored.port()),
                "-U",
                "postgres",
                "-d",
                DATABASE,
                "--exit-on-error",
                "--single-transaction",
                dump.toString()));
        try (Connection c = DriverManager.getConnection(url(restored), "postgres", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> owners = new ArrayList<>();
            while (r.next()) {
                owners.add(r.getString(1));
            }
            assertThat(owners).as("the tables belong to the application's role").containsExactly(ROLE);
        }

        // a node on the restored database, with an empty Redis
        verifyRestored(startNode("backup-restored", url(restored), ROLE, null), data);
    }

    /**
     * The H2 runbook: {@code steadfast:backup} in the admin shell of a running node (reached with {@code bin/client}
     * over the local SSH console, enabled as docs/operations.md says), the node stops, the zip is unzipped into the
     * {@code data/steadfast/} of a fresh installation, and a node started there finds everything as it was.
     */
    @Test
    void anH2BackupTakenOnlineRestoresByUnzippingItIntoAFreshInstallation() throws Exception {
        work = Files.createTempDirectory("steadfast-backup");
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(seed());
        int ssh = Distribution.freePort();
        Http a = startNode("backup-h2-original", "", "", home -> enableSsh(home, ssh, password));
        Path originalHome = homes.get(homes.size() - 1);
        Populated data = populate(a);

        Path zip = work.resolve("steadfast-h2.zip");
        String out = client(originalHome, ssh, password, "steadfast:backup " + zip);
        assertThat(out).as(out).contains("Backed up the H2 database to " + zip);
        assertThat(zip).isRegularFile();
        assertThat(client(originalHome, ssh, password, "steadfast:backup " + zip))
                .as("an existing file is not overwritten")
                .contains("exists already");
        String byDefault = client(originalHome, ssh, password, "steadfast:backup");
        assertThat(byDefault).as(byDefault).containsPattern("data/backup/steadfast-\\d{8}T\\d{6}Z\\.zip");
        assertThat(client(originalHome, ssh, password, "steadfast:backup --help"))
                .contains("pg_dump");
        // a write after the backup is not in it
        IdentityApiIT.Account cat = data.get("cat");
        String late = habit(a, cat, "After the backup", data.today(), "");
        Cluster.stopAll(nodes);
        nodes.clear();

        Http b = startNode("backup-h2-restored", "", "", home -> unzip(zip, home.resolve("data/steadfast")));
        verifyRestored(b, data);
        assertThat(b.as(Accounts.login(b, cat.email(), IdentityApiIT.PASSWORD), "GET", "/api/v1/habits/" + late, null)
                        .statusCode())
                .isEqualTo(404);
    }

    /** Accounts, habits, check-ins over the days before today (by the node's clock), a token, a partnership. */
    private static Populated populate(Http a) {
        LocalDate today = ServerTime.today(a);
        Map<String, IdentityApiIT.Account> accounts = new LinkedHashMap<>();
        for (String who : new String[] {"ann", "bob", "cat"}) {
            accounts.put(
                    who,
                    Accounts.register(
                            a, who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"));
        }
        IdentityApiIT.Account ann = accounts.get("ann");
        IdentityApiIT.Account bob = accounts.get("bob");
        IdentityApiIT.Account cat = accounts.get("cat");
        String run = habit(a, ann, "Run", today.minusDays(30), ",\"visibility\":\"partners\"");
        for (int d = 9; d >= 1; d--) {
            checkin(a, ann, run, today.minusDays(d), "{\"note\":\"day " + d + "\"}");
        }
        String read = habit(a, ann, "Read", today.minusDays(30), "");
        checkin(a, ann, read, today.minusDays(12), "{}");
        checkin(a, ann, read, today.minusDays(2), "{\"status\":\"skipped\"}");
        String water = habit(a, bob, "Water", today.minusDays(10), "");
        for (int d = 5; d >= 0; d--) {
            checkin(a, bob, water, today.minusDays(d), "{}");
        }
        String stretch = habit(a, cat, "Stretch", today.minusDays(3), "");
        checkin(a, cat, stretch, today, "{\"note\":\"morning\"}");

        HttpResponse<String> pat =
                a.as(ann.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"Backup check\",\"scopes\":[\"read\"]}");
        assertThat(pat.statusCode()).as(pat.body()).isEqualTo(201);
        String patSecret = Http.json(pat).get("token").toString();

        // a partnership: Bob sees Ann's shared habit and its streak
        HttpResponse<String> invited =
                a.as(ann.token(), "POST", "/api/v1/partners/invitations", "{\"email\":\"" + bob.email() + "\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        HttpResponse<String> accepted = a.as(
                bob.token(),
                "POST",
                "/api/v1/partners/invitations/" + Http.json(invited).get("id") + "/accept",
                null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        Map<String, Seen> before = new LinkedHashMap<>();
        for (IdentityApiIT.Account acc : accounts.values()) {
            before.put(acc.email(), seen(a, acc.email(), acc.token(), today));
        }
        Map<?, ?> runStats = (Map<?, ?>) before.get(ann.email()).stats().get(run);
        assertThat(((Map<?, ?>) runStats.get("streak")).get("current"))
                .as("nine days done up to yesterday")
                .isEqualTo(9);
        String partnerView = partnerView(a, bob.token(), ann.userId());
        assertThat(partnerView).contains("Run").doesNotContain("Read");
        assertThat(a.as(patSecret, "GET", "/api/v1/habits", null).statusCode()).isEqualTo(200);
        return new Populated(today, accounts, patSecret, partnerView, before);
    }

    /** Every account signs in and sees what it saw before the backup; the token and the old sessions work. */
    private static void verifyRestored(Http b, Populated data) {
        IdentityApiIT.Account ann = data.get("ann");
        assertThat(b.as(ann.token(), "GET", "/api/v1/me", null).statusCode())
                .as("a session from before the backup is still valid")
                .isEqualTo(200);
        boolean sameDay = ServerTime.today(b).equals(data.today());
        for (IdentityApiIT.Account acc : data.accounts().values()) {
            String token = Accounts.login(b, acc.email(), IdentityApiIT.PASSWORD);
            Seen after = seen(b, acc.email(), token, data.today());
            Seen was = data.before().get(acc.email());
            assertThat(after.habits()).as("%s's habits", acc.email()).isEqualTo(was.habits());
            assertThat(after.checkins()).as("%s's check-ins", acc.email()).isEqualTo(was.checkins());
            Assumptions.assumeTrue(sameDay, "the day changed between the backup and the restore: streaks move");
            assertThat(after.stats())
                    .as("%s's statistics and streaks", acc.email())
                    .isEqualTo(was.stats());
        }
        HttpResponse<String> withPat = b.as(data.patSecret(), "GET", "/api/v1/habits", null);
        assertThat(withPat.statusCode()).as("the personal access token").isEqualTo(200);
        assertThat(list(withPat)).isEqualTo(data.before().get(ann.email()).habits());
        assertThat(b.as(data.patSecret(), "POST", "/api/v1/habits", "{\"name\":\"x\",\"type\":\"boolean\"}")
                        .statusCode())
                .as("still only read")
                .isEqualTo(403);
        IdentityApiIT.Account bob = data.get("bob");
        assertThat(partnerView(b, Accounts.login(b, bob.email(), IdentityApiIT.PASSWORD), ann.userId()))
                .isEqualTo(data.partnerView());
        // and the restored server takes new writes
        IdentityApiIT.Account cat = data.get("cat");
        String stretch = ((Map<?, ?>) data.before().get(cat.email()).habits().get(0))
                .get("id")
                .toString();
        checkin(b, cat, stretch, data.today().minusDays(1), "{}");
    }

    /** Habits, every habit's check-ins since 40 days back, and its statistics, as the account sees them. */
    private static Seen seen(Http node, String email, String token, LocalDate today) {
        HttpResponse<String> list = node.as(token, "GET", "/api/v1/habits", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<?> habits = list(list);
        Map<String, Object> checkins = new LinkedHashMap<>();
        Map<String, Object> stats = new LinkedHashMap<>();
        for (Object h : habits) {
            String id = ((Map<?, ?>) h).get("id").toString();
            HttpResponse<String> c = node.as(
                    token,
                    "GET",
                    "/api/v1/habits/" + id + "/checkins?from=" + today.minusDays(40) + "&to=" + today,
                    null);
            assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
            checkins.put(id, list(c));
            HttpResponse<String> s = node.as(token, "GET", "/api/v1/habits/" + id + "/stats", null);
            assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
            stats.put(id, Http.json(s));
        }
        assertThat(habits).as("%s has habits", email).isNotEmpty();
        return new Seen(email, habits, checkins, stats);
    }

    private static List<?> list(HttpResponse<String> r) {
        try {
            return JSON.readValue(r.body(), List.class);
        } catch (IOException e) {
            throw new AssertionError("not a JSON array: " + r.body(), e);
        }
    }

    private static String partnerView(Http node, String token, String partnerId) {
        HttpResponse<String> r = node.as(token, "GET", "/api/v1/partners/" + partnerId + "/habits", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static String habit(Http node, IdentityApiIT.Account owner, String name, LocalDate start, String more) {
        HttpResponse<String> r = node.as(
                owner.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"" + name + "\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + start + "\"" + more + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    private static void checkin(Http node, IdentityApiIT.Account owner, String habit, LocalDate day, String body) {
        HttpResponse<String> r = node.as(owner.token(), "PUT", "/api/v1/habits/" + habit + "/checkins/" + day, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private PrivatePostgres server() {
        PrivatePostgres pg = PrivatePostgres.start();
        servers.add(pg);
        return pg;
    }

    /** What an operator does first on a server: the application's role and its database (it owns it). */
    private static void createRoleAndDatabase(PrivatePostgres pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE + " LOGIN");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        }
    }

    private static String url(PrivatePostgres pg) {
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + DATABASE;
    }

    /**
     * A node on a database ({@code ""}: the embedded H2 in its {@code data/}) as the given role, with a Redis of its
     * own (none for H2: one node); {@code prepare} may change the home first. Waits until healthy.
     */
    private Http startNode(String name, String dbUrl, String user, HomeStep prepare) throws Exception {
        String redisUrl = "";
        if (!dbUrl.isEmpty()) {
            TestRedis.Private redis = TestRedis.startPrivate();
            redises.add(redis);
            redisUrl = redis.url();
        }
        int port = Distribution.freePort();
        Path home = Cluster.copy(name);
        homes.add(home);
        if (prepare != null) {
            prepare.apply(home);
        }
        nodes.add(Cluster.start(
                home, port, dbUrl, redisUrl, Map.of("STEADFAST_DB_USER", user, "STEADFAST_DB_PASSWORD", "")));
        Http http = new Http(port);
        Cluster.awaitHealthy(http, home);
        http.awaitApi();
        return http;
    }

    private static byte[] seed() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** A change to a fresh home before its node starts. */
    interface HomeStep {
        void apply(Path home) throws Exception;
    }

    /** The SSH console as docs/operations.md enables it: a user, ssh in the boot features, a port of its own. */
    private static void enableSsh(Path home, int port, String password) throws IOException {
        Files.writeString(
                home.resolve("etc/users.properties"),
                "ops = " + password + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembus,ssh\n");
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell).replace("sshPort = 8101", "sshPort = " + port));
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String boot = Files.readString(features);
        assertThat(boot).contains("featuresBoot = \\\n");
        Files.writeString(features, boot.replace("featuresBoot = \\\n", "featuresBoot = \\\n    ssh, \\\n"));
    }

    /** Runs a command in the node's admin shell with {@code bin/client}, as an operator on the machine does. */
    private static String client(Path home, int port, String password, String command) throws Exception {
        return AdminShell.run(home, port, password, command);
    }

    /** The restore step of the H2 runbook: the backup's files into the database's folder. */
    private static void unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path f = dir.resolve(e.getName()).normalize();
                assertThat(f.startsWith(dir)).isTrue();
                Files.copy(in, f);
            }
        }
        assertThat(dir.resolve("steadfast.mv.db")).isRegularFile();
    }

    /** The PostgreSQL client tools of this machine (the newest version, as {@link PrivatePostgres} uses). */
    private static Path tool(String name) throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(name))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(
                            p.getParent().getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException(name + " not found under /usr/lib/postgresql"));
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(p.exitValue())
                .as(String.join(" ", command.subList(0, 1)) + ": " + out)
                .isZero();
    }
}
