package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Staging and production are two roots over the same modules, with pinned versions and remote, locked state. */
class EnvironmentsTest {

    private static final Terraform TF = Terraform.load();
    private static final List<String> ROOTS = List.of("envs/staging", "envs/production");

    /** The module folders a folder uses, followed through the modules it calls. */
    private static Set<String> modulesUsedBy(String dir) {
        Set<String> used = new TreeSet<>();
        for (Terraform.Block m : TF.modules()) {
            if (m.dir().equals(dir)) {
                String source = Terraform.sourceDir(m);
                used.add(source);
                used.addAll(modulesUsedBy(source));
            }
        }
        return used;
    }

    @Test
    void bothEnvironmentsUseTheSameModules() {
        Set<String> staging = modulesUsedBy("envs/staging");
        Set<String> production = modulesUsedBy("envs/production");
        assertThat(staging)
                .containsExactlyInAnyOrder(
                        "modules/steadfast",
                        "modules/bucket",
                        "modules/certificate",
                        "modules/network",
                        "modules/data",
                        "modules/compute",
                        "modules/edge",
                        "modules/observability",
                        "modules/pipeline");
        assertThat(production).isEqualTo(staging);
        // local modules only: nothing is fetched from a registry at init
        assertThat(TF.modules())
                .allSatisfy(m -> assertThat(m.get("source").asText()).startsWith("../"));
    }

    @Test
    void theEnvironmentsPassTheSameSettingsWithTheirOwnValues() {
        Map<String, Set<String>> passed = new TreeMap<>();
        for (String root : ROOTS) {
            Terraform.Block call = TF.modules().stream()
                    .filter(m -> m.dir().equals(root))
                    .findFirst()
                    .orElseThrow();
            Set<String> names = new TreeSet<>();
            call.body().fieldNames().forEachRemaining(names::add);
            names.remove("source_repository_arns"); // production promotes from staging
            passed.put(root, names);
        }
        assertThat(passed.get("envs/production")).isEqualTo(passed.get("envs/staging"));
    }

    @Test
    void versionsArePinned() {
        for (String dir : List.of("bootstrap", "envs/staging", "envs/production")) {
            List<JsonNode> settings = TF.settings(dir);
            assertThat(settings).as(dir).isNotEmpty();
            JsonNode t = settings.get(0);
            assertThat(t.path("required_version").asText())
                    .as(dir)
                    .contains(">= 1.11")
                    .contains("< 2.0");
            JsonNode providers = t.path("required_providers").get(0);
            assertThat(providers.path("aws").path("source").asText()).isEqualTo("hashicorp/aws");
            assertThat(providers.path("aws").path("version").asText()).as(dir).isEqualTo("~> 6.0");
            if (!dir.equals("bootstrap")) {
                assertThat(providers.path("random").path("version").asText()).isEqualTo("~> 3.7");
            }
        }
        // every module says which providers and Terraform it needs
        for (String module : Terraform.MODULES) {
            List<JsonNode> settings = TF.settings("modules/" + module);
            assertThat(settings).as(module).isNotEmpty();
            assertThat(settings.get(0)
                            .path("required_providers")
                            .get(0)
                            .path("aws")
                            .path("version")
                            .asText())
                    .as(module)
                    .isEqualTo(">= 6.0, < 7.0");
        }
    }

    @Test
    void stateIsRemoteInS3LockedWithDynamoDbOneKeyPerEnvironment() {
        for (String root : ROOTS) {
            JsonNode backend =
                    TF.settings(root).get(0).path("backend").path("s3").get(0);
            assertThat(backend).as(root + " has an s3 backend").isNotNull();
            assertThat(backend.path("key").asText()).isEqualTo(root + "/terraform.tfstate");
            assertThat(backend.path("encrypt").asBoolean()).isTrue();
            assertThat(TF.terraformDir().resolve(root + "/backend.hcl.example")).isRegularFile();
        }
        Terraform.Block table = TF.resources("aws_dynamodb_table").stream()
                .filter(b -> b.dir().equals("bootstrap"))
                .findFirst()
                .orElseThrow();
        assertThat(table.get("hash_key").asText()).isEqualTo("LockID");
        Terraform.Block bucket = TF.resources("aws_s3_bucket").stream()
                .filter(b -> b.dir().equals("bootstrap"))
                .findFirst()
                .orElseThrow();
        assertThat(bucket.blocks("lifecycle").get(0).path("prevent_destroy").asBoolean())
                .isTrue();
        assertThat(TF.resources("aws_s3_bucket_versioning").stream().map(Terraform.Block::dir))
                .contains("bootstrap");
        // the deploy roles' state key is the backend's
        for (String root : ROOTS) {
            Terraform.Block call = TF.modules().stream()
                    .filter(m -> m.dir().equals(root))
                    .findFirst()
                    .orElseThrow();
            assertThat(call.get("state_key").asText()).isEqualTo(root + "/terraform.tfstate");
        }
    }

    @Test
    void theExampleVariablesNameEveryVariableWithoutADefault() {
        for (String root : List.of("envs/staging", "envs/production")) {
            Set<String> required = TF.untyped("variable").stream()
                    .filter(v -> v.dir().equals(root) && v.get("default").isMissingNode())
                    .map(Terraform.Block::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> example = new TreeSet<>();
            TF.json(root + "/terraform.tfvars.example").fieldNames().forEachRemaining(example::add);
            assertThat(example).as(root + "/terraform.tfvars.example").containsAll(required);
        }
    }

    @Test
    void productionIsHighlyAvailableAndStagingHasTheSameTopology() {
        Map<String, JsonNode> production = call("envs/production");
        Map<String, JsonNode> staging = call("envs/staging");
        assertThat(production.get("min_count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(production.get("nat_gateway_count").asInt()).isEqualTo(2);
        assertThat(production.get("cache_nodes").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(production.get("github_subjects").toString()).isEqualTo("[\"environment:production\"]");
        assertThat(staging.get("github_subjects").toString()).isEqualTo("[\"environment:staging\"]");
        for (Map<String, JsonNode> env : List.of(production, staging)) {
            assertThat(env.get("db_backup_retention_days").asInt()).isGreaterThanOrEqualTo(7);
            assertThat(env.get("deletion_protection").asBoolean()).isTrue();
        }
    }

    private static Map<String, JsonNode> call(String root) {
        Terraform.Block call = TF.modules().stream()
                .filter(m -> m.dir().equals(root))
                .findFirst()
                .orElseThrow();
        Map<String, JsonNode> values = new TreeMap<>();
        call.body().fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }
}
