package io.steadfast.metrics.internal.rest;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.ws.rs.Path;

/**
 * The route template a request was served by, as its {@code uri} tag: {@code /api/v1/habits/{id}/checkins/{date}},
 * never the path as sent (a tag per habit id would grow without bound). Read from the matched resource method's
 * {@code @Path}s (on the class or an interface it implements), remembered per method. A request no resource method
 * answered is {@code NOT_FOUND} (a 404) or {@code UNMATCHED} (refused before matching: a wrong method, a body too
 * large, a preflight). Plain Java.
 */
final class RouteTemplates {

    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNMATCHED = "UNMATCHED";

    /** {@code {name: regex}} → {@code {name}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::(?:[^{}]|\\{[^{}]*\\})*)?}");

    private final String base;
    private final Map<Method, String> byMethod = new ConcurrentHashMap<>();

    /** Templates under {@code base} (the application's path, such as {@code /api}). */
    RouteTemplates(String base) {
        this.base = base;
    }

    /** The template of the matched method, or what stands for none. */
    String of(Class<?> resource, Method method, int status) {
        if (resource == null || method == null) {
            return status == 404 ? NOT_FOUND : UNMATCHED;
        }
        return byMethod.computeIfAbsent(method, m -> template(resource, m));
    }

    private String template(Class<?> resource, Method m) {
        Path classPath = classPath(resource);
        Path methodPath = annotation(resource, m);
        String t = (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value());
        return normalize(base + "/" + VARIABLE.matcher(t).replaceAll("{$1}"));
    }

    private static Path classPath(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            Path p = k.getAnnotation(Path.class);
            if (p != null) {
                return p;
            }
            for (Class<?> i : k.getInterfaces()) {
                if (i.getAnnotation(Path.class) != null) {
                    return i.getAnnotation(Path.class);
                }
            }
        }
        return null;
    }

    private static Path annotation(Class<?> c, Method m) {
        Path p = m.getAnnotation(Path.class);
        if (p != null) {
            return p;
        }
        for (Class<?> i : c.getInterfaces()) {
            try {
                p = i.getMethod(m.getName(), m.getParameterTypes()).getAnnotation(Path.class);
                if (p != null) {
                    return p;
                }
            } catch (NoSuchMethodException notThere) {
                // not declared by this interface
            }
        }
        return null;
    }

    /** {@code /api//v1/habits/} is {@code /api/v1/habits}. */
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
}
