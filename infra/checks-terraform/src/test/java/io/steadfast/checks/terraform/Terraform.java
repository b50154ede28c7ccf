package io.steadfast.checks.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Terraform of {@code infra/terraform} as HashiCorp's HCL parser sees it: the JSON that
 * {@code scripts/hcl-to-json.mjs} (npm's {@code @cdktf/hcl2json}) wrote for each file in the
 * {@code generate-test-resources} phase. Blocks keep their file, so that a failing check names where to look.
 * Expressions are strings in Terraform's template syntax ({@code "${var.name}"}); literals are JSON values.
 */
final class Terraform {

    /** A block of the configuration: {@code resource "type" "name"}, {@code module "name"}, .... */
    record Block(String file, String kind, String type, String name, JsonNode body) {

        /** The folder of the file, relative to infra/terraform: the module or root the block belongs to. */
        String dir() {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? "" : file.substring(0, slash);
        }

        /** An attribute, or a missing node. */
        JsonNode get(String attribute) {
            return body.path(attribute);
        }

        /** The nested blocks of that name (HCL blocks are lists in the JSON). */
        List<JsonNode> blocks(String name) {
            List<JsonNode> found = new ArrayList<>();
            body.path(name).forEach(found::add);
            return found;
        }

        @Override
        public String toString() {
            return kind + " " + (type == null ? "" : type + ".") + name + " (" + file + ")";
        }
    }

    /** The modules under infra/terraform/modules. */
    static final List<String> MODULES = List.of(
            "network", "data", "compute", "edge", "observability", "pipeline", "bucket", "certificate", "steadfast");

    private static final Pattern VAR = Pattern.compile("^\\$\\{var\\.([A-Za-z0-9_]+)}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final List<String> files;
    private final Map<String, JsonNode> parsed;

    private Terraform(Path root, List<String> files, Map<String, JsonNode> parsed) {
        this.root = root;
        this.files = files;
        this.parsed = parsed;
    }

    /** Reads the parsed configuration (the system properties are set by the module's surefire configuration). */
    static Terraform load() {
        Path json = Path.of(System.getProperty("steadfast.terraform.json", "target/terraform-json"));
        Path root = Path.of(System.getProperty("steadfast.root", "../.."));
        try {
            List<String> files = Files.readAllLines(json.resolve("files.txt")).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
            Map<String, JsonNode> parsed = new LinkedHashMap<>();
            for (String f : files) {
                parsed.put(f, JSON.readTree(json.resolve(f + ".json").toFile()));
            }
            return new Terraform(root.toAbsolutePath().normalize(), files, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "No parsed Terraform in " + json + ": the hcl-to-json step (npm run parse) did not run", e);
        }
    }

    /** The repository's root folder. */
    Path repository() {
        return root;
    }

    /** infra/terraform. */
    Path terraformDir() {
        return root.resolve("infra/terraform");
    }

    /** Every parsed file, relative to infra/terraform. */
    List<String> files() {
        return files;
    }

    JsonNode json(String file) {
        return parsed.get(file);
    }

    /** {@code resource "type" "name"} blocks of every file. */
    List<Block> resources(String type) {
        return blocks("resource", type);
    }

    /** {@code data "type" "name"} blocks. */
    List<Block> data(String type) {
        return blocks("data", type);
    }

    /** {@code ephemeral "type" "name"} blocks. */
    List<Block> ephemerals(String type) {
        return blocks("ephemeral", type);
    }

    /** Every typed block of a kind (resource, data, ephemeral), whatever its type. */
    List<Block> all(String kind) {
        List<Block> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : parsed.entrySet()) {
            JsonNode byType = e.getValue().path(kind);
            for (Iterator<String> types = byType.fieldNames(); types.hasNext(); ) {
                found.addAll(typed(e.getKey(), kind, types.next(), byType));
            }
        }
        return found;
    }

    private List<Block> blocks(String kind, String type) {
        List<Block> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : parsed.entrySet()) {
            found.addAll(typed(e.getKey(), kind, type, e.getValue().path(kind)));
        }
        return found;
    }

    private static List<Block> typed(String file, String kind, String type, JsonNode byType) {
        List<Block> found = new ArrayList<>();
        JsonNode byName = byType.path(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = byName.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> named = it.next();
            for (JsonNode body : named.getValue()) {
                found.add(new Block(file, kind, type, named.getKey(), body));
            }
        }
        return found;
    }

    /** {@code module "name"} blocks (and {@code variable}, {@code output}: untyped kinds). */
    List<Block> untyped(String kind) {
        List<Block> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : parsed.entrySet()) {
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            e.getValue().path(kind).fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> named = it.next();
                for (JsonNode body : named.getValue()) {
                    found.add(new Block(e.getKey(), kind, null, named.getKey(), body));
                }
            }
        }
        return found;
    }

    List<Block> modules() {
        return untyped("module");
    }

    /** The {@code variable} block of a module or root folder. */
    Optional<Block> variable(String dir, String name) {
        return untyped("variable").stream()
                .filter(b -> b.dir().equals(dir) && b.name().equals(name))
                .findFirst();
    }

    /** A local value of a module or root folder. */
    JsonNode local(String dir, String name) {
        for (Map.Entry<String, JsonNode> e : parsed.entrySet()) {
            if (!dirOf(e.getKey()).equals(dir)) {
                continue;
            }
            for (JsonNode locals : e.getValue().path("locals")) {
                if (locals.has(name)) {
                    return locals.get(name);
                }
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The {@code terraform {}} blocks of a folder. */
    List<JsonNode> settings(String dir) {
        List<JsonNode> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : parsed.entrySet()) {
            if (dirOf(e.getKey()).equals(dir)) {
                e.getValue().path("terraform").forEach(found::add);
            }
        }
        return found;
    }

    /**
     * What a value can be when the configuration is applied from its roots: a literal is itself; {@code
     * "${var.x}"} is, for each {@code module} block that calls the folder, what that block passes for {@code x}
     * (followed the same way in the caller's folder) or the variable's default when it passes nothing; in a
     * folder no one calls (a root), the default. Anything else (an expression) is returned as it is.
     */
    List<JsonNode> possibleValues(String dir, JsonNode value) {
        Optional<String> variable = variableReference(value);
        if (variable.isEmpty()) {
            return List.of(value);
        }
        JsonNode fallback = variable(dir, variable.get())
                .map(v -> v.get("default"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        List<Block> callers = callers(dir);
        if (callers.isEmpty()) {
            return List.of(fallback);
        }
        List<JsonNode> values = new ArrayList<>();
        for (Block caller : callers) {
            JsonNode passed = caller.get(variable.get());
            values.addAll(passed.isMissingNode() ? List.of(fallback) : possibleValues(caller.dir(), passed));
        }
        return values;
    }

    /** The {@code module} blocks whose source is the folder. */
    List<Block> callers(String dir) {
        return modules().stream()
                .filter(m -> m.get("source").isTextual())
                .filter(m -> dir.equals(sourceDir(m)))
                .toList();
    }

    /** The folder a local module source names, relative to infra/terraform. */
    static String sourceDir(Block module) {
        Path base = Path.of(module.dir().isEmpty() ? "." : module.dir());
        return base.resolve(module.get("source").asText())
                .normalize()
                .toString()
                .replace('\\', '/');
    }

    /** The variable a value is exactly a reference to ({@code "${var.x}"}), if it is one. */
    static Optional<String> variableReference(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        Matcher m = VAR.matcher(value.asText());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a JSON value is an expression (a reference, a function call) rather than a literal. */
    static boolean isExpression(JsonNode value) {
        return value.isTextual() && value.asText().contains("${");
    }

    static String dirOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }
}
