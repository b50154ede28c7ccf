package io.steadfast.checks.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository the checks read: its deployment files, and the environment variables the product reads. */
final class Repository {

    private static final Pattern JAVA_LITERAL = Pattern.compile("\"(STEADFAST_[A-Z0-9_]+)\"");
    private static final Pattern CONFIG_ENV = Pattern.compile("\\$\\[env:(STEADFAST_[A-Z0-9_]+)");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?(STEADFAST_[A-Z0-9_]+)");

    private Repository() {}

    static Path root() {
        String configured = System.getProperty("steadfast.repository");
        Path root = configured == null
                ? Path.of("").toAbsolutePath().getParent().getParent()
                : Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("infra/compose/compose.yaml"))) {
            throw new IllegalStateException("not the Steadfast repository: " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every {@code STEADFAST_*} environment variable the product reads: string literals in the bundles' main code
     * ({@code System.getenv}), {@code $[env:...]} in the distribution's configuration and the features, and the
     * variables of the distribution's scripts ({@code bin/setenv}: {@code STEADFAST_HEAP}, {@code
     * STEADFAST_LOG_FORMAT}).
     */
    static Set<String> steadfastVariables() {
        Set<String> names = new TreeSet<>();
        Path root = root();
        try (Stream<Path> files = Files.walk(root.resolve("bundles"))) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .forEach(p -> collect(JAVA_LITERAL, p, names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.list(root.resolve("assembly/src/main/resources/assembly/etc"))) {
            files.filter(p -> p.toString().endsWith(".cfg")).forEach(p -> collect(CONFIG_ENV, p, names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collect(CONFIG_ENV, root.resolve("features/src/main/feature/feature.xml"), names);
        try (Stream<Path> files = Files.list(root.resolve("assembly/src/main/resources/assembly/bin"))) {
            files.filter(Files::isRegularFile).forEach(p -> collect(SHELL_VARIABLE, p, names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void collect(Pattern pattern, Path file, Set<String> into) {
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            while (m.find()) {
                into.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
