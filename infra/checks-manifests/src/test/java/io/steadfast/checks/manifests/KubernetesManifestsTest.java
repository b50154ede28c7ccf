package io.steadfast.checks.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * infra/kubernetes: the committed rendered manifests are what rendering the overlays gives now, they validate
 * strictly against the Kubernetes API, and they have the properties a Steadfast node depends on.
 */
class KubernetesManifestsTest {

    private static final String DIR = "infra/kubernetes";
    private static final List<String> OVERLAYS = List.of("staging", "production");
    private static final Set<String> REQUIRED_SECRETS = Set.of(
            "STEADFAST_DB_URL",
            "STEADFAST_DB_USER",
            "STEADFAST_DB_PASSWORD",
            "STEADFAST_REDIS_URL",
            "STEADFAST_METRICS_TOKEN");

    @Test
    void theRenderedManifestsAreWhatRenderingTheOverlaysGivesNow(@TempDir Path out) throws Exception {
        if (Commands.find("kubectl").isEmpty()) {
            fail("kubectl is not installed, so the overlays cannot be rendered (infra/kubernetes/render.sh uses its "
                    + "built-in Kustomize); it comes with this machine's image, it is not a Debian package");
        }
        Commands.Result r = Commands.run(
                Repository.root(),
                Map.of(),
                List.of("sh", Repository.path(DIR + "/render.sh").toString(), out.toString()));
        assertThat(r.exitCode()).as("render.sh:\n%s", r.stderr()).isZero();
        for (String overlay : OVERLAYS) {
            assertThat(Files.readString(out.resolve(overlay + ".yaml")))
                    .as(
                            "infra/kubernetes/rendered/%s.yaml is stale: run infra/kubernetes/render.sh and commit it",
                            overlay)
                    .isEqualTo(Repository.read(DIR + "/rendered/" + overlay + ".yaml"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyManifestValidatesStrictlyAgainstTheKubernetesApi(String overlay) {
        List<JsonNode> docs = rendered(overlay);
        assertThat(docs).hasSizeGreaterThanOrEqualTo(8);
        List<String> problems = new ArrayList<>();
        KubernetesSchemas schemas = KubernetesSchemas.load();
        for (JsonNode doc : docs) {
            problems.addAll(schemas.validate(doc));
        }
        assertThat(problems)
                .as("rendered/%s.yaml against the Kubernetes 1.34 API (strict)", overlay)
                .isEmpty();
        assertThat(kinds(docs))
                .containsExactlyInAnyOrder(
                        "Namespace",
                        "ServiceAccount",
                        "ConfigMap",
                        "Service",
                        "Deployment",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "Ingress");
        for (JsonNode doc : docs) {
            assertThat(doc.path("apiVersion").asText())
                    .as("%s: a GA version of its API (no alpha or beta, which clusters drop)", doc.path("kind"))
                    .matches("([a-z0-9.]+/)?v\\d+");
            if (!doc.path("kind").asText().equals("Namespace")) {
                assertThat(doc.at("/metadata/namespace").asText())
                        .isEqualTo(one(docs, "Namespace").at("/metadata/name").asText());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theProbesAskLivenessAndReadinessWithTimeToStart(String overlay) {
        JsonNode c = container(rendered(overlay));
        assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(8181);
        String port = c.at("/ports/0/name").asText();
        assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(c.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo(port);
            assertThat(c.at("/" + probe + "/timeoutSeconds").asInt(1)).as(probe).isGreaterThanOrEqualTo(2);
        }
        JsonNode s = c.path("startupProbe");
        int budget = s.path("initialDelaySeconds").asInt(0)
                + s.path("periodSeconds").asInt(10) * s.path("failureThreshold").asInt(3);
        assertThat(budget).as("seconds a node has to start (15-40 s measured)").isBetween(90, 300);
        JsonNode l = c.path("livenessProbe");
        assertThat(l.path("periodSeconds").asInt(10)
                        * l.path("failureThreshold").asInt(3))
                .as("seconds of no answer before a restart")
                .isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theNodeRunsAsNonRootOnAReadOnlyRootWithADataVolumeAndNoToken(String overlay) {
        List<JsonNode> docs = rendered(overlay);
        JsonNode pod = one(docs, "Deployment").at("/spec/template/spec");
        JsonNode c = container(docs);
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").isBoolean())
                .isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean())
                .isFalse();
        assertThat(c.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(c.at("/securityContext/privileged").asBoolean(false)).isFalse();

        String volume = null;
        for (JsonNode m : c.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals("/data")) {
                volume = m.path("name").asText();
            }
        }
        assertThat(volume).as("a volume at /data").isNotNull();
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                assertThat(v.has("emptyDir") || v.has("persistentVolumeClaim")).isTrue();
            }
        }
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(pod.path("enableServiceLinks").asBoolean(true))
                .as("no STEADFAST_PORT... from the Service")
                .isFalse();
        JsonNode sa = one(docs, "ServiceAccount");
        assertThat(pod.path("serviceAccountName").asText())
                .isEqualTo(sa.at("/metadata/name").asText());
        assertThat(sa.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(one(docs, "Namespace")
                        .at("/metadata/labels")
                        .path("pod-security.kubernetes.io/enforce")
                        .asText())
                .isEqualTo("restricted");
        assertThat(c.path("image").asText()).contains(":").doesNotEndWith(":latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void resourcesAreSetAndTheMemoryLimitHoldsTheHeap(String overlay) {
        List<JsonNode> docs = rendered(overlay);
        JsonNode r = container(docs).path("resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(r.path(kind).path(resource).asText())
                        .as("%s.%s", kind, resource)
                        .isNotEmpty();
            }
        }
        long requested = bytes(r.at("/requests/memory").asText());
        long limit = bytes(r.at("/limits/memory").asText());
        assertThat(requested).isLessThanOrEqualTo(limit);
        assertThat(millicores(r.at("/requests/cpu").asText()))
                .isLessThanOrEqualTo(millicores(r.at("/limits/cpu").asText()));
        long heap = bytes(config(docs).path("STEADFAST_HEAP").asText("384m"));
        // docs/performance.md: a node beside its heap of 384m used up to ~155 MB more at the peak of a load run
        assertThat(limit - heap).as("memory limit minus heap").isGreaterThanOrEqualTo(256L << 20);
        // and at least what it uses idle
        assertThat(requested).isGreaterThanOrEqualTo(400L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theConfigurationComesFromAConfigMapAndASecretThatIsNotInTheRepository(String overlay) throws Exception {
        List<JsonNode> docs = rendered(overlay);
        assertThat(kinds(docs)).doesNotContain("Secret");
        JsonNode c = container(docs);
        Set<String> configMaps = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (JsonNode from : c.path("envFrom")) {
            if (from.has("configMapRef")) {
                configMaps.add(from.at("/configMapRef/name").asText());
            }
            if (from.has("secretRef")) {
                secrets.add(from.at("/secretRef/name").asText());
            }
        }
        assertThat(configMaps)
                .containsExactly(one(docs, "ConfigMap").at("/metadata/name").asText());
        assertThat(secrets).containsExactly("steadfast-secrets");
        Set<String> real = Repository.steadfastVariables();
        assertThat(real).as("variables the product reads").containsAll(names(config(docs)));
        assertThat(config(docs).path("STEADFAST_PUBLIC_URL").asText()).startsWith("https://");
        // pods share no disk: the photos go to one bucket
        assertThat(config(docs).path("STEADFAST_MEDIA_S3_BUCKET").asText()).isNotBlank();
        for (JsonNode e : c.path("env")) {
            assertThat(real).contains(e.path("name").asText());
        }
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Repository.read(DIR + "/secret.env.example").lines().toList()) {
            String l = line.startsWith("#STEADFAST_") ? line.substring(1) : line;
            if (l.startsWith("STEADFAST_")) {
                example.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        assertThat(example.keySet()).containsAll(REQUIRED_SECRETS);
        assertThat(real).containsAll(example.keySet());
        assertThat(example.get("STEADFAST_DB_PASSWORD")).isEmpty();
        assertThat(example.get("STEADFAST_METRICS_TOKEN")).isEmpty();
        Commands.Result ignored = Commands.run(
                Repository.root(), Map.of(), List.of("git", "check-ignore", "-q", "--no-index", DIR + "/secret.env"));
        assertThat(ignored.exitCode())
                .as("git ignores infra/kubernetes/secret.env")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theServiceAndIngressReachThePodsAndTheEventStreamIsNotBuffered(String overlay) {
        List<JsonNode> docs = rendered(overlay);
        JsonNode labels = one(docs, "Deployment").at("/spec/template/metadata/labels");
        JsonNode service = one(docs, "Service");
        assertThat(contains(labels, service.at("/spec/selector")))
                .as("the Service selects the pods")
                .isTrue();
        assertThat(service.at("/spec/ports/0/targetPort").asText())
                .isEqualTo(container(docs).at("/ports/0/name").asText());

        JsonNode ingress = one(docs, "Ingress");
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
        assertThat(backend.path("name").asText())
                .isEqualTo(service.at("/metadata/name").asText());
        assertThat(backend.at("/port/name").asText())
                .isEqualTo(service.at("/spec/ports/0/name").asText());
        assertThat(ingress.at("/spec/rules/0/http/paths/0/path").asText()).isEqualTo("/");
        String host = ingress.at("/spec/rules/0/host").asText();
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(host);
        assertThat(config(docs).path("STEADFAST_PUBLIC_URL").asText()).isEqualTo("https://" + host);
        JsonNode a = ingress.at("/metadata/annotations");
        assertThat(a.path("nginx.ingress.kubernetes.io/proxy-buffering").asText())
                .isEqualTo("off");
        // the event stream's heartbeat comes every 25 s
        assertThat(Integer.parseInt(
                        a.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asText()))
                .isGreaterThan(50);
        assertThat(Integer.parseInt(
                        a.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asText()))
                .isGreaterThan(50);
        assertThat(bytes(a.path("nginx.ingress.kubernetes.io/proxy-body-size").asText()))
                .isGreaterThan(1L << 20);
        // the pods cannot tell clients apart behind ingress-nginx: the per-address limit moves to the edge
        assertThat(Integer.parseInt(
                        a.path("nginx.ingress.kubernetes.io/limit-rps").asText()))
                .isBetween(4, 300);
        assertThat(config(docs).path("STEADFAST_RATE_LIMIT_PER_ADDRESS").asText())
                .matches("\\d+/\\d+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theAutoscalerScalesTheDeploymentOnCpuAndTheBudgetLetsDrainsProceed(String overlay) {
        List<JsonNode> docs = rendered(overlay);
        JsonNode deployment = one(docs, "Deployment");
        JsonNode hpa = one(docs, "HorizontalPodAutoscaler");
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/apiVersion").asText())
                .isEqualTo(deployment.path("apiVersion").asText());
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText())
                .isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt())
                .isBetween(50, 90);
        int min = hpa.at("/spec/minReplicas").asInt();
        int max = hpa.at("/spec/maxReplicas").asInt();
        assertThat(min).as("at least two nodes").isGreaterThanOrEqualTo(2);
        assertThat(max).isGreaterThanOrEqualTo(min);
        assertThat(deployment.at("/spec/replicas").isMissingNode())
                .as("the autoscaler owns the replica count: an applied spec.replicas would reset it")
                .isTrue();
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asText())
                .isEqualTo("0");

        JsonNode pdb = one(docs, "PodDisruptionBudget");
        assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertThat(contains(labels, pdb.at("/spec/selector/matchLabels")))
                .as("the budget covers the pods")
                .isTrue();
        assertThat(contains(labels, deployment.at("/spec/selector/matchLabels")))
                .isTrue();
        if (pdb.at("/spec/minAvailable").isMissingNode()) {
            assertThat(pdb.at("/spec/maxUnavailable").asInt()).isGreaterThanOrEqualTo(1);
        } else {
            assertThat(pdb.at("/spec/minAvailable").asInt())
                    .as("fewer than the autoscaler's minimum, or no node could ever be drained")
                    .isBetween(1, min - 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void thePodHasTimeToDrainAndFinishItsRequests(String overlay) {
        List<JsonNode> docs = rendered(overlay);
        JsonNode config = config(docs);
        long drain =
                Long.parseLong(config.path("STEADFAST_SHUTDOWN_DRAIN_SECONDS").asText("5"));
        long timeout =
                Long.parseLong(config.path("STEADFAST_SHUTDOWN_TIMEOUT_SECONDS").asText("20"));
        long grace = one(docs, "Deployment")
                .at("/spec/template/spec/terminationGracePeriodSeconds")
                .asLong(30);
        assertThat(grace).isGreaterThanOrEqualTo(30).isGreaterThanOrEqualTo(drain + timeout + 5);
        // the readiness probe sees the 503 of the drain before it ends
        JsonNode readiness = container(docs).path("readinessProbe");
        assertThat(readiness.path("periodSeconds").asLong()
                        * readiness.path("failureThreshold").asLong())
                .isLessThanOrEqualTo(drain);
    }

    @Test
    void productionRunsMoreAndLargerNodesThanStaging() {
        List<JsonNode> staging = rendered("staging");
        List<JsonNode> production = rendered("production");
        assertThat(one(production, "HorizontalPodAutoscaler")
                        .at("/spec/minReplicas")
                        .asInt())
                .isGreaterThan(one(staging, "HorizontalPodAutoscaler")
                        .at("/spec/minReplicas")
                        .asInt());
        assertThat(bytes(container(production).at("/resources/limits/memory").asText()))
                .isGreaterThan(
                        bytes(container(staging).at("/resources/limits/memory").asText()));
        assertThat(one(production, "Ingress").at("/spec/rules/0/host").asText())
                .isNotEqualTo(one(staging, "Ingress").at("/spec/rules/0/host").asText());
        assertThat(one(production, "Namespace").at("/metadata/name").asText())
                .isNotEqualTo(one(staging, "Namespace").at("/metadata/name").asText());
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<JsonNode> rendered(String overlay) {
        return Yaml.all(Repository.read(DIR + "/rendered/" + overlay + ".yaml"));
    }

    private static List<String> kinds(List<JsonNode> docs) {
        return docs.stream().map(d -> d.path("kind").asText()).toList();
    }

    private static JsonNode one(List<JsonNode> docs, String kind) {
        List<JsonNode> found =
                docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("one %s", kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode container(List<JsonNode> docs) {
        JsonNode containers = one(docs, "Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    private static JsonNode config(List<JsonNode> docs) {
        return one(docs, "ConfigMap").path("data");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether every label of the selector is one of the labels. */
    private static boolean contains(JsonNode labels, JsonNode selector) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** A Kubernetes quantity (512Mi, 1Gi), a Java heap size (384m) or an nginx size (2m) in bytes. */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([KMGkmg]i?)?").matcher(quantity.strip());
        assertThat(m.matches()).as("a size: %s", quantity).isTrue();
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toUpperCase().replace("I", "");
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            case "G" -> n << 30;
            default -> n;
        };
    }

    private static long millicores(String cpu) {
        return cpu.endsWith("m") ? Long.parseLong(cpu.substring(0, cpu.length() - 1)) : Long.parseLong(cpu) * 1000;
    }
}
