package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** CloudFront, its two origins, the WAF, the certificates and the DNS records. */
class EdgePropertiesTest {

    private static final Terraform TF = Terraform.load();

    private static Terraform.Block only(String type) {
        List<Terraform.Block> found = TF.resources(type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static final Terraform.Block CDN = only("aws_cloudfront_distribution");

    private static JsonNode behaviour(String pattern) {
        return CDN.blocks("ordered_cache_behavior").stream()
                .filter(b -> b.path("path_pattern").asText().equals(pattern))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no behaviour for " + pattern));
    }

    @Test
    void theApiGoesToTheLoadBalancerUncachedWithEverythingForwarded() {
        for (String pattern : List.of("/api/*", "/health*")) {
            JsonNode b = behaviour(pattern);
            assertThat(b.path("target_origin_id").asText()).isEqualTo("app");
            assertThat(b.path("cache_policy_id").asText()).isEqualTo("${data.aws_cloudfront_cache_policy.disabled.id}");
            assertThat(b.path("origin_request_policy_id").asText())
                    .isEqualTo("${data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id}");
            // not compressed at the edge: an event stream is passed on as it comes
            assertThat(b.path("compress").asBoolean()).isFalse();
            assertThat(b.path("viewer_protocol_policy").asText()).isEqualTo("https-only");
        }
        assertThat(behaviour("/api/*").path("allowed_methods").toString()).contains("POST", "PUT", "PATCH", "DELETE");
        // the managed policies, by name: caching disabled; every viewer header but Host, all cookies and queries
        assertThat(TF.data("aws_cloudfront_cache_policy").stream()
                        .map(b -> b.get("name").asText()))
                .contains("Managed-CachingDisabled");
        assertThat(TF.data("aws_cloudfront_origin_request_policy")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("Managed-AllViewerExceptHostHeader");
        JsonNode app = origin("app");
        JsonNode custom = app.path("custom_origin_config").get(0);
        assertThat(custom.path("origin_protocol_policy").asText()).isEqualTo("https-only");
        // the event stream's heartbeat (25 s) fits in the read timeout
        assertThat(custom.path("origin_read_timeout").asInt()).isGreaterThan(25);
    }

    @Test
    void theWebAppComesFromAPrivateBucketThroughOriginAccessControl() {
        JsonNode web = origin("web");
        assertThat(web.path("origin_access_control_id").asText())
                .isEqualTo("${aws_cloudfront_origin_access_control.web.id}");
        Terraform.Block oac = only("aws_cloudfront_origin_access_control");
        assertThat(oac.get("origin_access_control_origin_type").asText()).isEqualTo("s3");
        assertThat(oac.get("signing_behavior").asText()).isEqualTo("always");
        JsonNode def = CDN.blocks("default_cache_behavior").get(0);
        assertThat(def.path("target_origin_id").asText()).isEqualTo("web");
        assertThat(def.path("function_association").get(0).path("event_type").asText())
                .isEqualTo("viewer-request");
        // only this distribution may read the bucket
        Terraform.Block doc = TF.data("aws_iam_policy_document").stream()
                .filter(d -> d.name().equals("web_bucket"))
                .findFirst()
                .orElseThrow();
        JsonNode read = doc.blocks("statement").get(0);
        assertThat(read.path("principals").get(0).path("identifiers").toString())
                .contains("cloudfront.amazonaws.com");
        assertThat(read.path("condition").get(0).path("values").toString())
                .contains("aws_cloudfront_distribution.this.arn");
    }

    @Test
    void theWebAppGetsTheSameSecurityHeadersAsFromSteadfastItself() {
        String csp = TF.variable("modules/edge", "content_security_policy")
                .orElseThrow()
                .get("default")
                .asText();
        assertThat(csp).isEqualTo(SteadfastSources.webContentSecurityPolicy(TF.repository()));
        Terraform.Block web = TF.resources("aws_cloudfront_response_headers_policy").stream()
                .filter(p -> p.name().equals("web"))
                .findFirst()
                .orElseThrow();
        JsonNode headers = web.blocks("security_headers_config").get(0);
        assertThat(headers.path("frame_options").get(0).path("frame_option").asText())
                .isEqualTo("DENY");
        assertThat(headers.path("referrer_policy")
                        .get(0)
                        .path("referrer_policy")
                        .asText())
                .isEqualTo("no-referrer");
        assertThat(headers.has("content_type_options")).isTrue();
        assertThat(headers.path("strict_transport_security")
                        .get(0)
                        .path("access_control_max_age_sec")
                        .asInt())
                .isEqualTo(31536000);
    }

    @Test
    void theWafHasTheManagedRuleSetsAndRateRules() {
        Terraform.Block acl = only("aws_wafv2_web_acl");
        assertThat(acl.get("scope").asText()).isEqualTo("CLOUDFRONT");
        assertThat(acl.get("provider").asText()).isEqualTo("${aws.us_east_1}");
        assertThat(CDN.get("web_acl_id").asText()).isEqualTo("${aws_wafv2_web_acl.this.arn}");
        List<String> managed = new ArrayList<>();
        List<JsonNode> rates = new ArrayList<>();
        for (JsonNode rule : acl.blocks("rule")) {
            JsonNode statement = rule.path("statement").get(0);
            if (statement.has("managed_rule_group_statement")) {
                JsonNode group = statement.path("managed_rule_group_statement").get(0);
                assertThat(group.path("vendor_name").asText()).isEqualTo("AWS");
                managed.add(group.path("name").asText());
                assertThat(rule.has("override_action")).isTrue();
            }
            if (statement.has("rate_based_statement")) {
                rates.add(statement.path("rate_based_statement").get(0));
                assertThat(rule.path("action").get(0).has("block")).isTrue();
            }
        }
        assertThat(managed)
                .containsExactlyInAnyOrder(
                        "AWSManagedRulesCommonRuleSet",
                        "AWSManagedRulesKnownBadInputsRuleSet",
                        "AWSManagedRulesAmazonIpReputationList");
        assertThat(rates).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("aggregate_key_type").asText()).isEqualTo("IP");
            assertThat(r.path("limit").asText()).startsWith("${var.");
        });
        assertThat(rates)
                .anySatisfy(r -> assertThat(r.has("scope_down_statement")).isFalse());
    }

    @Test
    void certificatesAreDnsValidatedAndCloudFrontsIsInUsEast1() {
        Terraform.Block cert = only("aws_acm_certificate");
        assertThat(cert.dir()).isEqualTo("modules/certificate");
        assertThat(cert.get("validation_method").asText()).isEqualTo("DNS");
        assertThat(only("aws_acm_certificate_validation")
                        .get("validation_record_fqdns")
                        .asText())
                .contains("aws_route53_record.validation");
        // two certificates: CloudFront's in us-east-1, the load balancer's in the region of the rest
        List<Terraform.Block> uses = TF.callers("modules/certificate");
        assertThat(uses.stream().map(m -> m.dir() + ":" + m.name()))
                .containsExactlyInAnyOrder("modules/edge:certificate", "modules/compute:origin_certificate");
        Terraform.Block cdnCert = uses.stream()
                .filter(m -> m.dir().equals("modules/edge"))
                .findFirst()
                .orElseThrow();
        assertThat(cdnCert.get("providers").path("aws").asText()).isEqualTo("${aws.us_east_1}");
        assertThat(CDN.blocks("viewer_certificate")
                        .get(0)
                        .path("acm_certificate_arn")
                        .asText())
                .isEqualTo("${module.certificate.arn}");
        assertThat(only("aws_lb_listener").get("certificate_arn").asText())
                .isEqualTo("${module.origin_certificate.arn}");
        // the name users open is an alias of the distribution (IPv4 and IPv6)
        List<Terraform.Block> aliases = TF.resources("aws_route53_record").stream()
                .filter(r -> r.dir().equals("modules/edge") && r.body().has("alias"))
                .toList();
        assertThat(aliases.stream().map(r -> r.get("type").asText())).containsExactlyInAnyOrder("A", "AAAA");
        assertThat(aliases).allSatisfy(r -> assertThat(
                        r.blocks("alias").get(0).path("name").asText())
                .isEqualTo("${aws_cloudfront_distribution.this.domain_name}"));
    }

    private static JsonNode origin(String id) {
        return CDN.blocks("origin").stream()
                .filter(o -> o.path("origin_id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no origin " + id));
    }
}
