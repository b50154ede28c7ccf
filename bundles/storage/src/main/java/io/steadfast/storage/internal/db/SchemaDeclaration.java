package io.steadfast.storage.internal.db;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bundle's {@code Steadfast-Schema} header, parsed: {@code name; requires="a,b"; legacy=3}. Plain Java.
 *
 * @param name the schema's name (lower case letters, digits and underscores)
 * @param requires schemas that must be migrated first (foreign keys into them)
 * @param legacy the version of the 0.1 shared history that created this schema's version 1, or 0
 */
public record SchemaDeclaration(String name, Set<String> requires, int legacy) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    /** Parses a header value; throws {@link IllegalArgumentException} saying what is wrong. */
    public static SchemaDeclaration parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("empty Steadfast-Schema header");
        }
        String[] parts = header.split(";");
        String name = parts[0].trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name '" + name + "' must be lower case letters, digits, _");
        }
        Set<String> requires = new LinkedHashSet<>();
        int legacy = 0;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + p + "' in the schema header of " + name + " needs a value");
            }
            String key = p.substring(0, eq).trim().replace(":", "");
            String value = p.substring(eq + 1).trim().replace("\"", "");
            switch (key) {
                case "requires" -> {
                    for (String r : value.split(",")) {
                        if (!r.isBlank()) {
                            requires.add(r.trim());
                        }
                    }
                }
                case "legacy" -> legacy = Integer.parseInt(value);
                default -> throw new IllegalArgumentException(
                        "unknown attribute '" + key + "' in the schema header of " + name);
            }
        }
        return new SchemaDeclaration(name, Set.copyOf(requires), legacy);
    }
}
