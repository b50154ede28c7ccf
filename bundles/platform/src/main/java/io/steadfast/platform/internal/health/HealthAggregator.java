package io.steadfast.platform.internal.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

/**
 * Collects health indicators and builds the health document. When several indicators report the same component,
 * the highest service ranking wins. Plain Java.
 */
public final class HealthAggregator {

    /** A registered indicator with its service ranking. */
    record Entry(HealthIndicator indicator, int ranking) {}

    /** One component's result in the document. */
    public record ServiceHealth(String status, String message) {}

    /** The health document. */
    public record Report(String status, Map<String, ServiceHealth> services) {

        public boolean healthy() {
            return "healthy".equals(status);
        }

        /** What anyone may see: the status and how many checks pass, naming no part. */
        public Summary summary() {
            int ok = 0;
            for (ServiceHealth s : services.values()) {
                ok += "healthy".equals(s.status()) ? 1 : 0;
            }
            return new Summary(status, ok, services.size() - ok);
        }
    }

    /** The health document without details, for callers that are not admins. */
    public record Summary(String status, int healthy, int unhealthy) {}

    /** Components that must report for the node to be healthy; missing ones are "starting". */
    public static final List<String> REQUIRED = List.of("api", "cache", "database");

    /** Of those, the ones that must report for the node to be ready. */
    public static final List<String> REQUIRED_FOR_READINESS = List.of("api", "database");

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public void add(HealthIndicator indicator, int ranking) {
        entries.add(new Entry(indicator, ranking));
    }

    public void remove(HealthIndicator indicator) {
        entries.removeIf(e -> e.indicator() == indicator);
    }

    /** Every component's health; healthy when all are. */
    public Report full() {
        return report(false);
    }

    /** Only the components needed to serve requests (the database with its migrations). */
    public Report readiness() {
        return report(true);
    }

    private Report report(boolean readinessOnly) {
        Map<String, Entry> winners = new TreeMap<>();
        for (Entry e : entries) {
            String component;
            try {
                component = e.indicator().component();
            } catch (RuntimeException ex) {
                continue;
            }
            winners.merge(component, e, (a, b) -> a.ranking() >= b.ranking() ? a : b);
        }
        List<Map.Entry<String, Entry>> chosen = new ArrayList<>(winners.entrySet());
        chosen.sort(Comparator.comparing(Map.Entry::getKey));
        Map<String, ServiceHealth> services = new LinkedHashMap<>();
        boolean healthy = true;
        for (Map.Entry<String, Entry> c : chosen) {
            HealthIndicator indicator = c.getValue().indicator();
            if (readinessOnly && !indicator.requiredForReadiness()) {
                continue;
            }
            HealthStatus s;
            try {
                s = indicator.check();
            } catch (RuntimeException ex) {
                s = HealthStatus.unhealthy("check failed: " + ex.getClass().getSimpleName());
            }
            if (s == null) {
                s = HealthStatus.unhealthy("no answer");
            }
            healthy &= s.healthy();
            services.put(c.getKey(), new ServiceHealth(s.status(), s.message()));
        }
        for (String required : REQUIRED) {
            if (!services.containsKey(required) && (!readinessOnly || REQUIRED_FOR_READINESS.contains(required))) {
                services.put(required, new ServiceHealth("unhealthy", "starting"));
                healthy = false;
            }
        }
        return new Report(healthy ? "healthy" : "unhealthy", services);
    }
}
