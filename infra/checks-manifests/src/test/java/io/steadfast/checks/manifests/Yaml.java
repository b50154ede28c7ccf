package io.steadfast.checks.manifests;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** YAML (anchors and merge keys included) read into Jackson trees. */
final class Yaml {

    static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {}

    static JsonNode one(String text) {
        List<JsonNode> all = all(text);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + all.size());
        }
        return all.get(0);
    }

    /** Every document of a multi-document stream, empty ones left out. */
    static List<JsonNode> all(String text) {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        List<JsonNode> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(text)) {
            if (doc != null) {
                docs.add(JSON.valueToTree(doc));
            }
        }
        return docs;
    }
}
