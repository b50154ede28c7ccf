package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The database, the cache, the media bucket and the secrets, as the data module makes them. */
class DataPropertiesTest {

    private static final Terraform TF = Terraform.load();
    private static final Pattern DOCUMENT =
            Pattern.compile("^\\$\\{data\\.aws_iam_policy_document\\.([a-z0-9_]+)\\.json}$");

    private static Terraform.Block only(String type) {
        List<Terraform.Block> found = TF.resources(type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    /** What an attribute is in every environment (its variables followed up to the roots). */
    private static List<JsonNode> everywhere(Terraform.Block block, String attribute) {
        JsonNode value = block.get(attribute);
        assertThat(value.isMissingNode()).as(block + " sets " + attribute).isFalse();
        return TF.possibleValues(block.dir(), value);
    }

    @Test
    void postgresIsMultiAzEncryptedPrivateProtectedAndBackedUp() {
        Terraform.Block db = only("aws_db_instance");
        assertThat(db.get("engine").asText()).isEqualTo("postgres");
        assertThat(everywhere(db, "multi_az")).isNotEmpty().allSatisfy(v -> assertThat(v.isBoolean() && v.asBoolean())
                .as("multi_az is true in every environment: " + v)
                .isTrue());
        assertThat(db.get("storage_encrypted").asBoolean()).isTrue();
        assertThat(db.get("publicly_accessible").isBoolean()).isTrue();
        assertThat(db.get("publicly_accessible").asBoolean()).isFalse();
        assertThat(db.get("deletion_protection").asBoolean()).isTrue();
        assertThat(db.get("skip_final_snapshot").asBoolean()).isFalse();
        // automated backups with a retention of at least 7 days are what point-in-time recovery restores from
        assertThat(everywhere(db, "backup_retention_period")).isNotEmpty().allSatisfy(v -> assertThat(
                        v.isInt() ? v.asInt() : -1)
                .as("backup_retention_period: " + v)
                .isGreaterThanOrEqualTo(7));
        assertThat(db.get("backup_window").asText()).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
        // in the data subnets, behind a security group open only to the app's
        assertThat(db.get("db_subnet_group_name").asText()).isEqualTo("${aws_db_subnet_group.this.name}");
        assertThat(only("aws_db_subnet_group").get("subnet_ids").asText()).isEqualTo("${var.data_subnet_ids}");
        assertThat(db.get("vpc_security_group_ids").toString()).isEqualTo("[\"${aws_security_group.db.id}\"]");
        // the password is write-only: never in the state
        assertThat(db.get("password").isMissingNode()).isTrue();
        assertThat(db.get("password_wo").asText()).isEqualTo("${ephemeral.random_password.db.result}");
        assertThat(db.get("password_wo_version").isMissingNode()).isFalse();
    }

    @Test
    void theDatabaseForcesTls() {
        Terraform.Block params = only("aws_db_parameter_group");
        assertThat(params.blocks("parameter")).anySatisfy(p -> {
            assertThat(p.path("name").asText()).isEqualTo("rds.force_ssl");
            assertThat(p.path("value").asText()).isEqualTo("1");
        });
    }

    @Test
    void theDataSecurityGroupsAdmitOnlyTheApp() {
        List<Terraform.Block> ingress = TF.resources("aws_vpc_security_group_ingress_rule").stream()
                .filter(r -> r.dir().equals("modules/data"))
                .toList();
        assertThat(ingress).hasSize(2);
        assertThat(ingress).allSatisfy(r -> {
            assertThat(r.get("referenced_security_group_id").asText()).isEqualTo("${var.app_security_group_id}");
            assertThat(r.get("cidr_ipv4").isMissingNode()).isTrue();
        });
        assertThat(ingress.stream().map(r -> r.get("from_port").asInt())).containsExactlyInAnyOrder(5432, 6379);
        // and the app group is the tasks' (network module), which admits only the load balancer, which admits only
        // CloudFront
        Terraform.Block data = TF.modules().stream()
                .filter(m -> m.name().equals("data"))
                .findFirst()
                .orElseThrow();
        assertThat(data.get("app_security_group_id").asText()).isEqualTo("${module.network.app_security_group_id}");
        List<Terraform.Block> network = TF.resources("aws_vpc_security_group_ingress_rule").stream()
                .filter(r -> r.dir().equals("modules/network"))
                .toList();
        assertThat(network).hasSize(2);
        assertThat(network).anySatisfy(r -> {
            assertThat(r.get("security_group_id").asText()).isEqualTo("${aws_security_group.app.id}");
            assertThat(r.get("referenced_security_group_id").asText()).isEqualTo("${aws_security_group.alb.id}");
        });
        assertThat(network).anySatisfy(r -> {
            assertThat(r.get("security_group_id").asText()).isEqualTo("${aws_security_group.alb.id}");
            assertThat(r.get("prefix_list_id").asText()).isEqualTo("${data.aws_ec2_managed_prefix_list.cloudfront.id}");
            assertThat(r.get("from_port").asInt()).isEqualTo(443);
        });
    }

    @Test
    void redisEncryptsInTransitAndAtRestAndNeedsItsToken() {
        Terraform.Block redis = only("aws_elasticache_replication_group");
        assertThat(redis.get("transit_encryption_enabled").asBoolean()).isTrue();
        assertThat(redis.get("at_rest_encryption_enabled").asBoolean()).isTrue();
        assertThat(redis.get("auth_token").asText()).isEqualTo("${random_password.redis.result}");
        assertThat(redis.get("security_group_ids").toString()).isEqualTo("[\"${aws_security_group.cache.id}\"]");
        // the token is a URL's password: letters and digits only
        Terraform.Block token = TF.resources("random_password").stream()
                .filter(r -> r.name().equals("redis"))
                .findFirst()
                .orElseThrow();
        assertThat(token.get("special").asBoolean()).isFalse();
        assertThat(token.get("length").asInt()).isBetween(32, 128);
        // the application reaches it over TLS (rediss://) with the token
        Terraform.Block secret = TF.resources("aws_secretsmanager_secret_version").stream()
                .filter(r -> r.name().equals("redis"))
                .findFirst()
                .orElseThrow();
        assertThat(secret.get("secret_string").asText())
                .contains("rediss://:${random_password.redis.result}@")
                .contains("primary_endpoint_address");
    }

    @Test
    void everyBucketBlocksPublicAccessIsEncryptedAndVersioned() {
        List<Terraform.Block> buckets = TF.resources("aws_s3_bucket");
        assertThat(buckets.stream().map(b -> b.dir() + ":" + b.name()))
                .containsExactlyInAnyOrder("modules/bucket:this", "bootstrap:state");
        // the environments' buckets are all made by the bucket module
        assertThat(TF.callers("modules/bucket").stream().map(m -> m.dir() + ":" + m.name()))
                .containsExactlyInAnyOrder("modules/data:media", "modules/edge:web_bucket");
        for (Terraform.Block bucket : buckets) {
            String ref = "${aws_s3_bucket." + bucket.name() + ".id}";
            Terraform.Block block = sibling("aws_s3_bucket_public_access_block", bucket, ref);
            for (String flag : List.of(
                    "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                assertThat(block.get(flag).asBoolean()).as(bucket + " " + flag).isTrue();
            }
            Terraform.Block sse = sibling("aws_s3_bucket_server_side_encryption_configuration", bucket, ref);
            assertThat(sse.blocks("rule")
                            .get(0)
                            .path("apply_server_side_encryption_by_default")
                            .get(0)
                            .path("sse_algorithm")
                            .asText())
                    .as(bucket + " encryption")
                    .isIn("AES256", "aws:kms");
            Terraform.Block versioning = sibling("aws_s3_bucket_versioning", bucket, ref);
            assertThat(versioning
                            .blocks("versioning_configuration")
                            .get(0)
                            .path("status")
                            .asText())
                    .isEqualTo("Enabled");
            Terraform.Block ownership = sibling("aws_s3_bucket_ownership_controls", bucket, ref);
            assertThat(ownership.blocks("rule").get(0).path("object_ownership").asText())
                    .isEqualTo("BucketOwnerEnforced");
            // and a policy that refuses plain HTTP
            Terraform.Block policy = sibling("aws_s3_bucket_policy", bucket, ref);
            Matcher m = DOCUMENT.matcher(policy.get("policy").asText());
            assertThat(m.matches())
                    .as(bucket + ": its policy is an aws_iam_policy_document")
                    .isTrue();
            Terraform.Block doc = TF.data("aws_iam_policy_document").stream()
                    .filter(d -> d.dir().equals(bucket.dir()) && d.name().equals(m.group(1)))
                    .findFirst()
                    .orElseThrow();
            assertThat(doc.blocks("statement"))
                    .as(bucket + " denies plain HTTP")
                    .anySatisfy(s -> {
                        assertThat(s.path("effect").asText()).isEqualTo("Deny");
                        assertThat(s.path("condition").get(0).path("variable").asText())
                                .isEqualTo("aws:SecureTransport");
                        assertThat(s.path("condition").get(0).path("values").toString())
                                .isEqualTo("[\"false\"]");
                    });
        }
    }

    private static Terraform.Block sibling(String type, Terraform.Block bucket, String ref) {
        return TF.resources(type).stream()
                .filter(r ->
                        r.dir().equals(bucket.dir()) && r.get("bucket").asText().equals(ref))
                .findFirst()
                .orElseThrow(() -> new AssertionError(bucket + " has no " + type));
    }

    @Test
    void theThreeSecretsAreInSecretsManagerAndTwoNeverInTheState() {
        List<String> secrets = TF.resources("aws_secretsmanager_secret").stream()
                .map(Terraform.Block::name)
                .toList();
        assertThat(secrets).containsExactlyInAnyOrder("db_password", "redis", "metrics_token");
        for (String writeOnly : List.of("db_password", "metrics_token")) {
            Terraform.Block version = TF.resources("aws_secretsmanager_secret_version").stream()
                    .filter(r -> r.name().equals(writeOnly))
                    .findFirst()
                    .orElseThrow();
            assertThat(version.get("secret_string").isMissingNode())
                    .as(writeOnly)
                    .isTrue();
            assertThat(version.get("secret_string_wo").asText()).startsWith("${ephemeral.random_password.");
        }
        // the database's password and its secret are the same ephemeral value, written in the same apply
        Terraform.Block dbSecret = TF.resources("aws_secretsmanager_secret_version").stream()
                .filter(r -> r.name().equals("db_password"))
                .findFirst()
                .orElseThrow();
        assertThat(dbSecret.get("secret_string_wo").asText())
                .isEqualTo(only("aws_db_instance").get("password_wo").asText());
        assertThat(dbSecret.get("secret_string_wo_version").asText())
                .isEqualTo(only("aws_db_instance").get("password_wo_version").asText());
    }
}
