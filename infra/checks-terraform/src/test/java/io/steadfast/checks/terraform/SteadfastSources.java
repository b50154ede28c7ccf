package io.steadfast.checks.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the product itself says, read from its sources, so that the infrastructure cannot drift from it. */
final class SteadfastSources {

    private static final Pattern JAVA_LITERAL = Pattern.compile("\"(STEADFAST_[A-Z0-9_]+)\"");
    private static final Pattern CONFIG_ENV = Pattern.compile("\\$\\[env:(STEADFAST_[A-Z0-9_]+)");
    private static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?(STEADFAST_[A-Z0-9_]+)");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private SteadfastSources() {}

    /**
     * Every STEADFAST_* environment variable the product reads: string literals in the bundles' main Java sources
     * (System.getenv), {@code $[env:...]} in the distribution's etc/*.cfg and the feature's configurations, and
     * the variables of bin/setenv and bin/container.
     */
    static Set<String> environmentVariables(Path root) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> java = Files.walk(root.resolve("bundles"))) {
            for (Path p : java.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().replace('\\', '/').contains("/src/main/java/"))
                    .toList()) {
                collect(JAVA_LITERAL, Files.readString(p), names);
            }
            try (Stream<Path> cfg = Files.list(root.resolve("assembly/src/main/resources/assembly/etc"))) {
                for (Path p : cfg.filter(f -> f.toString().endsWith(".cfg")).toList()) {
                    collect(CONFIG_ENV, Files.readString(p), names);
                }
            }
            collect(CONFIG_ENV, Files.readString(root.resolve("features/src/main/feature/feature.xml")), names);
            for (String script : List.of("setenv", "container")) {
                collect(
                        SHELL_VAR,
                        Files.readString(root.resolve("assembly/src/main/resources/assembly/bin/" + script)),
                        names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The web app's Content-Security-Policy as its servlet sends it (web: WebRules.CSP). */
    static String webContentSecurityPolicy(Path root) {
        String source = read(root.resolve("web/src/main/java/io/steadfast/web/internal/WebRules.java"));
        int start = source.indexOf("static final String CSP =");
        int end = source.indexOf("\";", start) + 1;
        StringBuilder csp = new StringBuilder();
        Matcher m = STRING.matcher(source.substring(start, end));
        while (m.find()) {
            csp.append(m.group(1));
        }
        return csp.toString();
    }

    /** A {@code public static final} constant of the image's description (infra/image: SteadfastImage). */
    static String imageConstant(Path root, String name) {
        String source = read(root.resolve("infra/image/src/main/java/io/steadfast/image/SteadfastImage.java"));
        Matcher m = Pattern.compile("public static final \\w+ " + name + "\\s*=\\s*([^;]+);")
                .matcher(source);
        if (!m.find()) {
            throw new AssertionError("SteadfastImage has no constant " + name);
        }
        return m.group(1).trim();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
