package io.steadfast.checks.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * infra/compose: what {@code docker-compose config} (Debian's 1.29, no Docker engine needed) makes of compose.yaml
 * with .env.example as .env, and the properties the set-up depends on.
 */
class ComposeTest {

    private static final String DIR = "infra/compose";
    private static final Set<String> NODES = Set.of("node1", "node2");

    @TempDir
    static Path project;

    /** The file as docker-compose resolves it (interpolated from .env, anchors merged, defaults filled in). */
    private static JsonNode config;

    @BeforeAll
    static void dockerComposeConfigAcceptsTheFileWithTheExampleEnvironment() throws Exception {
        copyProject(project);
        Commands.Result r = dockerCompose(project, "config");
        assertThat(r.exitCode())
                .as(
                        "docker-compose config refused infra/compose/compose.yaml with .env.example as .env:\n%s",
                        r.stderr())
                .isZero();
        config = Yaml.one(r.stdout());
    }

    @Test
    void aBrokenFileIsRefused(@TempDir Path broken) throws Exception {
        copyProject(broken);
        Path file = broken.resolve("compose.yaml");
        Files.writeString(file, Files.readString(file).replace("condition: service_healthy", "condition: healthy"));
        Commands.Result r = dockerCompose(broken, "config");
        assertThat(r.exitCode()).as("docker-compose config of a broken file").isNotZero();
        assertThat(r.stderr()).contains("condition");
    }

    @Test
    void theServicesArePostgresRedisTwoNodesAndTheLoadBalancer() {
        assertThat(names(config.path("services")))
                .containsExactlyInAnyOrder("postgres", "redis", "node1", "node2", "lb");
        for (String node : NODES) {
            assertThat(config.at("/services/" + node + "/image").asText()).startsWith("steadfast:");
        }
        assertThat(config.at("/services/postgres/image").asText()).startsWith("postgres:");
        assertThat(config.at("/services/redis/image").asText()).startsWith("redis:");
        assertThat(config.at("/services/lb/image").asText()).startsWith("haproxy:");
    }

    @Test
    void everyServiceHasAHealthCheckAndTheNodesWaitForHealthyPostgresAndRedis() {
        for (String service : names(config.path("services"))) {
            assertThat(config.at("/services/" + service + "/healthcheck/test").isArray())
                    .as("%s has a health check", service)
                    .isTrue();
        }
        assertThat(test("postgres")).contains("pg_isready");
        assertThat(test("redis")).contains("redis-cli").contains("ping");
        assertThat(test("lb")).contains("/lb-health");
        for (String node : NODES) {
            assertThat(test(node)).contains("http://127.0.0.1:8181/health/ready");
            assertThat(config.at("/services/" + node + "/healthcheck/start_period")
                            .asText())
                    .as("the image's start period")
                    .isEqualTo("2m");
            for (String dependency : List.of("postgres", "redis")) {
                assertThat(config.at("/services/" + node + "/depends_on/" + dependency + "/condition")
                                .asText())
                        .as("%s waits for %s", node, dependency)
                        .isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void theNodesAreReadOnlyUnprivilegedWithADataVolumeEachAndTimeToStopCleanly() {
        Set<String> volumes = new TreeSet<>();
        Set<String> media = new TreeSet<>();
        for (String node : NODES) {
            JsonNode s = config.path("services").path(node);
            assertThat(s.path("read_only").asBoolean()).as("%s read_only", node).isTrue();
            assertThat(s.path("cap_drop").toString()).contains("ALL");
            assertThat(s.path("security_opt").toString()).contains("no-new-privileges:true");
            assertThat(s.path("stop_grace_period").asText()).isEqualTo("30s");
            assertThat(s.has("user"))
                    .as("%s runs as the image's user 10001", node)
                    .isFalse();
            String data = null;
            for (JsonNode v : s.path("volumes")) {
                String[] parts = v.asText().split(":");
                if (parts[1].equals("/data")) {
                    data = parts[0];
                } else if (parts[1].equals("/media")) {
                    // the users' photos: one named volume, the same for every node, where STEADFAST_MEDIA_DIR says
                    assertThat(config.path("volumes").has(parts[0]))
                            .as("%s is a named volume", parts[0])
                            .isTrue();
                    assertThat(env(node).path("STEADFAST_MEDIA_DIR").asText()).isEqualTo("/media");
                    media.add(parts[0]);
                } else {
                    assertThat(v.asText())
                            .as("every other mount of %s is read-only", node)
                            .endsWith(":ro");
                }
            }
            assertThat(data).as("%s has a volume at /data", node).isNotNull();
            assertThat(config.path("volumes").has(data))
                    .as("%s is a named volume", data)
                    .isTrue();
            volumes.add(data);
            long drain = Long.parseLong(
                    env(node).path("STEADFAST_SHUTDOWN_DRAIN_SECONDS").asText("5"));
            assertThat(drain + 20)
                    .as("drain + the requests in flight fit in stop_grace_period")
                    .isLessThanOrEqualTo(30);
        }
        assertThat(volumes).as("no two nodes share /data").hasSize(NODES.size());
        assertThat(media).as("every node mounts the one media volume at /media").hasSize(1);
        assertThat(config.at("/services/postgres/volumes/0").asText())
                .startsWith("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void theNodesUsePostgresAndRedisWithThePasswordsOfTheEnvironmentFile() {
        Map<String, String> dotEnv = dotEnv(Repository.read(DIR + "/.env.example"));
        for (String node : NODES) {
            JsonNode env = env(node);
            assertThat(env.path("STEADFAST_DB_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/steadfast");
            assertThat(env.path("STEADFAST_DB_USER").asText())
                    .isEqualTo(config.at("/services/postgres/environment/POSTGRES_USER")
                            .asText());
            assertThat(env.path("STEADFAST_DB_PASSWORD").asText()).isEqualTo(dotEnv.get("POSTGRES_PASSWORD"));
            assertThat(env.path("STEADFAST_REDIS_URL").asText())
                    .isEqualTo("redis://:" + dotEnv.get("REDIS_PASSWORD") + "@redis:6379/0");
            assertThat(env.path("STEADFAST_PUBLIC_URL").asText()).isEqualTo(dotEnv.get("STEADFAST_PUBLIC_URL"));
        }
        assertThat(config.at("/services/postgres/environment/POSTGRES_PASSWORD").asText())
                .isEqualTo(dotEnv.get("POSTGRES_PASSWORD"));
        assertThat(config.at("/services/redis/environment/REDIS_PASSWORD").asText())
                .isEqualTo(dotEnv.get("REDIS_PASSWORD"));
        assertThat(String.join(" ", texts(config.at("/services/redis/command"))))
                .contains("--requirepass");
    }

    @Test
    void composeYamlItselfHoldsNoSecretAndTheRealEnvironmentFileIsIgnoredByGit() throws Exception {
        String text = Repository.read(DIR + "/compose.yaml");
        JsonNode raw = Yaml.one(text);
        List<String> literal = new ArrayList<>();
        secrets(raw, "", literal);
        assertThat(literal)
                .as("secret-looking values in compose.yaml that are not ${...} from .env")
                .isEmpty();
        assertThat(text).doesNotContainPattern("redis://:[^$]");
        Map<String, String> example = dotEnv(Repository.read(DIR + "/.env.example"));
        for (Map.Entry<String, String> e : example.entrySet()) {
            if (isSecret(e.getKey())) {
                assertThat(e.getValue())
                        .as("%s in .env.example is marked as an example", e.getKey())
                        .contains("example");
                assertThat(text)
                        .as("compose.yaml repeats the example secret of %s", e.getKey())
                        .doesNotContain(e.getValue());
            }
        }
        Commands.Result ignored = Commands.run(
                Repository.root(), Map.of(), List.of("git", "check-ignore", "-q", "--no-index", DIR + "/.env"));
        assertThat(ignored.exitCode())
                .as("git ignores infra/compose/.env: %s", ignored.stderr())
                .isZero();
    }

    @Test
    void everySteadfastVariableTheFilesNameIsOneTheProductReads() {
        Set<String> real = Repository.steadfastVariables();
        assertThat(real).contains("STEADFAST_DB_URL", "STEADFAST_REDIS_URL", "STEADFAST_HEAP", "STEADFAST_SMTP_HOST");
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(STEADFAST_[A-Z0-9_]+)\\b(?!\\*)")
                .matcher(Repository.read(DIR + "/.env.example") + Repository.read(DIR + "/compose.yaml"));
        while (m.find()) {
            named.add(m.group(1));
        }
        // the two Compose settings of compose.yaml, not the product's
        named.removeAll(Set.of("STEADFAST_IMAGE", "STEADFAST_LB_PORT"));
        assertThat(named).isNotEmpty();
        assertThat(real).as("variables the product reads").containsAll(named);
    }

    @Test
    void theLoadBalancerChecksReadinessBalancesRoundRobinAndForwardsTheClient() {
        String cfg = Repository.read(DIR + "/haproxy.cfg");
        List<String> lines =
                cfg.lines().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).contains("option httpchk GET /health/ready", "http-check expect status 200");
        assertThat(lines).contains("balance roundrobin", "option forwardfor");
        assertThat(cfg).contains("set-header X-Forwarded-Proto https if { ssl_fc }");
        assertThat(cfg).contains("set-header X-Forwarded-Proto http unless { ssl_fc }");
        assertThat(seconds(lines, "timeout tunnel")).as("timeout tunnel").isGreaterThanOrEqualTo(3600);
        // the event stream sends a heartbeat every 25 s
        assertThat(seconds(lines, "timeout server")).isGreaterThan(25);
        assertThat(seconds(lines, "timeout client")).isGreaterThan(25);

        Set<String> servers = new TreeSet<>();
        for (String l : lines) {
            if (l.startsWith("server ")) {
                String[] parts = l.split("\\s+");
                servers.add(parts[1]);
                assertThat(parts[2]).isEqualTo(parts[1] + ":8181");
            }
        }
        assertThat(servers).as("every node is a server of the backend").isEqualTo(new TreeSet<>(NODES));
        String defaults = lines.stream()
                .filter(l -> l.startsWith("default-server"))
                .findFirst()
                .orElseThrow();
        assertThat(defaults).contains(" check");
        long inter = Long.parseLong(word(defaults, "inter").replace("s", ""));
        long fall = Long.parseLong(word(defaults, "fall"));
        for (String node : NODES) {
            long drain = Long.parseLong(
                    env(node).path("STEADFAST_SHUTDOWN_DRAIN_SECONDS").asText("5"));
            assertThat(inter * fall)
                    .as("HAProxy sees a stopping node (%d s) before its drain of %d s ends", inter * fall, drain)
                    .isLessThan(drain);
        }
    }

    @Test
    void theNodesTrustForwardedHeadersFromTheLoadBalancerOnly() {
        String address =
                config.at("/services/lb/networks/steadfast/ipv4_address").asText();
        assertThat(address).isNotEmpty();
        String subnet = config.at("/networks/steadfast/ipam/config/0/subnet").asText();
        assertThat(address).startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1));
        String identity = Repository.read(DIR + "/steadfast/io.steadfast.identity.cfg");
        assertThat(identity.lines().filter(l -> !l.startsWith("#")).toList())
                .contains("clientAddress.trustedProxies = " + address);
        for (String node : NODES) {
            assertThat(texts(config.at("/services/" + node + "/volumes")))
                    .anyMatch(v -> v.endsWith(
                            "/steadfast/io.steadfast.identity.cfg:/opt/steadfast/etc/io.steadfast.identity.cfg:ro"));
        }
    }

    @Test
    void haproxyAcceptsItsConfiguration() throws Exception {
        Assumptions.assumeTrue(
                Commands.find("haproxy").isPresent(),
                "haproxy is not installed (apt-get install haproxy); not checked");
        Commands.Result r = Commands.run(
                project,
                Map.of(),
                List.of("haproxy", "-c", "-f", project.resolve("haproxy.cfg").toString()));
        assertThat(r.exitCode()).as("haproxy -c:\n%s%s", r.stdout(), r.stderr()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void copyProject(Path to) throws IOException {
        Path from = Repository.path(DIR);
        for (String f : List.of("compose.yaml", "haproxy.cfg", "steadfast/io.steadfast.identity.cfg")) {
            Files.createDirectories(to.resolve(f).getParent());
            Files.copy(from.resolve(f), to.resolve(f));
        }
        Files.copy(from.resolve(".env.example"), to.resolve(".env"));
    }

    private static Commands.Result dockerCompose(Path dir, String... args) throws Exception {
        if (Commands.find("docker-compose").isEmpty()) {
            fail("docker-compose is not installed, so infra/compose/compose.yaml cannot be checked. Install Debian's "
                    + "(no Docker engine needed): apt-get install --no-install-recommends docker-compose "
                    + "(.ci/run does it)");
        }
        List<String> command = new ArrayList<>(List.of(
                "docker-compose",
                "--project-directory",
                dir.toString(),
                "-f",
                dir.resolve("compose.yaml").toString()));
        command.addAll(List.of(args));
        return Commands.run(dir, Map.of(), command);
    }

    private static String test(String service) {
        return String.join(" ", texts(config.at("/services/" + service + "/healthcheck/test")));
    }

    private static JsonNode env(String service) {
        return config.path("services").path(service).path("environment");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static boolean isSecret(String key) {
        return key.matches(".*(PASSWORD|TOKEN|SECRET|_AUTH).*");
    }

    /** Values of secret-looking keys (and URLs with credentials) that are not a ${...} reference. */
    private static void secrets(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (isSecret(e.getKey()) && v.isValueNode() && !v.asText().matches("\\$\\{[A-Z0-9_]+}")) {
                    found.add(path + "/" + e.getKey() + " = " + v.asText());
                }
                secrets(v, path + "/" + e.getKey(), found);
            }
        } else if (node.isArray()) {
            for (JsonNode v : node) {
                if (v.isTextual() && v.asText().matches("(?i).*(password|token)\\s*=\\s*[^$].*")) {
                    found.add(path + "[] = " + v.asText());
                }
                secrets(v, path + "[]", found);
            }
        }
    }

    private static Map<String, String> dotEnv(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return env;
    }

    private static long seconds(List<String> lines, String directive) {
        String value = lines.stream()
                .filter(l -> l.startsWith(directive + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("haproxy.cfg has no '" + directive + "'"))
                .substring(directive.length())
                .strip();
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value);
        assertThat(m.matches()).as("%s %s", directive, value).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "h" -> n * 3600;
            case "m" -> n * 60;
            case "s" -> n;
            default -> n / 1000;
        };
    }

    private static String word(String line, String key) {
        String[] words = line.split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals(key)) {
                return words[i + 1];
            }
        }
        throw new AssertionError("no '" + key + "' in: " + line);
    }
}
