package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * A fuzzer over the whole API of a real node ({@code bin/karaf server} on PostgreSQL and a private Redis): every
 * operation of {@code /api/openapi.json} — plugins and operations added later included — is called with parameters
 * and bodies generated from its schemas: a valid request, then mutations of each parameter and field (missing,
 * wrong JSON type, null, empty, huge, odd numbers and dates, ids that are not UUIDs, random UUIDs, another user's
 * ids, unknown values and fields, deep nesting, lone surrogates, NUL) and of the body as a whole (invalid JSON,
 * wrong or no Content-Type, invalid UTF-8). Every answer must be below 500, every 4xx an
 * {@code application/problem+json} with {@code status}, {@code title} and {@code detail} or {@code errors}, no body
 * or header may name a Java type or show a stack trace, and another user's id must answer 404 (422 in a body field
 * that lists ids). All violations are collected and reported at once, with the seed
 * ({@code -Dsteadfast.fuzz.seed=...} reproduces a run).
 */
class ApiFuzzIT {

    static final long SEED = Long.getLong("steadfast.fuzz.seed", 20261201L);

    /** Random mutations per field or parameter, on top of the ones every field gets. */
    private static final int SAMPLED_PER_FIELD = 7;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** Java types, packages and stack trace fragments that must never reach a client. */
    static final Pattern JAVA_LEAK = Pattern.compile("\\bjava\\.[a-z]|\\bjavax\\.[a-z]|\\bjakarta\\.[a-z]"
            + "|org\\.apache|org\\.eclipse|org\\.osgi|org\\.ops4j|org\\.postgresql|com\\.fasterxml|io\\.steadfast"
            + "|io\\.swagger|redis\\.clients|Exception\\b|[a-z]Error\\b|\\tat |\\bat [\\w$.]+\\(|NullPointer"
            + "|\\.java:\\d+|Cannot deserialize|\\[Source:|Unrecognized field|ClassCast|StackOverflow"
            + "|\\b[A-Z]\\w*Dto\\b|\\b[A-Z]\\w*Input\\b|\\$[A-Z]\\w*");

    /** Placeholders in generated bodies for JSON text Jackson would not write: replaced after serialising. */
    private static final String RAW = "\u0001raw:";

    /**
     * Documented server-side answers that are not bugs. Each entry is one operation and status, with the reason;
     * the answer must still be a problem with a detail.
     */
    private static final Map<String, String> DOCUMENTED_5XX = Map.of(
            "POST /api/v1/auth/password-reset 503",
            "no e-mail sender is installed (docs/api.md, docs/operations.md: 503 'password reset by e-mail is not"
                    + " configured')");

    /**
     * Operations that end a session or an account: called with a disposable account, renewed after a success. A
     * sign-in ends the session the client held; ending sessions may end the caller's.
     */
    private static final Set<String> ACCOUNT_ENDING = Set.of(
            "POST /api/v1/auth/logout",
            "POST /api/v1/auth/login",
            "POST /api/v1/me/password",
            "DELETE /api/v1/me",
            "DELETE /api/v1/me/sessions/{id}",
            "POST /api/v1/me/sessions/revoke-others");

    private static Process karaf;
    private static TestRedis.Private redis;
    private static Path home;
    private static Http http;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        home = Cluster.copy("fuzz");
        Files.writeString(
                home.resolve("etc/io.steadfast.identity.cfg"),
                "login.maxFailuresPerAccountAndAddress = 5\nlogin.maxFailuresPerAddress = 1000\n"
                        + "registration.maxPerAddressPerHour = 100000\n");
        karaf = Cluster.start(home, port, TestPostgres.freshSchemaUrl(), redis.url());
        http = new Http(port);
        HttpResponse<String> health = http.await("/health", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        assertThat(health).as("no answer; see " + home.resolve("console.log")).isNotNull();
        http.awaitApi();
        base = "http://127.0.0.1:" + port;
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.descendants().forEach(ProcessHandle::destroy);
            karaf.destroy();
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    /** A user with one object of every kind, so that paths with ids have real values. */
    static final class User {
        final String email;
        final String password;
        final String token;
        final String id;
        final String marker;
        final Map<String, String> habits = new LinkedHashMap<>();
        String readToken;
        String tokenId;
        String vacationId;
        String feedFile;

        User(IdentityApiIT.Account account, String password) {
            this.email = account.email();
            this.token = account.token();
            this.id = account.userId();
            this.password = password;
            this.marker = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        }

        String habit(String type) {
            return habits.get(type);
        }
    }

    private static User user(String prefix, boolean withObjects) {
        IdentityApiIT.Account acc = Accounts.register(
                http, prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        User u = new User(acc, IdentityApiIT.PASSWORD);
        if (!withObjects) {
            return u;
        }
        LocalDate today = ServerTime.today(http);
        u.habits.put(
                "boolean",
                created(
                        u,
                        "/api/v1/habits",
                        "{\"name\":\"" + u.marker + " yes\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"" + today.minusDays(20) + "\"}"));
        u.habits.put(
                "count",
                created(
                        u,
                        "/api/v1/habits",
                        "{\"name\":\"" + u.marker + " count\",\"type\":\"count\","
                                + "\"target\":8,\"unit\":\"glasses\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                                + today.minusDays(20) + "\"}"));
        u.habits.put(
                "measurement",
                created(
                        u,
                        "/api/v1/habits",
                        "{\"name\":\"" + u.marker + " weight\","
                                + "\"type\":\"measurement\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                                + today.minusDays(20)
                                + "\",\"goal\":{\"value\":70,\"direction\":\"down\",\"by\":\"" + today.plusDays(30)
                                + "\"}}"));
        ok(http.as(u.token, "PUT", "/api/v1/habits/" + u.habit("count") + "/checkins/" + today, "{\"value\":3}"));
        ok(http.as(u.token, "PUT", "/api/v1/habits/" + u.habit("boolean") + "/checkins/" + today.minusDays(1), "{}"));
        ok(http.as(
                u.token,
                "PUT",
                "/api/v1/habits/" + u.habit("measurement") + "/checkins/" + today.minusDays(2),
                "{\"value\":80}"));
        HttpResponse<String> pat =
                ok(http.as(u.token, "POST", "/api/v1/me/tokens", "{\"name\":\"fuzz\",\"scopes\":[\"read\"]}"));
        u.tokenId = Http.json(pat).get("id").toString();
        u.readToken = Http.json(pat).get("token").toString();
        u.vacationId = created(
                u,
                "/api/v1/me/vacations",
                "{\"from\":\"" + today.plusDays(200) + "\",\"to\":\"" + today.plusDays(205) + "\"}");
        String url = Http.json(ok(http.as(u.token, "POST", "/api/v1/me/calendar-feed", null)))
                .get("url")
                .toString();
        u.feedFile = url.substring(url.lastIndexOf('/') + 1);
        return u;
    }

    private static String created(User u, String path, String body) {
        HttpResponse<String> r = http.as(u.token, "POST", path, body);
        assertThat(r.statusCode()).as(path + " " + body + ": " + r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.request().uri() + ": " + r.body()).isBetween(200, 299);
        return r;
    }

    // ------------------------------------------------------------------------------------------------ the run

    /** What an answer must be besides the general rules. */
    enum Expect {
        ANY,
        /** another user's id in the path */
        NOT_FOUND,
        /** another user's id in a body field that lists ids */
        NOT_FOUND_OR_INVALID
    }

    /** One request of the fuzzer. */
    record Req(
            String op,
            String method,
            String path,
            String contentType,
            byte[] body,
            String token,
            List<String> headers,
            String mutation,
            Expect expect) {

        String describe() {
            String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + excerpt(path, 200) + (contentType == null ? "" : " [" + contentType + "]")
                    + (b.isEmpty() ? "" : " " + excerpt(b, 300)) + "  <" + mutation + ">";
        }
    }

    private Random random;
    private User a;
    private User b;
    private User admin;
    private User disposable;
    private LocalDate today;
    private JsonNode doc;
    private int counter;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> statuses = new java.util.TreeMap<>();

    @Test
    void everyOperationAnswersProblemsNeverServerErrorsOrJavaTypes() throws Exception {
        random = new Random(SEED);
        admin = user("fuzz-admin", false); // the first account of the server is its admin
        a = user("fuzz-a", true);
        b = user("fuzz-b", true);
        disposable = user("fuzz-d", false);
        today = ServerTime.today(http);
        doc = JSON.readTree(http.get("/api/openapi.json").body());

        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<String> ms = p.getValue().fieldNames(); ms.hasNext(); ) {
                String m = ms.next().toUpperCase(Locale.ROOT);
                if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)
                        && !Http.streams(
                                p.getValue().get(m.toLowerCase(Locale.ROOT)).toString())) {
                    // (an event stream answers for as long as the client listens: EventsIT tests it)
                    operations.add(new String[] {m, p.getKey()});
                }
            }
        }
        // reads first, then writes, then what changes the account, then deletes (which take fixtures away)
        operations.sort((x, y) -> {
            int c = Integer.compare(phase(x), phase(y));
            int byPath = (x[1] + " " + x[0]).compareTo(y[1] + " " + y[0]);
            // deletes of the longest paths first: a day's record before its habit
            return c != 0 ? c : x[0].equals("DELETE") ? -byPath : byPath;
        });
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);

        Path log = home.resolve("data/log/karaf.log");
        long logBefore = Files.size(log);
        long started = System.nanoTime();
        int sent = 0;
        for (String[] op : operations) {
            List<Req> requests = requests(op[0], op[1]);
            for (Req r : requests) {
                send(r);
                sent++;
            }
            if (op[0].equals("PATCH") && op[1].equals("/api/v1/habits/{id}")) {
                // undo what the mutations changed (archived, a later start), so later operations meet usable habits
                for (String id : a.habits.values()) {
                    http.as(
                            a.token,
                            "PATCH",
                            "/api/v1/habits/" + id,
                            "{\"archived\":false,\"startDate\":\"" + today.minusDays(20) + "\"}");
                }
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println("ApiFuzzIT: seed " + SEED + ", " + operations.size() + " operations, " + sent
                + " requests in " + seconds + " s; statuses " + statuses);

        // the fixtures the walk relies on are still there: A was really fuzzed, B's objects are untouched
        if (http.as(a.token, "GET", "/api/v1/auth/check", null).statusCode() != 200) {
            violations.add("user A's session stopped working during the run: later requests were not really tried");
        }
        for (String id : b.habits.values()) {
            expectStatus(http.as(b.token, "GET", "/api/v1/habits/" + id, null), 200, "B's habit " + id);
        }
        expectStatus(http.as(b.token, "GET", "/api/v1/me/vacations/" + b.vacationId, null), 200, "B's vacation");
        expectStatus(http.as(b.readToken, "GET", "/api/v1/me", null), 200, "B's access token");
        expectStatus(http.get("/api/v1/calendar-feed/" + b.feedFile), 200, "B's calendar feed");

        // a client's mistakes are not the operators' problem: no ERROR, WARN or stack trace in the log
        String added = Files.readString(log).substring((int) Math.min(logBefore, Files.size(log)));
        List<String> logged = new ArrayList<>();
        for (String line : added.split("\n")) {
            if (line.contains("Thread starvation or clock leap")) {
                continue; // the connection pool's housekeeper on a busy test machine, not a request
            }
            if (line.contains("| ERROR |")
                    || line.contains("| WARN  |")
                    || line.startsWith("\tat ")
                    || line.startsWith("Caused by:")
                    || line.contains("Exception")) {
                logged.add(excerpt(line, 300));
            }
        }
        if (!logged.isEmpty()) {
            violations.add(logged.size() + " ERROR, WARN or stack trace lines in karaf.log, the first: \n       "
                    + String.join("\n       ", logged.subList(0, Math.min(8, logged.size()))));
        }

        assertThat(sent).as("requests sent").isGreaterThan(1000);
        Path report = Path.of("target", "api-fuzz-violations.txt");
        Files.writeString(report, "seed " + SEED + "\n" + String.join("\n", violations) + "\n");
        if (!violations.isEmpty()) {
            StringBuilder sb = new StringBuilder(violations.size() + " violations (seed " + SEED
                    + ", rerun with -Dsteadfast.fuzz.seed=" + SEED + "; all of them in " + report.toAbsolutePath()
                    + "):\n");
            violations.stream()
                    .limit(150)
                    .forEach(v -> sb.append(" - ").append(v).append('\n'));
            if (violations.size() > 150) {
                sb.append(" ... and ").append(violations.size() - 150).append(" more\n");
            }
            throw new AssertionError(sb.toString());
        }
    }

    private void expectStatus(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            violations.add(what + " answered " + r.statusCode() + " after the run: " + excerpt(r.body(), 200));
        }
    }

    private static int phase(String[] op) {
        String key = op[0] + " " + op[1];
        if (op[0].equals("GET")) {
            return 0;
        }
        if (ACCOUNT_ENDING.contains(key)) {
            return 4;
        }
        if (op[0].equals("DELETE")) {
            return 3;
        }
        return op[1].startsWith("/api/v1/me") || op[1].startsWith("/api/v1/auth") ? 2 : 1;
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** The valid starting points of an operation: path parameter values and a body. */
    record Base(Map<String, String> pathParams, JsonNode body) {}

    private List<Req> requests(String method, String template) {
        String key = method + " " + template;
        JsonNode op = doc.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        List<JsonNode> params = new ArrayList<>();
        if (op.has("parameters")) {
            op.get("parameters").forEach(params::add);
        }
        JsonNode bodySchema =
                op.path("requestBody").path("content").path("application/json").path("schema");
        boolean hasBody = !bodySchema.isMissingNode();
        List<Base> bases = bases(key, template, params, hasBody ? resolve(bodySchema) : null);
        List<Req> out = new ArrayList<>();
        for (Base base : bases) {
            Map<String, String> query = validQuery(params);
            Map<String, String> headers = validHeaders(params);
            // the valid request (a delete's last, so that its mutations meet the object)
            Req valid = req(key, method, template, base.pathParams, query, headers, base.body, "valid", Expect.ANY);
            if (!method.equals("DELETE")) {
                out.add(valid);
            }
            // each path parameter
            for (String name : base.pathParams.keySet()) {
                for (String v : pathMutations(name, template)) {
                    Map<String, String> pp = new LinkedHashMap<>(base.pathParams);
                    pp.put(name, v);
                    out.add(req(
                            key,
                            method,
                            template,
                            pp,
                            query,
                            headers,
                            base.body,
                            "path " + name + "=" + v,
                            Expect.ANY));
                }
                String other = othersId(name, template, base.pathParams.get(name));
                if (other != null) {
                    Map<String, String> pp = new LinkedHashMap<>(base.pathParams);
                    pp.put(name, other);
                    out.add(req(
                            key,
                            method,
                            template,
                            pp,
                            query,
                            headers,
                            base.body,
                            "path " + name + "=B's id",
                            Expect.NOT_FOUND));
                }
            }
            // each query parameter and header
            for (JsonNode p : params) {
                String in = p.path("in").asText();
                String name = p.path("name").asText();
                if (!in.equals("query") && !in.equals("header")) {
                    continue;
                }
                Map<String, String> target = in.equals("query") ? query : headers;
                List<String> values = new ArrayList<>(sample(paramPool(name), SAMPLED_PER_FIELD + 3));
                values.add(null); // missing
                for (String v : values) {
                    Map<String, String> changed = new LinkedHashMap<>(target);
                    if (v == null) {
                        changed.remove(name);
                    } else {
                        changed.put(name, v);
                    }
                    if (in.equals("header") && v != null && !v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                        continue; // not sendable as a header
                    }
                    out.add(req(
                            key,
                            method,
                            template,
                            base.pathParams,
                            in.equals("query") ? changed : query,
                            in.equals("header") ? changed : headers,
                            base.body,
                            in + " " + name + "=" + (v == null ? "(missing)" : v),
                            Expect.ANY));
                }
                if (in.equals("query")) {
                    Map<String, String> twice = new LinkedHashMap<>(query);
                    twice.put(name + "\u0000twice", "x");
                    out.add(req(
                            key,
                            method,
                            template,
                            base.pathParams,
                            twice,
                            headers,
                            base.body,
                            "query " + name + " twice",
                            Expect.ANY));
                }
            }
            // each body field
            if (base.body != null) {
                JsonNode schema = resolve(bodySchema);
                for (FieldPath f : fields(base.body, schema)) {
                    List<Mutation> ms = new ArrayList<>();
                    ms.add(Mutation.REMOVE);
                    ms.add(new Mutation("null", NODES.nullNode()));
                    ms.add(wrongType(f.schema));
                    List<Mutation> pool = new ArrayList<>(valueMutations(f.schema));
                    for (Iterator<Mutation> it = pool.iterator(); it.hasNext(); ) {
                        Mutation m = it.next();
                        if (core(f.schema).contains(m.name)) {
                            ms.add(m);
                            it.remove();
                        }
                    }
                    ms.addAll(sample(pool, SAMPLED_PER_FIELD));
                    for (Mutation m : ms) {
                        JsonNode body = apply(base.body, f.path, m.value);
                        out.add(req(
                                key,
                                method,
                                template,
                                base.pathParams,
                                query,
                                headers,
                                body,
                                f.name() + " " + m.name,
                                Expect.ANY));
                    }
                    if (isIdField(f, key)) {
                        JsonNode body = apply(base.body, f.path, TextNode.valueOf(b.habit("count")));
                        out.add(req(
                                key,
                                method,
                                template,
                                base.pathParams,
                                query,
                                headers,
                                body,
                                f.name() + "=B's habit id",
                                Expect.NOT_FOUND_OR_INVALID));
                    }
                }
                ObjectNode unknown = base.body.isObject() ? ((ObjectNode) base.body.deepCopy()) : null;
                if (unknown != null) {
                    unknown.put("fuzzUnknownField", "x");
                    unknown.set("__proto__", NODES.objectNode().put("admin", true));
                    out.add(req(
                            key,
                            method,
                            template,
                            base.pathParams,
                            query,
                            headers,
                            unknown,
                            "unknown fields",
                            Expect.ANY));
                }
            }
            if (method.equals("DELETE")) {
                out.add(valid);
            }
        }
        // the body as a whole (or a body where none is expected), and the credentials, on the first base
        Base first = bases.get(0);
        Map<String, String> query = validQuery(params);
        Map<String, String> headers = validHeaders(params);
        if (!method.equals("GET")) {
            List<String[]> whole = new ArrayList<>(sample(wholeBodies(), hasBody ? 14 : 3));
            String valid = first.body == null ? "{}" : serialize(first.body);
            whole.add(new String[] {"text/plain", valid, "valid body as text/plain"});
            whole.add(new String[] {"application/xml", "<habit/>", "xml"});
            whole.add(new String[] {null, valid, "no Content-Type"});
            whole.add(new String[] {"application/json; charset=UTF-16", valid, "charset UTF-16"});
            for (String[] w : whole) {
                out.add(new Req(
                        key,
                        method,
                        path(template, first.pathParams, query),
                        w[0],
                        w[1] == null ? invalidUtf8() : w[1].getBytes(StandardCharsets.UTF_8),
                        tokenFor(key),
                        headerList(headers),
                        "body " + w[2],
                        Expect.ANY));
            }
        }
        byte[] validBody = first.body == null ? null : serialize(first.body).getBytes(StandardCharsets.UTF_8);
        String validPath = path(template, first.pathParams, query);
        String ct = validBody == null ? null : "application/json";
        List<String[]> credentials = new ArrayList<>(List.of(
                new String[] {null, "no token"},
                new String[] {"sfs_" + "x".repeat(43), "unknown token"},
                new String[] {"", "empty bearer"}));
        if (!ACCOUNT_ENDING.contains(key)) {
            credentials.add(new String[] {a.readToken, "read-only token"});
            if (template.contains("{id}")) {
                credentials.add(new String[] {b.token, "B's token"});
            }
        }
        for (String[] t : credentials) {
            List<String> h = headerList(headers);
            if (t[0] != null) {
                h.add("Authorization");
                h.add(t[0].isEmpty() ? "Bearer" : "Bearer " + t[0]);
            }
            out.add(new Req(
                    key,
                    method,
                    validPath,
                    ct,
                    validBody,
                    null,
                    h,
                    t[1],
                    // B is no admin: an admin route answers B 403 (its path names it admin; nothing to hide)
                    t[1].equals("B's token") && !key.contains("/api/v1/admin/") ? Expect.NOT_FOUND : Expect.ANY));
        }
        List<String> basic = headerList(headers);
        basic.add("Authorization");
        basic.add("Basic YTpi");
        out.add(new Req(key, method, validPath, ct, validBody, null, basic, "basic auth", Expect.ANY));
        return out;
    }

    private Req req(
            String key,
            String method,
            String template,
            Map<String, String> pathParams,
            Map<String, String> query,
            Map<String, String> headers,
            JsonNode body,
            String mutation,
            Expect expect) {
        return new Req(
                key,
                method,
                path(template, pathParams, query),
                body == null ? null : "application/json",
                body == null ? null : serialize(body).getBytes(StandardCharsets.UTF_8),
                tokenFor(key),
                headerList(headers),
                mutation,
                expect);
    }

    private String tokenFor(String key) {
        if (key.contains("/api/v1/admin/")) {
            return admin.token;
        }
        return ACCOUNT_ENDING.contains(key) ? null : a.token;
    }

    private static List<String> headerList(Map<String, String> headers) {
        List<String> h = new ArrayList<>();
        headers.forEach((k, v) -> {
            h.add(k);
            h.add(v);
        });
        return h;
    }

    private static String path(String template, Map<String, String> pathParams, Map<String, String> query) {
        Matcher m = PARAM.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = pathParams.getOrDefault(m.group(1), "x");
            m.appendReplacement(sb, Matcher.quoteReplacement(encode(v)));
        }
        m.appendTail(sb);
        String sep = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            String name = q.getKey().replace("\u0000twice", "");
            sb.append(sep).append(encode(name)).append('=').append(encode(q.getValue()));
            sep = "&";
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------------------------------------ valid values

    private List<Base> bases(String key, String template, List<JsonNode> params, JsonNode bodySchema) {
        Map<String, String> pp = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if (p.path("in").asText().equals("path")) {
                String name = p.path("name").asText();
                pp.put(name, validPathParam(name, template, "count"));
            }
        }
        List<Base> out = new ArrayList<>();
        if (template.contains("/habits/{id}")) {
            // once for each kind of habit
            for (String type : List.of("count", "boolean", "measurement")) {
                Map<String, String> forType = new LinkedHashMap<>(pp);
                forType.put("id", a.habit(type));
                out.add(new Base(forType, bodySchema == null ? null : body(key, type, bodySchema)));
            }
            if (key.endsWith("/increment")) {
                out.remove(1); // a boolean day has no value to add to
            }
            return out;
        }
        if (key.equals("POST /api/v1/habits")) {
            for (String type : List.of("count", "boolean", "measurement")) {
                out.add(new Base(pp, body(key, type, bodySchema)));
            }
            return out;
        }
        if (key.equals("PATCH /api/v1/me")) {
            out.add(new Base(pp, body(key, "profile", bodySchema)));
            out.add(new Base(pp, parse("{\"email\":\"" + email() + "\",\"currentPassword\":\"" + a.password + "\"}")));
            return out;
        }
        out.add(new Base(pp, bodySchema == null ? null : body(key, null, bodySchema)));
        return out;
    }

    private JsonNode body(String key, String variant, JsonNode schema) {
        switch (key) {
            case "POST /api/v1/habits":
                return parse(
                        switch (variant) {
                            case "boolean" -> "{\"name\":\"Fuzz yes\",\"description\":\"d\",\"type\":\"boolean\","
                                    + "\"schedule\":{\"kind\":\"weekdays\",\"days\":[\"MON\",\"FRI\"]},\"startDate\":\""
                                    + today.minusDays(3)
                                    + "\",\"color\":\"#22aa88\",\"icon\":\"star\",\"archived\":false}";
                            case "measurement" -> "{\"name\":\"Fuzz weight\",\"type\":\"measurement\",\"unit\":\"kg\","
                                    + "\"schedule\":{\"kind\":\"every_n_days\",\"n\":2},\"startDate\":\"" + today
                                    + "\",\"goal\":{\"value\":70.5,\"direction\":\"down\",\"by\":\""
                                    + today.plusDays(60)
                                    + "\"}}";
                            default -> "{\"name\":\"Fuzz water\",\"type\":\"count\",\"target\":8,\"unit\":\"glasses\","
                                    + "\"schedule\":{\"kind\":\"times_per_week\",\"times\":3},\"color\":\"#2288ff\"}";
                        });
            case "PATCH /api/v1/habits/{id}":
                return parse(
                        switch (variant) {
                            case "boolean" -> "{\"name\":\"Fuzz renamed\",\"schedule\":{\"kind\":\"times_per_month\","
                                    + "\"times\":10},\"archived\":false,\"icon\":\"moon\"}";
                            case "measurement" -> "{\"description\":\"lighter\",\"goal\":{\"value\":69,\"direction\":"
                                    + "\"down\",\"by\":\"" + today.plusDays(40) + "\"}}";
                            default -> "{\"target\":6,\"unit\":\"cups\",\"schedule\":{\"kind\":\"daily\"},"
                                    + "\"startDate\":\"" + today.minusDays(20) + "\",\"color\":\"#112233\"}";
                        });
            case "PUT /api/v1/habits/{id}/checkins/{date}":
                return parse(
                        switch (variant) {
                            case "boolean" -> "{\"status\":\"done\",\"note\":\"fine\"}";
                            case "measurement" -> "{\"value\":79.5}";
                            default -> "{\"value\":3,\"note\":\"three\",\"status\":\"done\"}";
                        });
            case "POST /api/v1/habits/{id}/checkins/{date}/increment":
                return parse("{\"delta\":1}");
            case "PUT /api/v1/habits/order":
                return JSON.valueToTree(List.of(a.habit("measurement"), a.habit("count")));
            case "POST /api/v1/me/vacations":
                int start = 20 + random.nextInt(100);
                return parse("{\"from\":\"" + today.plusDays(start) + "\",\"to\":\"" + today.plusDays(start + 2)
                        + "\",\"habitIds\":[\"" + a.habit("count") + "\"]}");
            case "POST /api/v1/auth/login":
                return parse("{\"email\":\"" + a.email + "\",\"password\":\"" + a.password + "\"}");
            case "PATCH /api/v1/me":
                return parse("{\"displayName\":\"Fuzzed A\",\"timezone\":\"" + ServerTime.zone()
                        + "\",\"weekStart\":\"MONDAY\",\"dayStartsAt\":0}");
            case "POST /api/v1/me/tokens":
                return parse("{\"name\":\"fuzz token\",\"scopes\":[\"read\",\"write\"],\"expiresAt\":\""
                        + today.plusDays(30) + "T00:00:00Z\"}");
            default:
                return generate(schema, "");
        }
    }

    /** A valid value for a schema, with hints from the field's name (for operations without a hand-made body). */
    private JsonNode generate(JsonNode schema, String name) {
        schema = resolve(schema);
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                schema.path("properties").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    o.set(p.getKey(), generate(p.getValue(), p.getKey()));
                }
                return o;
            }
            case "array": {
                ArrayNode arr = NODES.arrayNode();
                if (name.equals("scopes")) {
                    return arr.add("read");
                }
                arr.add(generate(schema.path("items"), name));
                return arr;
            }
            case "integer":
                return NODES.numberNode(name.equals("dayStartsAt") ? 0 : 2);
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(false);
            default:
                if (format.equals("uuid")) {
                    return TextNode.valueOf(a.habit("count"));
                }
                if (format.equals("date")) {
                    return TextNode.valueOf(today.toString());
                }
                if (format.equals("date-time")) {
                    return TextNode.valueOf(today.plusDays(30) + "T00:00:00Z");
                }
                return TextNode.valueOf(
                        switch (name) {
                            case "email" -> email();
                            case "password", "currentPassword" -> IdentityApiIT.PASSWORD;
                            case "newPassword" -> "another fine passphrase " + (++counter);
                            case "timezone" -> "UTC";
                            case "weekStart" -> "MONDAY";
                            case "token" -> "sfr_" + "A".repeat(43);
                            default -> "fuzz " + name;
                        });
        }
    }

    private String email() {
        return "fuzz-" + (++counter) + "-" + random.nextInt(1_000_000) + "@example.org";
    }

    private String validPathParam(String name, String template, String habitType) {
        if (name.equals("id")) {
            if (template.contains("/habits/")) {
                return a.habit(habitType);
            }
            if (template.contains("/tokens/")) {
                return a.tokenId;
            }
            if (template.contains("/vacations/")) {
                return a.vacationId;
            }
            return UUID.randomUUID().toString();
        }
        if (name.equals("date")) {
            return today.toString();
        }
        if (name.equals("file")) {
            return a.feedFile;
        }
        return "x";
    }

    /** B's object of the same kind, for the object-level access check (null where there is none). */
    private String othersId(String name, String template, String valid) {
        if (!name.equals("id")) {
            return null;
        }
        for (Map.Entry<String, String> h : a.habits.entrySet()) {
            if (h.getValue().equals(valid)) {
                return b.habit(h.getKey());
            }
        }
        if (valid.equals(a.tokenId)) {
            return b.tokenId;
        }
        if (valid.equals(a.vacationId)) {
            return b.vacationId;
        }
        return null;
    }

    private Map<String, String> validQuery(List<JsonNode> params) {
        Map<String, String> q = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if (!p.path("in").asText().equals("query")) {
                continue;
            }
            String name = p.path("name").asText();
            String v =
                    switch (name) {
                        case "from" -> today.minusDays(14).toString();
                        case "to", "date" -> today.toString();
                        case "year" -> Integer.toString(today.getYear());
                        case "granularity" -> "week";
                        case "archived" -> "false";
                        case "offset" -> "0";
                        case "limit" -> "10";
                        default -> null;
                    };
            if (v != null) {
                q.put(name, v);
            }
        }
        return q;
    }

    private Map<String, String> validHeaders(List<JsonNode> params) {
        Map<String, String> h = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if (p.path("in").asText().equals("header")) {
                h.put(p.path("name").asText(), "fuzz-" + (++counter));
            }
        }
        return h;
    }

    // ------------------------------------------------------------------------------------------------ mutations

    /** A value to put in place of a field ({@code null}: remove the field). */
    record Mutation(String name, JsonNode value) {
        static final Mutation REMOVE = new Mutation("missing", null);
    }

    /** A field of a body: its path from the root (names and array indexes), and its schema. */
    record FieldPath(List<Object> path, JsonNode schema) {
        String name() {
            StringBuilder sb = new StringBuilder();
            for (Object p : path) {
                if (p instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(p);
                }
            }
            return sb.length() == 0 ? "body" : sb.toString();
        }
    }

    /** The fields of a valid body, and those of its schema it leaves out, recursively. */
    private List<FieldPath> fields(JsonNode body, JsonNode schema) {
        List<FieldPath> out = new ArrayList<>();
        collect(body, resolve(schema), new ArrayList<>(), out);
        return out;
    }

    private void collect(JsonNode value, JsonNode schema, List<Object> path, List<FieldPath> out) {
        if (!path.isEmpty()) {
            out.add(new FieldPath(List.copyOf(path), schema));
        }
        if (schema.path("type").asText("object").equals("object") && schema.has("properties")) {
            Set<String> names = new LinkedHashSet<>();
            schema.path("properties").fieldNames().forEachRemaining(names::add);
            if (value != null && value.isObject()) {
                value.fieldNames().forEachRemaining(names::add);
            }
            for (String n : names) {
                JsonNode child = value == null ? null : value.get(n);
                JsonNode cs = resolve(schema.path("properties").path(n));
                List<Object> p = new ArrayList<>(path);
                p.add(n);
                if (child == null || child.isNull()) {
                    out.add(new FieldPath(List.copyOf(p), cs));
                } else {
                    collect(child, cs, p, out);
                }
            }
        } else if (schema.path("type").asText().equals("array") && value != null && value.size() > 0) {
            List<Object> p = new ArrayList<>(path);
            p.add(0);
            collect(value.get(0), resolve(schema.path("items")), p, out);
        }
    }

    /** A body field that names objects by id (another user's id there must be refused like an unknown one). */
    private static boolean isIdField(FieldPath f, String key) {
        return f.schema.path("format").asText().equals("uuid") || key.endsWith("/order");
    }

    private static JsonNode apply(JsonNode base, List<Object> path, JsonNode value) {
        JsonNode root = base.deepCopy();
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object p = path.get(i);
            JsonNode next = p instanceof Integer idx ? parent.get(idx) : parent.get((String) p);
            if (next == null || next.isNull()) {
                next = path.get(i + 1) instanceof Integer ? NODES.arrayNode().add("x") : NODES.objectNode();
                if (p instanceof Integer idx) {
                    ((ArrayNode) parent).set(idx, next);
                } else {
                    ((ObjectNode) parent).set((String) p, next);
                }
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer idx) {
            ArrayNode arr = (ArrayNode) parent;
            if (value == null) {
                arr.remove(idx);
            } else {
                arr.set(idx, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return root;
    }

    private Mutation wrongType(JsonNode schema) {
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "string" -> new Mutation("number for text", NODES.numberNode(12345));
            case "number", "integer" -> new Mutation("text for a number", TextNode.valueOf("8"));
            case "boolean" -> new Mutation("number for a boolean", NODES.numberNode(1));
            case "array" -> new Mutation(
                    "object for an array", NODES.objectNode().put("a", 1));
            default -> new Mutation("array for an object", NODES.arrayNode().add(1));
        };
    }

    private final Map<String, List<Mutation>> mutationPools = new LinkedHashMap<>();

    /** The mutations every field of a type gets (the others are sampled). */
    private static Set<String> core(JsonNode schema) {
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type + " " + format) {
            case "string date" -> Set.of("date +999999999-12-31", "date 2026-02-30", "date 0001-01-01", "date -1");
            case "string date-time" -> Set.of("date +999999999-12-31T23:59:59Z", "date 2026-02-30T00:00:00Z");
            case "string uuid" -> Set.of("not a UUID", "random UUID");
            case "string " -> Set.of(
                    "empty text", "10k characters", "NUL character", "lone surrogate", "unknown enum value");
            case "number ", "integer int32", "integer int64", "integer " -> Set.of(
                    "number 1e400", "number 1e-150000", "number 2147483648", "number -1", "number 2.5");
            case "array " -> Set.of("empty array", "array of 10k items", "array of B's ids");
            default -> Set.of("empty object", "deeply nested objects");
        };
    }

    private List<Mutation> valueMutations(JsonNode schema) {
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return mutationPools.computeIfAbsent(type + " " + format, k -> valueMutations(type, format));
    }

    private List<Mutation> valueMutations(String type, String format) {
        List<Mutation> m = new ArrayList<>();
        // any type
        m.add(new Mutation("empty text", TextNode.valueOf("")));
        m.add(new Mutation("blank text", TextNode.valueOf("   ")));
        m.add(new Mutation("true", NODES.booleanNode(true)));
        m.add(new Mutation("empty array", NODES.arrayNode()));
        m.add(new Mutation("empty object", NODES.objectNode()));
        m.add(new Mutation("10k characters", TextNode.valueOf("x".repeat(10_000))));
        m.add(new Mutation("10k non-ASCII characters", TextNode.valueOf("\u00e9\ud83d\ude00".repeat(3_400))));
        m.add(new Mutation("lone surrogate", raw("\"a\\ud800b\"")));
        m.add(new Mutation("lone low surrogate", raw("\"\\udfff\"")));
        m.add(new Mutation("NUL character", TextNode.valueOf("a\u0000b")));
        m.add(new Mutation("control characters", TextNode.valueOf("a\u0007\u001b[31mb\r\n")));
        m.add(new Mutation("unknown enum value", TextNode.valueOf("NOT_A_KNOWN_VALUE")));
        m.add(new Mutation("markup", TextNode.valueOf("<script>alert(1)</script>' OR '1'='1")));
        m.add(new Mutation("deeply nested arrays", raw("[".repeat(20_000) + "]".repeat(20_000))));
        m.add(new Mutation("deeply nested objects", raw("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))));
        m.add(new Mutation("array of 10k nulls", raw("[" + "null,".repeat(9_999) + "null]")));
        if (type.equals("number") || type.equals("integer") || type.equals("object")) {
            for (String n : new String[] {
                "1e400",
                "-1e400",
                "1e-150000",
                "1e999999999",
                "123456789012345678901234567890",
                "2147483648",
                "-2147483649",
                "9223372036854775808",
                "-1",
                "0",
                "-0.0",
                "2.5",
                "1.00001",
                "1000000000.0001",
                "-1000000000",
                "1E+3",
                "0.0001"
            }) {
                m.add(new Mutation("number " + n, raw(n)));
            }
        }
        if (type.equals("string") || type.equals("array")) {
            String[] dates = format.equals("date-time")
                    ? new String[] {
                        "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z",
                        "0001-01-01T00:00:00Z",
                        "2026-02-30T00:00:00Z",
                        "1899-12-31T23:59:59Z",
                        "2200-01-01T00:00:00Z",
                        "1970-01-01T00:00:00Z",
                        "2026-03-01T10:15:30+14:00",
                        "2026-03-01",
                        "-1",
                        "now"
                    }
                    : new String[] {
                        "+999999999-12-31",
                        "-999999999-01-01",
                        "0001-01-01",
                        "2026-02-30",
                        "-1",
                        "1899-12-31",
                        "2200-01-01",
                        "2026-13-01",
                        today.plusDays(1).toString(),
                        today.minusYears(150).toString(),
                        "2026-03-01T10:15:30Z",
                        "today"
                    };
            for (String d : dates) {
                m.add(new Mutation("date " + d, TextNode.valueOf(d)));
            }
            m.add(new Mutation("not a UUID", TextNode.valueOf("not-a-uuid")));
            m.add(new Mutation("random UUID", TextNode.valueOf(UUID.randomUUID().toString())));
            m.add(new Mutation("nil UUID", TextNode.valueOf("00000000-0000-0000-0000-000000000000")));
            m.add(new Mutation("B's habit id", TextNode.valueOf(b.habit("boolean"))));
            m.add(new Mutation("B's user id", TextNode.valueOf(b.id)));
            m.add(new Mutation("lower-case value", TextNode.valueOf("monday")));
            m.add(new Mutation("unknown time zone", TextNode.valueOf("Mars/Olympus_Mons")));
        }
        if (type.equals("array")) {
            m.add(new Mutation("array of B's ids", JSON.valueToTree(List.of(b.habit("count"), b.tokenId))));
            m.add(new Mutation("array of duplicates", JSON.valueToTree(List.of("x", "x", "x"))));
            m.add(new Mutation("array of arrays", raw("[[1],[\"a\"],[{}]]")));
            m.add(new Mutation("array of 10k items", JSON.valueToTree(Collections.nCopies(10_000, "MON"))));
        }
        return m;
    }

    /** JSON text that Jackson would not write (lone surrogates, deep nesting, odd numbers), by placeholder. */
    private static final List<String> RAWS = new ArrayList<>();

    private static synchronized JsonNode raw(String json) {
        RAWS.add(json);
        return TextNode.valueOf(RAW + (RAWS.size() - 1) + ";");
    }

    private static String serialize(JsonNode body) {
        try {
            String s = JSON.writeValueAsString(body);
            String marker = "\"\\u0001raw:";
            int at = s.indexOf(marker);
            if (at < 0) {
                return s;
            }
            // "\u0001raw:<n>;" as Jackson writes it: put the raw JSON text back
            StringBuilder sb = new StringBuilder();
            int from = 0;
            while (at >= 0) {
                int end = s.indexOf(";\"", at);
                sb.append(s, from, at);
                synchronized (ApiFuzzIT.class) {
                    sb.append(RAWS.get(Integer.parseInt(s.substring(at + marker.length(), end))));
                }
                from = end + 2;
                at = s.indexOf(marker, from);
            }
            return sb.append(s, from, s.length()).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    private List<String> pathMutations(String name, String template) {
        List<String> pool = new ArrayList<>(List.of(
                "not-a-uuid",
                UUID.randomUUID().toString(),
                "00000000-0000-0000-0000-000000000000",
                "x".repeat(2_000),
                "x".repeat(10_000),
                "..",
                "%",
                "\u00e4\ud83d\ude00",
                "null",
                "-1",
                " ",
                "a;b=c",
                "+999999999-12-31",
                "0001-01-01",
                "2026-02-30",
                "1899-12-31",
                "2200-01-01",
                today.plusDays(1).toString(),
                today.plusDays(2).toString(),
                "2026-3-1",
                "today"));
        if (name.equals("id")) {
            String v = validPathParam(name, template, "count");
            pool.add(v.toUpperCase(Locale.ROOT));
            pool.add(v + "x");
            pool.add("{" + v + "}");
            pool.add(a.tokenId);
            pool.add(a.vacationId);
            pool.add(a.habit("boolean"));
        }
        if (name.equals("file")) {
            pool.add(b.feedFile.replace(".ics", ""));
            pool.add(a.feedFile.replace(".ics", ".ical"));
            pool.add(".ics");
        }
        return sample(pool, SAMPLED_PER_FIELD + 3);
    }

    private List<String> paramPool(String name) {
        return new ArrayList<>(List.of(
                "",
                " ",
                "abc",
                "-1",
                "0",
                "2.5",
                "1e3",
                "99999999999999999999",
                "2147483648",
                "+999999999-12-31",
                "0001-01-01",
                "2026-02-30",
                "1899-12-31",
                "2200-01-01",
                today.minusYears(2).toString(),
                today.plusYears(2).toString(),
                "x".repeat(2_000),
                "x".repeat(10_000),
                "TRUE",
                "yes",
                "WEEK",
                "day",
                "\u00e4\ud83d\ude00",
                "not-a-uuid",
                UUID.randomUUID().toString(),
                "a\tb"));
    }

    /** Whole bodies: {Content-Type, text (null: invalid UTF-8), what it is}. */
    private static List<String[]> wholeBodies() {
        String j = "application/json";
        return new ArrayList<>(List.of(
                new String[] {j, "", "empty"},
                new String[] {j, "null", "null"},
                new String[] {j, "{", "truncated object"},
                new String[] {j, "{\"a\":}", "missing value"},
                new String[] {j, "[1,2", "truncated array"},
                new String[] {j, "nul", "truncated literal"},
                new String[] {j, "{} []", "trailing data"},
                new String[] {j, "{'a':1}", "single quotes"},
                new String[] {j, "{\"a\":1,}", "trailing comma"},
                new String[] {j, "\"text\"", "a string"},
                new String[] {j, "42", "a number"},
                new String[] {j, "true", "a boolean"},
                new String[] {j, "[]", "an array"},
                new String[] {j, "{}", "an empty object"},
                new String[] {j, "[{}]", "an array of an object"},
                new String[] {j, "\ufeff{}", "byte order mark"},
                new String[] {j, "{\"\\ud800\":1}", "lone surrogate in a field name"},
                new String[] {j, "{\"a\":\"\\ud800\"}", "lone surrogate"},
                new String[] {j, null, "invalid UTF-8"},
                new String[] {j, "[".repeat(100_000), "100k open arrays"},
                new String[] {j, "[".repeat(30_000) + "]".repeat(30_000), "30k nested arrays"},
                new String[] {j, "{\"a\":".repeat(30_000) + "1" + "}".repeat(30_000), "30k nested objects"},
                new String[] {j, "{\"a\":\"" + "x".repeat(3_000_000) + "\"}", "3 MB body"},
                new String[] {j, "{\"a\":1e999999999999}", "huge exponent"},
                new String[] {j, "{\"a\":" + "9".repeat(20_000) + "}", "20k digit number"},
                new String[] {j, "{\"a\":NaN}", "NaN"},
                new String[] {j, "/* c */ {}", "a comment"},
                new String[] {"application/json; charset=ISO-8859-1", "{\"a\":\"\u00e9\"}", "latin-1 charset"},
                new String[] {"multipart/form-data; boundary=x", "--x\r\n\r\n--x--", "multipart"},
                new String[] {"application/x-www-form-urlencoded", "a=1&b=2", "a form"},
                new String[] {"application/json;;", "{}", "broken Content-Type"}));
    }

    private static byte[] invalidUtf8() {
        byte[] json = "{\"name\":\"abXcd\"}".getBytes(StandardCharsets.UTF_8);
        json[11] = (byte) 0xff;
        return json;
    }

    private <T> List<T> sample(List<T> pool, int n) {
        List<T> copy = new ArrayList<>(pool);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = doc.at(ref.substring(1));
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------ checks

    private void send(Req r) {
        String token = r.token;
        boolean disposableUsed = false;
        if (ACCOUNT_ENDING.contains(r.op) && token == null && !hasAuth(r.headers)) {
            token = disposable.token;
            disposableUsed = true;
        }
        byte[] body = r.body;
        HttpRequest.Builder rb;
        try {
            rb = HttpRequest.newBuilder(URI.create(base + r.path)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return; // not a URI the client can send
        }
        if (r.contentType != null) {
            rb.header("Content-Type", r.contentType);
        }
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        try {
            for (int i = 0; i + 1 < r.headers.size(); i += 2) {
                rb.header(r.headers.get(i), r.headers.get(i + 1));
            }
        } catch (IllegalArgumentException notSendable) {
            return;
        }
        rb.method(
                r.method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> resp;
        try {
            resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            violations.add(r.describe() + " -> no answer: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        statuses.merge(Integer.toString(resp.statusCode()), 1, Integer::sum);
        if (r.mutation.equals("valid") && resp.statusCode() >= 400) {
            // not a violation (a valid request may meet a state the mutations left), but less was tried
            System.out.println("ApiFuzzIT: valid request answered " + resp.statusCode() + ": " + r.describe() + " -> "
                    + excerpt(resp.body(), 200));
        }
        check(r, resp);
        if (disposableUsed && resp.statusCode() < 300) {
            disposable = user("fuzz-d", false);
        }
    }

    private static boolean hasAuth(List<String> headers) {
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equalsIgnoreCase("Authorization")) {
                return true;
            }
        }
        return false;
    }

    private void check(Req r, HttpResponse<String> resp) {
        int status = resp.statusCode();
        String body = resp.body() == null ? "" : resp.body();
        String type = resp.headers().firstValue("Content-Type").orElse("");
        List<String> problems = new ArrayList<>();
        boolean allowed5xx = DOCUMENTED_5XX.containsKey(r.op + " " + status);
        if (status >= 500 && !allowed5xx) {
            problems.add("a server error");
        }
        if (status >= 400) {
            problems.addAll(problemShape(status, type, body));
        }
        if (status == 400
                && body.contains(":malformed-json\"")
                && !body.contains("\"errors\"")
                && "application/json".equals(r.contentType)
                && wellFormed(r.body)) {
            problems.add("well-formed JSON refused as malformed without naming the field");
        }
        boolean exempt = r.op.equals("GET /api/openapi.json") && status == 200;
        if (!exempt) {
            Matcher leak = JAVA_LEAK.matcher(body);
            if (leak.find()) {
                problems.add("the body names a Java type or shows a stack trace: '" + around(body, leak) + "'");
            }
        }
        for (Map.Entry<String, List<String>> h : resp.headers().map().entrySet()) {
            for (String v : h.getValue()) {
                Matcher leak = JAVA_LEAK.matcher(v);
                if (leak.find()) {
                    problems.add("header " + h.getKey() + " names a Java type: '" + around(v, leak) + "'");
                }
            }
        }
        if (status < 300 && type.startsWith("application/json") && !body.isEmpty()) {
            try {
                JSON.readTree(body);
            } catch (IOException e) {
                problems.add("a success whose body is not JSON");
            }
        }
        boolean bsFeed = b != null && r.path.contains(b.feedFile.replace(".ics", "")); // the secret URL is access
        if (b != null && body.contains(b.marker) && !r.mutation.equals("B's token") && !bsFeed) {
            problems.add("the answer shows another user's object (" + b.marker + ")");
        }
        switch (r.expect) {
            case NOT_FOUND -> {
                if (status != 404) {
                    problems.add("another user's id in the path must answer 404");
                }
            }
            case NOT_FOUND_OR_INVALID -> {
                if (status != 404 && status != 422) {
                    problems.add("another user's id in the body must answer 404 or 422");
                }
            }
            default -> {}
        }
        if (!problems.isEmpty()) {
            violations.add(r.op + ": " + String.join("; ", problems) + "\n     request:  " + r.describe()
                    + "\n     response: " + status + " [" + type + "] " + excerpt(body, 300));
        }
    }

    /** Whether the bytes are one well-formed JSON value (read as a stream: no depth limit, no recursion). */
    static boolean wellFormed(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(body)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What is wrong with an error answer's shape (nothing: an RFC 9457 problem with a detail or errors). */
    static List<String> problemShape(int status, String contentType, String body) {
        List<String> p = new ArrayList<>();
        if (!contentType.startsWith("application/problem+json")) {
            p.add("an error that is not application/problem+json");
        }
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            p.add("an error whose body is not JSON");
            return p;
        }
        if (n == null || !n.isObject()) {
            p.add("an error whose body is not a problem object");
            return p;
        }
        if (n.path("status").asInt(-1) != status) {
            p.add("a problem whose status is not " + status);
        }
        if (n.path("title").asText("").isBlank()) {
            p.add("a problem without a title");
        }
        boolean detail = !n.path("detail").asText("").isBlank();
        boolean errors = n.path("errors").isArray() && n.path("errors").size() > 0;
        if (!detail && !errors) {
            p.add("a problem that does not say what is wrong (no detail, no errors)");
        }
        return p;
    }

    private static String around(String s, Matcher m) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(s.length(), m.end() + 40);
        return s.substring(from, to).replace("\n", "\\n").replace("\t", "\\t");
    }

    static String excerpt(String s, int max) {
        String flat = s.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + " chars)";
    }
}
