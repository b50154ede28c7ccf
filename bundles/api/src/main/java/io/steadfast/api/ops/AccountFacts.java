package io.steadfast.api.ops;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a bundle knows about one account, for the operator's {@code steadfast:user}: a few labelled facts from the
 * bundle's own data (the habit bundle: how many habits, the last check-in). Registered as an OSGi service by the
 * bundle that owns the data.
 */
@ConsumerType
public interface AccountFacts {

    /**
     * The facts about the account, in the order to show them; empty when the bundle keeps nothing for it. Returns
     * within a few seconds and never throws (a fact may say it could not be read).
     */
    List<Fact> about(UUID userId);

    /**
     * One fact.
     *
     * @param label a short label, e.g. {@code Habits}
     * @param value the value in words, e.g. {@code 3 (1 archived)}; never a secret
     */
    record Fact(String label, String value) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
