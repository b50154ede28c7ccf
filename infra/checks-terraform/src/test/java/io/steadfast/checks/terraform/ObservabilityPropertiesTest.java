package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Logs, the dashboard, the alarms and where they go. */
class ObservabilityPropertiesTest {

    private static final Terraform TF = Terraform.load();
    private static final String DIR = "modules/observability";

    private static Terraform.Block alarm(String name) {
        return TF.resources("aws_cloudwatch_metric_alarm").stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alarm " + name));
    }

    @Test
    void theErrorRateAlarmIsFivePercentOfRequestsForFiveMinutesByMetricMath() {
        Terraform.Block a = alarm("error_rate");
        assertThat(TF.possibleValues(DIR, a.get("threshold")))
                .allSatisfy(v -> assertThat(v.asDouble()).isEqualTo(5.0));
        assertThat(a.get("comparison_operator").asText()).isEqualTo("GreaterThanThreshold");
        Map<String, JsonNode> queries = new HashMap<>();
        a.blocks("metric_query").forEach(q -> queries.put(q.path("id").asText(), q));
        JsonNode expression = queries.get("error_rate");
        assertThat(expression.path("return_data").asBoolean()).isTrue();
        assertThat(expression.path("expression").asText())
                .contains("100 *")
                .contains("target_5xx")
                .contains("elb_5xx")
                .contains("/ requests");
        assertThat(metric(queries.get("requests"))).isEqualTo("RequestCount");
        assertThat(metric(queries.get("target_5xx"))).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(metric(queries.get("elb_5xx"))).isEqualTo("HTTPCode_ELB_5XX_Count");
        // five consecutive minutes
        int period =
                queries.get("requests").path("metric").get(0).path("period").asInt();
        assertThat(period * a.get("evaluation_periods").asInt()).isEqualTo(300);
        assertThat(a.get("datapoints_to_alarm").asInt())
                .isEqualTo(a.get("evaluation_periods").asInt());
        assertThat(queries.values()).allSatisfy(q -> {
            if (q.has("metric")) {
                assertThat(q.path("metric").get(0).path("period").asInt()).isEqualTo(period);
                assertThat(q.path("metric").get(0).path("stat").asText()).isEqualTo("Sum");
            }
        });
    }

    private static String metric(JsonNode query) {
        return query.path("metric").get(0).path("metric_name").asText();
    }

    @Test
    void latencyAndCpuAlarmsExistAndEveryAlarmTellsTheTopic() {
        Terraform.Block latency = alarm("latency_p99");
        assertThat(latency.get("metric_name").asText()).isEqualTo("TargetResponseTime");
        assertThat(latency.get("extended_statistic").asText()).isEqualTo("p99");
        Terraform.Block cpu = alarm("cpu");
        assertThat(cpu.get("namespace").asText()).isEqualTo("AWS/ECS");
        assertThat(cpu.get("metric_name").asText()).isEqualTo("CPUUtilization");
        assertThat(TF.resources("aws_cloudwatch_metric_alarm")).allSatisfy(a -> {
            assertThat(a.get("alarm_actions").toString())
                    .as(a.toString())
                    .isEqualTo("[\"${aws_sns_topic.alarms.arn}\"]");
            assertThat(a.get("ok_actions").toString()).isEqualTo("[\"${aws_sns_topic.alarms.arn}\"]");
        });
        Terraform.Block email = TF.resources("aws_sns_topic_subscription").get(0);
        assertThat(email.get("protocol").asText()).isEqualTo("email");
        assertThat(email.get("topic_arn").asText()).isEqualTo("${aws_sns_topic.alarms.arn}");
    }

    @Test
    void theDashboardShowsAnswersLatencyConnectionsCacheHitsAndCpu() {
        String dashboard = TF.local(DIR, "dashboard").toString();
        for (String metric : List.of(
                "HTTPCode_Target_2XX_Count",
                "HTTPCode_Target_4XX_Count",
                "HTTPCode_Target_5XX_Count",
                "TargetResponseTime",
                "DatabaseConnections",
                "CacheHitRate",
                "CPUUtilization")) {
            assertThat(dashboard).as("the dashboard shows " + metric).contains(metric);
        }
        assertThat(dashboard)
                .contains("\"stat\":\"p99\"")
                .contains("AWS/ElastiCache")
                .contains("AWS/RDS");
        assertThat(TF.resources("aws_cloudwatch_dashboard")
                        .get(0)
                        .get("dashboard_body")
                        .asText())
                .isEqualTo("${jsonencode(local.dashboard)}");
    }

    @Test
    void theLogsAreKeptForAWhileAndNotForever() {
        Terraform.Block group = TF.resources("aws_cloudwatch_log_group").get(0);
        assertThat(group.get("retention_in_days").asText()).isEqualTo("${var.log_retention_days}");
        assertThat(TF.possibleValues(DIR, group.get("retention_in_days")))
                .allSatisfy(v -> assertThat(v.asInt()).isBetween(7, 400));
    }
}
