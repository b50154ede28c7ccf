package io.steadfast.platform.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

/**
 * The methods that answer at a path of the API, read from the resource classes' JAX-RS annotations: what {@code
 * OPTIONS} and a 405 list in {@code Allow}: the methods of every URI template that matches the whole path (the
 * runtime dispatches a method to any of them — {@code GET /v1/habits/order} reaches {@code /v1/habits/{id}} and
 * answers 404, not 405), and no method of a resource that only shares a prefix. {@code HEAD} comes with {@code
 * GET}, {@code OPTIONS} always. Plain Java.
 */
public final class RouteTable {

    /** One URI template and the HTTP methods of its resource methods. */
    record Route(String template, Pattern pattern, int literals, int variables, Set<String> methods) {}

    private static final Pattern VARIABLE =
            Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})*))?}");

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes;
    }

    public static RouteTable empty() {
        return new RouteTable(List.of());
    }

    /** The table of these resource classes (their {@code @Path}s relative to the application). */
    public static RouteTable of(Collection<Class<?>> resources) {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Class<?> c : resources) {
            Path classPath = c.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getMethods()) {
                String http = httpMethod(c, m);
                if (http == null) {
                    continue;
                }
                Path methodPath = annotation(c, m, Path.class);
                String t = normalize(classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()));
                byTemplate.computeIfAbsent(t, k -> new TreeSet<>()).add(http);
            }
        }
        List<Route> list = new ArrayList<>();
        byTemplate.forEach((t, methods) -> list.add(route(t, methods)));
        list.sort(Comparator.comparingInt(Route::literals)
                .thenComparingInt(Route::variables)
                .reversed());
        return new RouteTable(List.copyOf(list));
    }

    /**
     * The {@code Allow} value for a path relative to the application ({@code /v1/habits}), empty when no resource
     * answers there.
     */
    public Set<String> allowed(String path) {
        String p = normalize(path == null ? "" : path);
        Set<String> allow = new TreeSet<>();
        for (Route r : routes) {
            if (r.pattern().matcher(p).matches()) {
                allow.addAll(r.methods());
            }
        }
        if (allow.isEmpty()) {
            return Set.of();
        }
        if (allow.contains("GET")) {
            allow.add("HEAD");
        }
        allow.add("OPTIONS");
        return allow;
    }

    /** The {@code Allow} header's text, in a stable order. */
    public static String header(Set<String> methods) {
        return String.join(", ", methods);
    }

    static Route route(String template, Set<String> methods) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        int literals = 0;
        int variables = 0;
        while (m.find()) {
            String literal = template.substring(last, m.start());
            literals += literal.length();
            regex.append(Pattern.quote(literal));
            String custom = m.group(2);
            regex.append('(')
                    .append(custom == null || custom.isBlank() ? "[^/]+" : custom.trim())
                    .append(')');
            variables++;
            last = m.end();
        }
        String tail = template.substring(last);
        literals += tail.length();
        if (!tail.isEmpty()) {
            regex.append(Pattern.quote(tail));
        }
        return new Route(template, Pattern.compile(regex.toString()), literals, variables, Set.copyOf(methods));
    }

    /** {@code /v1//habits/} and {@code v1/habits} are both {@code /v1/habits}. */
    static String normalize(String path) {
        String p = path.replaceAll("/{2,}", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String httpMethod(Class<?> c, Method m) {
        for (Method candidate : declarations(c, m)) {
            for (Annotation a : candidate.getAnnotations()) {
                HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
                if (h != null) {
                    return h.value();
                }
            }
        }
        return null;
    }

    private static <A extends Annotation> A annotation(Class<?> c, Method m, Class<A> type) {
        for (Method candidate : declarations(c, m)) {
            A a = candidate.getAnnotation(type);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** The method and the methods it implements (JAX-RS annotations may sit on an interface). */
    private static List<Method> declarations(Class<?> c, Method m) {
        List<Method> all = new ArrayList<>();
        all.add(m);
        for (Class<?> i : c.getInterfaces()) {
            try {
                all.add(i.getMethod(m.getName(), m.getParameterTypes()));
            } catch (NoSuchMethodException notThere) {
                // not declared by this interface
            }
        }
        return all;
    }
}
