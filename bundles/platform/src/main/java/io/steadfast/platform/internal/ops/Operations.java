package io.steadfast.platform.internal.ops;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.steadfast.api.ops.Check;
import io.steadfast.api.ops.Counter;

/**
 * Every {@link Check} and {@link Counter} the bundles register, as they come and go (whiteboard), for
 * {@code steadfast:doctor} and {@code steadfast:counts}.
 */
@Component(service = Operations.class)
public class Operations {

    private final List<Doctor.Entry> checks = new CopyOnWriteArrayList<>();
    private final List<Counter> counters = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(Check check, Map<String, Object> props) {
        Object r = props.get(Constants.SERVICE_RANKING);
        checks.add(new Doctor.Entry(check, r instanceof Integer i ? i : 0));
    }

    void removeCheck(Check check) {
        checks.removeIf(e -> e.check() == check);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCounter(Counter counter) {
        counters.add(counter);
    }

    void removeCounter(Counter counter) {
        counters.remove(counter);
    }

    /** The checks to run: of each name the highest-ranked, in the doctor's order. */
    public List<Check> checks() {
        return Doctor.winners(checks);
    }

    /** The counters, by name. */
    public List<Counter> counters() {
        return counters.stream()
                .sorted(Comparator.comparing(c -> {
                    try {
                        return c.name();
                    } catch (RuntimeException e) {
                        return "";
                    }
                }))
                .toList();
    }
}
