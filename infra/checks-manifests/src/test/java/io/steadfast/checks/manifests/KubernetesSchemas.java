package io.steadfast.checks.manifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The Kubernetes API's object definitions as strict JSON Schemas, offline.
 *
 * <p>The definitions are the Kubernetes OpenAPI (Swagger 2.0) {@code definitions} of k8s.io/api 0.34.1 (Kubernetes
 * 1.34), as Maven Central carries them: the resource {@code openshift-generated.json} of
 * {@code io.fabric8:kubernetes-model-validator} (the Kubernetes groups and OpenShift's; only the {@code io.k8s.*}
 * ones are used here). They become a draft-07 schema the way kubeconform's schemas are made from the same OpenAPI
 * (openapi2jsonschema, its {@code -strict} flavour):
 *
 * <ul>
 *   <li><b>strict</b>: every object with {@code properties} and no {@code additionalProperties} gets
 *       {@code additionalProperties: false} — an unknown or misspelt field is an error, as {@code kubectl apply
 *       --validate=strict} and the API server's field validation make it;
 *   <li>{@code int-or-string} fields (ports, {@code maxSurge}) take an integer or a string, quantities
 *       ({@code 500m}, {@code 1Gi}) a string or a number, as the API server reads them;
 *   <li>{@code format} is left out (the API server checks formats; JSON Schema does not know Kubernetes' own).
 * </ul>
 *
 * Which definition a document is checked against comes from its {@code apiVersion} and {@code kind} (see {@link
 * #apiVersion(String)}); a document of a kind the API does not have is an error.
 */
final class KubernetesSchemas {

    private static final String RESOURCE = "/openshift-generated.json";
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    private final ObjectNode definitions;
    private final Map<String, String> definitionByKind = new HashMap<>();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private static KubernetesSchemas instance;

    static synchronized KubernetesSchemas load() {
        if (instance == null) {
            instance = new KubernetesSchemas();
        }
        return instance;
    }

    private KubernetesSchemas() {
        JsonNode document;
        try (InputStream in = KubernetesSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (io.fabric8:"
                        + "kubernetes-model-validator, a test dependency of infra/checks-manifests)");
            }
            document = Yaml.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        definitions = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = document.path("definitions").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("io.k8s.")) {
                continue;
            }
            JsonNode definition = e.getValue().deepCopy();
            String apiVersion = apiVersion(e.getKey());
            if (apiVersion != null
                    && definition.path("properties").has("apiVersion")
                    && definition.path("properties").has("kind")) {
                String kind = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
                definitionByKind.putIfAbsent(apiVersion + " " + kind, e.getKey());
            }
            strict(definition);
            definitions.set(e.getKey(), definition);
        }
        ObjectNode quantity = (ObjectNode) definitions.get(QUANTITY);
        quantity.set("type", JsonNodeFactory.instance.arrayNode().add("string").add("number"));
    }

    /**
     * The API group and version of a definition, from its name, as Kubernetes names its Go packages (this copy of
     * the definitions has no {@code x-kubernetes-group-version-kind}): {@code io.k8s.api.core.v1} is the core group
     * {@code v1}; {@code apps}, {@code autoscaling}, {@code batch} and {@code policy} are groups of their own name;
     * {@code rbac}, {@code flowcontrol} and {@code apiserverinternal} have longer names; every other group is its
     * package name with {@code .k8s.io} ({@code networking.k8s.io/v1}), also those outside {@code io.k8s.api}
     * ({@code io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1}: {@code apiextensions.k8s.io/v1}).
     */
    static String apiVersion(String definition) {
        String[] parts = definition.split("\\.");
        if (parts.length < 5) {
            return null;
        }
        String pkg = parts[parts.length - 3];
        String version = parts[parts.length - 2];
        if (!version.matches("v\\d+((alpha|beta)\\d+)?")) {
            return null;
        }
        boolean api = definition.startsWith("io.k8s.api.") && parts.length == 6;
        boolean apis = definition.contains(".pkg.apis.");
        if (!api && !apis) {
            return null;
        }
        String group =
                switch (pkg) {
                    case "core" -> "";
                    case "apps", "autoscaling", "batch", "policy" -> pkg;
                    case "rbac" -> "rbac.authorization.k8s.io";
                    case "flowcontrol" -> "flowcontrol.apiserver.k8s.io";
                    case "apiserverinternal" -> "internal.apiserver.k8s.io";
                    default -> pkg + ".k8s.io";
                };
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** How many kinds there are schemas for. */
    int kinds() {
        return definitionByKind.size();
    }

    /** The definition for the kind, e.g. {@code io.k8s.api.apps.v1.Deployment}. */
    String definitionOf(String apiVersion, String kind) {
        return definitionByKind.get(apiVersion + " " + kind);
    }

    /** What is wrong with the manifest (empty: it is valid), each message naming the document and the field. */
    List<String> validate(JsonNode manifest) {
        String apiVersion = manifest.path("apiVersion").asText();
        String kind = manifest.path("kind").asText();
        String name = kind + " " + manifest.path("metadata").path("name").asText("(no name)");
        String definition = definitionOf(apiVersion, kind);
        List<String> problems = new ArrayList<>();
        if (definition == null) {
            problems.add(name + ": no Kubernetes schema for apiVersion '" + apiVersion + "' kind '" + kind + "'");
            return problems;
        }
        Set<String> messages = new TreeSet<>();
        for (ValidationMessage m : schema(definition).validate(manifest)) {
            messages.add(m.getMessage());
        }
        for (String m : messages) {
            problems.add(name + ": " + m);
        }
        return problems;
    }

    private synchronized JsonSchema schema(String definition) {
        return schemas.computeIfAbsent(definition, d -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.put("$ref", "#/definitions/" + d);
            root.set("definitions", definitions);
            return factory.getSchema(root);
        });
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if ("int-or-string".equals(o.path("format").asText())) {
                o.set("type", JsonNodeFactory.instance.arrayNode().add("string").add("integer"));
            }
            o.remove("format");
            if (o.has("properties")
                    && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            JsonNode properties = o.get("properties");
            if (properties instanceof ObjectNode p) {
                p.forEach(KubernetesSchemas::strict);
            }
            for (String keyword : List.of("items", "additionalProperties")) {
                strict(o.get(keyword));
            }
            for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
                if (o.get(keyword) instanceof ArrayNode a) {
                    a.forEach(KubernetesSchemas::strict);
                }
            }
        }
    }
}
