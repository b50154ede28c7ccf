package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** .github/workflows/delivery.yml: it parses, its jobs run in order, and every script it calls is there. */
class DeliveryWorkflowTest {

    private static final Path ROOT = Terraform.load().repository();
    private static final Path WORKFLOW = ROOT.resolve(".github/workflows/delivery.yml");
    private static final Pattern SCRIPT = Pattern.compile("(?<![\\w/.-])((?:infra/scripts|\\.ci)/[A-Za-z0-9_.-]+)");
    private static final Pattern ACTION = Pattern.compile("^[A-Za-z0-9-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@v\\d+$");

    private static Map<String, Object> workflow;
    private static Map<String, Map<String, Object>> jobs;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader r = Files.newBufferedReader(WORKFLOW)) {
            workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void itRunsOnEveryPushToMain() {
        // YAML 1.1 reads the key "on" as true
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        Map<String, Object> push = (Map<String, Object>) ((Map<String, Object>) on).get("push");
        assertThat((List<String>) push.get("branches")).containsExactly("main");
        // one delivery at a time, never cancelled halfway
        Map<String, Object> concurrency = (Map<String, Object>) workflow.get("concurrency");
        assertThat(concurrency.get("cancel-in-progress")).isEqualTo(false);
    }

    @Test
    void theJobsRunTestThenImageThenStagingThenProduction() {
        assertThat(jobs).containsKeys("test", "image", "staging", "production", "notify");
        assertThat(needs("test")).isEmpty();
        assertThat(needs("image")).containsExactly("test");
        assertThat(needs("staging")).containsExactly("image");
        assertThat(needs("production")).contains("staging");
        assertThat(transitiveNeeds("production")).containsExactlyInAnyOrder("test", "image", "staging");
        // notify hears of every outcome
        assertThat(needs("notify")).containsExactlyInAnyOrder("test", "image", "staging", "production");
        assertThat(String.valueOf(jobs.get("notify").get("if"))).contains("always()");
    }

    @Test
    void theTestJobRunsCiRun() throws IOException {
        assertThat(runs("test")).anySatisfy(r -> assertThat(r).contains("bash .ci/run"));
        assertThat(runs("image")).anySatisfy(r -> assertThat(r).startsWith("mvn -B"));
        assertThat(runs("image")).anySatisfy(r -> assertThat(r)
                .contains("infra/scripts/push-image.sh assembly/target/steadfast-image.tar"));
        assertThat(Files.readString(ROOT.resolve("infra/scripts/push-image.sh")))
                .contains("skopeo copy")
                .contains("docker-archive:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionWaitsForItsEnvironmentsApprovalAndEveryDeployIsChecked() {
        Object environment = jobs.get("production").get("environment");
        assertThat(environment).isInstanceOf(Map.class);
        assertThat(((Map<String, Object>) environment).get("name")).isEqualTo("production");
        assertThat(((Map<String, Object>) jobs.get("staging").get("environment")).get("name"))
                .isEqualTo("staging");
        for (String job : List.of("staging", "production")) {
            List<String> runs = runs(job);
            assertThat(runs).as(job).anySatisfy(r -> assertThat(r)
                    .contains("infra/scripts/terraform-deploy.sh " + job));
            assertThat(runs).as(job).anySatisfy(r -> assertThat(r)
                    .contains("infra/scripts/check-health.sh")
                    .contains("/health/ready"));
            // the check comes after the apply
            int apply = indexOf(runs, "terraform-deploy.sh");
            int check = indexOf(runs, "check-health.sh");
            assertThat(check).as(job).isGreaterThan(apply);
        }
        assertThat(runs("production")).anySatisfy(r -> assertThat(r).contains("infra/scripts/promote-image.sh"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheDeployingJobsMayAskForAnOidcToken() {
        assertThat(((Map<String, Object>) workflow.get("permissions")).get("contents"))
                .isEqualTo("read");
        for (Map.Entry<String, Map<String, Object>> job : jobs.entrySet()) {
            Map<String, Object> permissions =
                    (Map<String, Object>) job.getValue().get("permissions");
            boolean oidc = permissions != null && "write".equals(permissions.get("id-token"));
            boolean assumesARole = steps(job.getKey()).stream()
                    .anyMatch(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials"));
            assertThat(oidc).as(job.getKey()).isEqualTo(assumesARole);
        }
    }

    @Test
    void everyScriptTheWorkflowCallsExistsAndIsExecutable() throws IOException {
        Set<String> scripts = new TreeSet<>();
        Matcher m = SCRIPT.matcher(Files.readString(WORKFLOW));
        while (m.find()) {
            scripts.add(m.group(1));
        }
        assertThat(scripts)
                .contains(
                        ".ci/run",
                        "infra/scripts/push-image.sh",
                        "infra/scripts/promote-image.sh",
                        "infra/scripts/terraform-deploy.sh",
                        "infra/scripts/publish-web.sh",
                        "infra/scripts/check-health.sh",
                        "infra/scripts/notify.sh");
        for (String script : scripts) {
            Path p = ROOT.resolve(script);
            assertThat(p).as(script).isRegularFile();
            assertThat(Files.isExecutable(p)).as(script + " is executable").isTrue();
            assertThat(Files.readString(p)).as(script).startsWith("#!/usr/bin/env bash");
        }
    }

    @Test
    void everyActionIsPinnedToAMajorVersion() {
        List<String> uses = new ArrayList<>();
        for (String job : jobs.keySet()) {
            steps(job).stream()
                    .filter(s -> s.containsKey("uses"))
                    .forEach(s -> uses.add(String.valueOf(s.get("uses"))));
        }
        assertThat(uses).isNotEmpty().allSatisfy(u -> assertThat(u).matches(ACTION));
    }

    @SuppressWarnings("unchecked")
    private static List<String> needs(String job) {
        Object needs = jobs.get(job).get("needs");
        if (needs == null) {
            return List.of();
        }
        return needs instanceof List ? (List<String>) needs : List.of(String.valueOf(needs));
    }

    private static Set<String> transitiveNeeds(String job) {
        Set<String> all = new TreeSet<>();
        for (String n : needs(job)) {
            all.add(n);
            all.addAll(transitiveNeeds(n));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) {
        return (List<Map<String, Object>>) jobs.get(job).get("steps");
    }

    private static List<String> runs(String job) {
        return steps(job).stream()
                .filter(s -> s.containsKey("run"))
                .map(s -> String.valueOf(s.get("run")).trim())
                .toList();
    }

    private static int indexOf(List<String> runs, String part) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
