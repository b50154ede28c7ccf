package io.steadfast.platform.internal.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.reminder.spi.ReminderChannel;

/**
 * The plugins of a running server, for {@code steadfast:plugins}: every habit type and channel type registered as a
 * service (the built-in ones too), with the bundle that registered it; of two services with one key the first
 * registered serves and the other is marked ignored, as the habit and delivery bundles do. And the bundles that
 * would add types but are not running (a stopped plugin).
 */
public final class Plugins {

    static final String HABIT_TYPE = "habit type";
    static final String CHANNEL_TYPE = "channel type";

    private Plugins() {}

    /** A type service and its bundle. */
    public record Registration(
            String kind, String key, String name, long serviceId, String bundle, String version, String state) {}

    /** A row of the listing: a registration and what became of it ({@code serves}, or why not). */
    public record Row(Registration registration, String note) {}

    /** A bundle that imports a plugin SPI but is not running. */
    public record Stopped(String bundle, String version, String state) {}

    /** The rows: by kind and key, the first registered of each key serving. Plain Java. */
    public static List<Row> rows(List<Registration> registrations) {
        List<Registration> sorted = new ArrayList<>(registrations);
        sorted.sort(Comparator.comparing(Registration::kind)
                .thenComparing(Registration::key)
                .thenComparingLong(Registration::serviceId));
        Set<String> taken = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (Registration r : sorted) {
            boolean first = taken.add(r.kind() + "/" + r.key());
            out.add(new Row(r, first ? "serves" : "ignored: another " + r.kind() + " has the key " + r.key()));
        }
        return out;
    }

    /** Every habit type and channel type service now. */
    public static List<Registration> registrations(BundleContext context) {
        List<Registration> out = new ArrayList<>();
        collect(context, HabitType.class, HABIT_TYPE, out);
        collect(context, ReminderChannel.class, CHANNEL_TYPE, out);
        return out;
    }

    private static <T> void collect(BundleContext context, Class<T> type, String kind, List<Registration> out) {
        java.util.Collection<ServiceReference<T>> refs;
        try {
            refs = context.getServiceReferences(type, null);
        } catch (InvalidSyntaxException impossible) {
            return;
        }
        for (ServiceReference<T> ref : refs) {
            T service = context.getService(ref);
            if (service == null) {
                continue; // went away meanwhile
            }
            try {
                String key;
                String name;
                if (service instanceof HabitType h) {
                    key = h.key();
                    name = h.name();
                } else {
                    ReminderChannel c = (ReminderChannel) service;
                    key = c.key();
                    name = c.name();
                }
                Bundle b = ref.getBundle();
                out.add(new Registration(
                        kind,
                        key,
                        name,
                        (Long) ref.getProperty(org.osgi.framework.Constants.SERVICE_ID),
                        b == null ? "?" : b.getSymbolicName(),
                        b == null ? "?" : b.getVersion().toString(),
                        b == null ? "gone" : state(b.getState())));
            } catch (RuntimeException broken) {
                // a plugin whose key() fails is not listed: the registries cannot use it either
            } finally {
                context.ungetService(ref);
            }
        }
    }

    /** The bundles that import a plugin SPI package and are not active: plugins that would add types if started. */
    public static List<Stopped> stopped(BundleContext context) {
        Set<String> spis = Set.of(HabitType.class.getPackageName(), ReminderChannel.class.getPackageName());
        List<Stopped> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE || b.getHeaders("").get("Fragment-Host") != null) {
                continue;
            }
            BundleWiring wiring = b.adapt(BundleWiring.class);
            boolean imports = false;
            if (wiring != null) {
                for (BundleWire w : wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
                    imports |= spis.contains(
                            String.valueOf(w.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE)));
                }
            } else {
                String imported = b.getHeaders("").get(org.osgi.framework.Constants.IMPORT_PACKAGE);
                imports = imported != null && spis.stream().anyMatch(imported::contains);
            }
            if (imports) {
                out.add(new Stopped(b.getSymbolicName(), b.getVersion().toString(), state(b.getState())));
            }
        }
        out.sort(Comparator.comparing(Stopped::bundle));
        return out;
    }

    static String state(int state) {
        switch (state) {
            case Bundle.ACTIVE:
                return "Active";
            case Bundle.RESOLVED:
                return "Resolved (stopped)";
            case Bundle.INSTALLED:
                return "Installed (not resolved)";
            case Bundle.STARTING:
                return "Starting";
            case Bundle.STOPPING:
                return "Stopping";
            default:
                return "Uninstalled";
        }
    }
}
