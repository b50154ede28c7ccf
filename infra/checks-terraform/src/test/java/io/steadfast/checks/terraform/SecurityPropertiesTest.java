package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** No secret in the configuration, least-privilege IAM, every policy a checked policy document. */
class SecurityPropertiesTest {

    private static final Terraform TF = Terraform.load();

    /** Names of attributes, keys and variables that hold a secret. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|api_?key|private_?key|credential).*");
    /** ...unless they only say something about one: its version, its ARN, its name, how it is made. */
    private static final Pattern ABOUT_A_SECRET =
            Pattern.compile("(?i).*(_version|_arn|_arns|_name|_id|_ids|_strategy|_length|_days|description|_url)$");

    private static final Pattern SECRET_VALUE = Pattern.compile(
            "AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|xox[abpr]-[0-9A-Za-z-]+|hooks\\.slack\\.com/services/T");
    /** Actions that have no resource-level permissions in IAM, so "*" is their only resource. */
    private static final Set<String> RESOURCELESS = Set.of(
            "ecr:GetAuthorizationToken",
            "ecs:RegisterTaskDefinition",
            "ecs:DeregisterTaskDefinition",
            "ecs:DescribeTaskDefinition",
            "ecs:ListTaskDefinitions");

    @Test
    void noSecretIsWrittenInTheConfiguration() {
        List<String> found = new ArrayList<>();
        for (String file : TF.files()) {
            scan(file, "", TF.json(file), found);
        }
        assertThat(found)
                .as("literal values under secret-like names, or secret-like values")
                .isEmpty();
        // no variable that would take a secret has one as its default
        for (Terraform.Block v : TF.untyped("variable")) {
            if (SECRET_NAME.matcher(v.name()).matches()
                    && !ABOUT_A_SECRET.matcher(v.name()).matches()) {
                JsonNode d = v.get("default");
                assertThat(d.isTextual() && !d.asText().isEmpty())
                        .as(v + " has a secret default")
                        .isFalse();
            }
        }
        // every generated secret is random and long
        assertThat(TF.ephemerals("random_password")).hasSize(2);
        for (Terraform.Block p : concat(TF.ephemerals("random_password"), TF.resources("random_password"))) {
            assertThat(p.get("length").asInt()).as(p.toString()).isGreaterThanOrEqualTo(32);
        }
    }

    private static void scan(String file, String path, JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode value = e.getValue();
                if (value.isTextual()
                        && SECRET_NAME.matcher(key).matches()
                        && !ABOUT_A_SECRET.matcher(key).matches()
                        && !Terraform.isExpression(value)
                        && !value.asText().startsWith("arn:aws:secretsmanager:")) {
                    found.add(file + ": " + path + "/" + key + " = \"" + value.asText() + "\"");
                }
                scan(file, path + "/" + key, value, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(file, path + "[" + i + "]", node.get(i), found);
            }
        } else if (node.isTextual() && SECRET_VALUE.matcher(node.asText()).find()) {
            found.add(file + ": " + path + " looks like a credential");
        }
    }

    @Test
    void iamPoliciesNameTheirActionsAndTheirResources() {
        List<Terraform.Block> documents = TF.data("aws_iam_policy_document");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(8);
        List<String> problems = new ArrayList<>();
        for (Terraform.Block doc : documents) {
            for (JsonNode statement : statements(doc)) {
                boolean deny = statement.path("effect").asText("Allow").equals("Deny");
                List<String> actions = strings(statement.path("actions"));
                if (actions.isEmpty() || actions.stream().anyMatch(a -> a.contains("${"))) {
                    problems.add(doc + ": a statement without literal actions (or with not_actions)");
                }
                for (String action : actions) {
                    if (action.equals("*") || action.endsWith(":*")) {
                        problems.add(doc + ": action " + action);
                    } else if (action.contains("*") && !action.matches("[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*\\*")) {
                        problems.add(doc + ": wildcard action " + action + " (only read-only Describe/Get/List*)");
                    }
                }
                List<String> resources = strings(statement.path("resources"));
                if (!deny && resources.contains("*")) {
                    for (String action : actions) {
                        boolean readOnly = action.matches("[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*\\*?");
                        if (!readOnly && !RESOURCELESS.contains(action) && !action.startsWith("sts:")) {
                            problems.add(doc + ": " + action + " on every resource");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPolicyIsAPolicyDocumentThatTheChecksRead() {
        List<String> inline = new ArrayList<>();
        for (String type : List.of("aws_iam_role_policy", "aws_iam_policy", "aws_s3_bucket_policy", "aws_iam_role")) {
            for (Terraform.Block b : TF.resources(type)) {
                for (String attribute : List.of("policy", "assume_role_policy")) {
                    JsonNode p = b.get(attribute);
                    if (!p.isMissingNode()
                            && !p.asText().matches("\\$\\{data\\.aws_iam_policy_document\\.[a-z0-9_]+\\.json}")) {
                        inline.add(b + " " + attribute + " = " + p.asText());
                    }
                }
            }
        }
        assertThat(inline).isEmpty();
        assertThat(TF.resources("aws_iam_role_policy_attachment"))
                .as("no managed policies attached")
                .isEmpty();
    }

    @Test
    void theTaskRoleReachesOnlyTheMediaBucketAndTheExecutionRoleOnlyItsImageSecretsAndLogs() {
        for (JsonNode s : statements(document("modules/compute", "task"))) {
            assertThat(strings(s.path("resources")))
                    .allSatisfy(r -> assertThat(r).startsWith("${var.media_bucket_arn}"));
        }
        List<String> resources = new ArrayList<>();
        for (JsonNode s : statements(document("modules/compute", "execution"))) {
            resources.addAll(strings(s.path("resources")));
        }
        assertThat(resources)
                .containsExactlyInAnyOrder(
                        "*", // ecr:GetAuthorizationToken only
                        "${aws_ecr_repository.this.arn}",
                        "${var.log_group_arn}:log-stream:*",
                        "${local.secret_arns}");
        // both trust only ECS tasks of this account
        JsonNode assume = document("modules/compute", "ecs_tasks_assume")
                .blocks("statement")
                .get(0);
        assertThat(assume.path("principals").get(0).path("identifiers").toString())
                .isEqualTo("[\"ecs-tasks.amazonaws.com\"]");
        assertThat(assume.path("condition").get(0).path("variable").asText()).isEqualTo("aws:SourceAccount");
    }

    @Test
    void thePipelineRoleTrustsOnlyThisRepositorysEnvironmentThroughGithubOidc() {
        JsonNode assume =
                document("modules/pipeline", "assume").blocks("statement").get(0);
        assertThat(assume.path("actions").toString()).isEqualTo("[\"sts:AssumeRoleWithWebIdentity\"]");
        assertThat(assume.path("principals").get(0).path("type").asText()).isEqualTo("Federated");
        List<String> conditions = new ArrayList<>();
        assume.path("condition")
                .forEach(c -> conditions.add(
                        c.path("test").asText() + " " + c.path("variable").asText()));
        assertThat(conditions)
                .containsExactlyInAnyOrder(
                        "StringEquals token.actions.githubusercontent.com:aud",
                        "StringEquals token.actions.githubusercontent.com:sub");
        // it may pass the task's roles to ECS and to nothing else
        JsonNode pass = document("modules/pipeline", "deploy").blocks("statement").stream()
                .filter(s -> s.path("sid").asText().equals("PassTheTaskRoles"))
                .findFirst()
                .orElseThrow();
        assertThat(pass.path("condition").get(0).path("values").toString()).isEqualTo("[\"ecs-tasks.amazonaws.com\"]");
        // no IAM write, no secret write, no deletion of the data
        List<String> actions = new ArrayList<>();
        statements(document("modules/pipeline", "deploy")).forEach(s -> actions.addAll(strings(s.path("actions"))));
        assertThat(actions).noneMatch(a -> a.matches("iam:(Create|Put|Attach|Delete|Update).*"));
        assertThat(actions)
                .noneMatch(a -> a.matches(
                        "(rds|elasticache|secretsmanager|s3):(Delete|Put|Create|Modify|Update)(?!Object$).*"));
    }

    private static Terraform.Block document(String dir, String name) {
        return TF.data("aws_iam_policy_document").stream()
                .filter(d -> d.dir().equals(dir) && d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy document " + name + " in " + dir));
    }

    /** A document's statements, those of its dynamic "statement" blocks included. */
    private static List<JsonNode> statements(Terraform.Block doc) {
        List<JsonNode> all = new ArrayList<>(doc.blocks("statement"));
        for (JsonNode dynamic : doc.get("dynamic").path("statement")) {
            dynamic.path("content").forEach(all::add);
        }
        return all;
    }

    /** A list of strings, or one expression that yields the list ("${var.arns}"). */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    private static List<Terraform.Block> concat(List<Terraform.Block> a, List<Terraform.Block> b) {
        List<Terraform.Block> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
