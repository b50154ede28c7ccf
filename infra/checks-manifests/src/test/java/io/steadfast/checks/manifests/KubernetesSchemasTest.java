package io.steadfast.checks.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The schemas catch what they are there for: unknown fields, wrong types, missing fields, unknown kinds. */
class KubernetesSchemasTest {

    private static final String DEPLOYMENT =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
              labels: {app: x}
            spec:
              selector: {matchLabels: {app: x}}
              strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}}
              template:
                metadata: {labels: {app: x}}
                spec:
                  terminationGracePeriodSeconds: 45
                  containers:
                    - name: x
                      image: x:1
                      ports: [{name: http, containerPort: 8181}]
                      resources: {requests: {cpu: 500m, memory: 512Mi}, limits: {cpu: 2, memory: 1Gi}}
                      readinessProbe: {httpGet: {path: /health/ready, port: http}}
            """;

    private final KubernetesSchemas schemas = KubernetesSchemas.load();

    @Test
    void theApiOfKubernetes134IsThere() {
        assertThat(schemas.kinds()).isGreaterThan(100);
        assertThat(schemas.definitionOf("apps/v1", "Deployment")).isEqualTo("io.k8s.api.apps.v1.Deployment");
        assertThat(schemas.definitionOf("autoscaling/v2", "HorizontalPodAutoscaler"))
                .isNotNull();
        assertThat(schemas.definitionOf("policy/v1", "PodDisruptionBudget")).isNotNull();
        assertThat(schemas.definitionOf("networking.k8s.io/v1", "Ingress")).isNotNull();
        assertThat(schemas.definitionOf("v1", "ConfigMap")).isEqualTo("io.k8s.api.core.v1.ConfigMap");
        assertThat(schemas.definitionOf("apps/v2", "Deployment")).isNull();
        // the jar also keeps some versions that Kubernetes has removed (policy/v1beta1 went in 1.25): that the
        // manifests use none of them is checked by the manifests' test (only GA versions)
        assertThat(schemas.definitionOf("policy/v1beta1", "PodDisruptionBudget"))
                .isNotNull();
    }

    @Test
    void aValidDeploymentPassesWithIntOrStringAndQuantitiesInEitherForm() {
        assertThat(schemas.validate(Yaml.one(DEPLOYMENT))).isEmpty();
    }

    @Test
    void anUnknownOrMisspeltFieldIsAnError() {
        JsonNode d = Yaml.one(DEPLOYMENT.replace("readinessProbe:", "readynessProbe:"));
        assertThat(schemas.validate(d)).singleElement().asString().contains("readynessProbe");
        JsonNode top = Yaml.one(DEPLOYMENT);
        ((ObjectNode) top.path("spec")).put("replica", 2);
        assertThat(schemas.validate(top)).singleElement().asString().contains("replica");
    }

    @Test
    void aWrongTypeAndAMissingRequiredFieldAreErrors() {
        JsonNode d = Yaml.one(
                DEPLOYMENT.replace("terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: soon"));
        assertThat(schemas.validate(d)).singleElement().asString().contains("terminationGracePeriodSeconds");
        JsonNode nameless = Yaml.one(DEPLOYMENT.replace("- name: x", "- stdin: false"));
        assertThat(schemas.validate(nameless)).singleElement().asString().contains("name");
    }

    @Test
    void aKindTheApiDoesNotHaveIsAnError() {
        JsonNode d = Yaml.one(DEPLOYMENT.replace("apps/v1", "apps/v2"));
        assertThat(schemas.validate(d))
                .isEqualTo(
                        List.of("Deployment x: no Kubernetes schema for apiVersion " + "'apps/v2' kind 'Deployment'"));
    }
}
