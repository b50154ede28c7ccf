package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The image in ECR, the Fargate task, the service behind the load balancer, its autoscaling. */
class ComputePropertiesTest {

    private static final Terraform TF = Terraform.load();
    private static final String DIR = "modules/compute";
    private static final JsonNode CONTAINER = TF.local(DIR, "container");

    private static Terraform.Block only(String type) {
        List<Terraform.Block> found = TF.resources(type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static int defaultOf(String variable) {
        return TF.variable(DIR, variable).orElseThrow().get("default").asInt();
    }

    @Test
    void theTargetGroupChecksReadinessAndDrainsLongerThanARequestMayTake() {
        Terraform.Block tg = only("aws_lb_target_group");
        JsonNode check = tg.blocks("health_check").get(0);
        assertThat(check.path("path").asText()).isEqualTo("/health/ready");
        assertThat(check.path("matcher").asText()).isEqualTo("200");
        assertThat(tg.get("target_type").asText()).isEqualTo("ip");
        assertThat(tg.get("port").asText()).isEqualTo("${local.port}");
        // ECS deregisters a leaving task first, then sends SIGTERM: the delay lets requests in flight finish
        assertThat(tg.get("deregistration_delay").asText()).isEqualTo("${var.deregistration_delay_seconds}");
        assertThat(defaultOf("deregistration_delay_seconds"))
                .isGreaterThan(defaultOf("shutdown_timeout_seconds"))
                .isLessThanOrEqualTo(120);
    }

    @Test
    void theContainerChecksItsOwnReadinessAndHasTimeToStopCleanly() {
        JsonNode hc = CONTAINER.path("healthCheck");
        assertThat(hc.path("command").get(0).asText()).isEqualTo("CMD-SHELL");
        assertThat(hc.path("command").get(1).asText())
                .isEqualTo("wget -q -O /dev/null http://127.0.0.1:${local.port}/health/ready || exit 1");
        assertThat(hc.path("startPeriod").asInt()).isBetween(60, 300);
        assertThat(hc.path("timeout").asInt()).isLessThan(hc.path("interval").asInt());
        // the image's own HEALTHCHECK asks the same (infra/image)
        assertThat(SteadfastSources.imageConstant(TF.repository(), "HEALTHCHECK"))
                .contains("/health/ready");

        // stopTimeout: the drain, the wait for requests in flight, Karaf's stop; within Fargate's 120 s
        assertThat(CONTAINER.path("stopTimeout").asText()).isEqualTo("${local.stop_timeout}");
        assertThat(TF.local(DIR, "stop_timeout").asText())
                .contains("var.shutdown_drain_seconds")
                .contains("var.shutdown_timeout_seconds")
                .startsWith("${min(120,");
        assertThat(defaultOf("shutdown_drain_seconds") + defaultOf("shutdown_timeout_seconds") + 15)
                .isLessThanOrEqualTo(120);
        assertThat(environment()).contains("STEADFAST_SHUTDOWN_DRAIN_SECONDS", "STEADFAST_SHUTDOWN_TIMEOUT_SECONDS");
    }

    @Test
    void theContainerIsTheImageAsItWasMadeToRun() {
        assertThat(TF.local(DIR, "port").asText()).isEqualTo(SteadfastSources.imageConstant(TF.repository(), "PORT"));
        assertThat(CONTAINER.path("user").asText())
                .isEqualTo(SteadfastSources.imageConstant(TF.repository(), "UID") + ":"
                        + SteadfastSources.imageConstant(TF.repository(), "UID"));
        assertThat(CONTAINER.path("readonlyRootFilesystem").asBoolean()).isTrue();
        assertThat(CONTAINER.path("mountPoints").get(0).path("containerPath").asText())
                .isEqualTo("/data");
        assertThat(CONTAINER.path("mountPoints").get(0).path("sourceVolume").asText())
                .isEqualTo("data");
        assertThat(CONTAINER.path("image").asText())
                .isEqualTo("${aws_ecr_repository.this.repository_url}:${var.image_tag}");
        JsonNode logs = CONTAINER.path("logConfiguration");
        assertThat(logs.path("logDriver").asText()).isEqualTo("awslogs");
        assertThat(logs.path("options").path("awslogs-group").asText()).isEqualTo("${var.log_group_name}");

        Terraform.Block task = only("aws_ecs_task_definition");
        assertThat(task.get("requires_compatibilities").toString()).isEqualTo("[\"FARGATE\"]");
        assertThat(task.get("network_mode").asText()).isEqualTo("awsvpc");
        assertThat(task.blocks("volume").get(0).path("name").asText()).isEqualTo("data");
        assertThat(task.get("container_definitions").asText()).isEqualTo("${jsonencode([local.container])}");
        assertThat(task.get("execution_role_arn").asText()).isEqualTo("${aws_iam_role.execution.arn}");
        assertThat(task.get("task_role_arn").asText()).isEqualTo("${aws_iam_role.task.arn}");
    }

    @Test
    void theEnvironmentHasOnlyVariablesSteadfastReadsAndNoSecrets() {
        Set<String> read = SteadfastSources.environmentVariables(TF.repository());
        assertThat(read).contains("STEADFAST_DB_URL", "STEADFAST_REDIS_URL", "STEADFAST_METRICS_TOKEN");
        List<String> names = new ArrayList<>(environment());
        names.addAll(secrets());
        assertThat(names).as("variables Steadfast reads").allSatisfy(n -> assertThat(read)
                .contains(n));
        // extra variables from the examples too
        for (String root : List.of("envs/staging", "envs/production")) {
            TF.json(root + "/terraform.tfvars.example")
                    .path("extra_environment")
                    .fieldNames()
                    .forEachRemaining(n -> assertThat(read).as(root).contains(n));
            TF.json(root + "/terraform.tfvars.example")
                    .path("extra_secrets")
                    .fieldNames()
                    .forEachRemaining(n -> assertThat(read).as(root).contains(n));
        }
        assertThat(environment()).noneMatch(n -> n.matches(".*(PASSWORD|TOKEN|SECRET|REDIS_URL).*"));
        assertThat(secrets())
                .containsExactly("STEADFAST_DB_PASSWORD", "STEADFAST_REDIS_URL", "STEADFAST_METRICS_TOKEN");
        assertThat(TF.local(DIR, "secrets"))
                .allSatisfy(s -> assertThat(s.path("valueFrom").asText())
                        .startsWith("${var.")
                        .contains("_secret_arn}"));
        assertThat(CONTAINER.path("environment").asText())
                .isEqualTo("${concat(local.environment, local.extra_environment)}");
        assertThat(CONTAINER.path("secrets").asText()).isEqualTo("${concat(local.secrets, local.extra_secrets)}");
        // the database over TLS, the public URL what users see
        assertThat(value("STEADFAST_DB_URL")).startsWith("jdbc:postgresql://").endsWith("?sslmode=require");
        assertThat(value("STEADFAST_LOG_FORMAT")).isEqualTo("json");
    }

    private static List<String> environment() {
        List<String> names = new ArrayList<>();
        TF.local(DIR, "environment").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    private static List<String> secrets() {
        List<String> names = new ArrayList<>();
        TF.local(DIR, "secrets").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    private static String value(String name) {
        for (JsonNode e : TF.local(DIR, "environment")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void theServiceRunsPrivatelyBehindTheLoadBalancerAndRollsBackAFailedDeploy() {
        Terraform.Block service = only("aws_ecs_service");
        assertThat(service.get("launch_type").asText()).isEqualTo("FARGATE");
        JsonNode net = service.blocks("network_configuration").get(0);
        assertThat(net.path("assign_public_ip").asBoolean()).isFalse();
        assertThat(net.path("subnets").asText()).isEqualTo("${var.app_subnet_ids}");
        JsonNode lb = service.blocks("load_balancer").get(0);
        assertThat(lb.path("target_group_arn").asText()).isEqualTo("${aws_lb_target_group.this.arn}");
        assertThat(lb.path("container_port").asText()).isEqualTo("${local.port}");
        assertThat(service.get("health_check_grace_period_seconds").asInt()).isGreaterThanOrEqualTo(60);
        assertThat(service.get("deployment_minimum_healthy_percent").asInt()).isEqualTo(100);
        JsonNode breaker = service.blocks("deployment_circuit_breaker").get(0);
        assertThat(breaker.path("enable").asBoolean()).isTrue();
        assertThat(breaker.path("rollback").asBoolean()).isTrue();
        assertThat(service.blocks("lifecycle").get(0).path("ignore_changes").toString())
                .contains("desired_count");

        Terraform.Block alb = only("aws_lb");
        assertThat(alb.get("drop_invalid_header_fields").asBoolean()).isTrue();
        assertThat(alb.get("idle_timeout").asInt())
                .as("longer than the event stream's 25 s heartbeat")
                .isGreaterThan(25);
        Terraform.Block listener = only("aws_lb_listener");
        assertThat(listener.get("protocol").asText()).isEqualTo("HTTPS");
        assertThat(listener.get("ssl_policy").asText()).startsWith("ELBSecurityPolicy-TLS13");
    }

    @Test
    void theServiceScalesOnCpuAndOnRequestsPerTask() {
        List<Terraform.Block> policies = TF.resources("aws_appautoscaling_policy");
        assertThat(policies).hasSize(2);
        List<String> metrics = new ArrayList<>();
        for (Terraform.Block p : policies) {
            assertThat(p.get("policy_type").asText()).isEqualTo("TargetTrackingScaling");
            JsonNode spec = p.blocks("target_tracking_scaling_policy_configuration")
                    .get(0)
                    .path("predefined_metric_specification")
                    .get(0);
            metrics.add(spec.path("predefined_metric_type").asText());
            if (spec.path("predefined_metric_type").asText().equals("ALBRequestCountPerTarget")) {
                assertThat(spec.path("resource_label").asText())
                        .isEqualTo("${aws_lb.this.arn_suffix}/${aws_lb_target_group.this.arn_suffix}");
            }
        }
        assertThat(metrics).containsExactlyInAnyOrder("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget");
        Terraform.Block target = only("aws_appautoscaling_target");
        assertThat(target.get("scalable_dimension").asText()).isEqualTo("ecs:service:DesiredCount");
    }

    @Test
    void theRepositoryScansEveryPushAndNeverMovesATag() {
        Terraform.Block ecr = only("aws_ecr_repository");
        assertThat(ecr.blocks("image_scanning_configuration")
                        .get(0)
                        .path("scan_on_push")
                        .asBoolean())
                .isTrue();
        assertThat(ecr.get("image_tag_mutability").asText()).isEqualTo("IMMUTABLE");
    }
}
