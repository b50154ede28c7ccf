package io.steadfast.habit.internal.service;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What the services say after a write committed: the stores recorded the change in the outbox with the write
 * itself; this only tells the {@link ChangeDispatcher} to deliver it now rather than at its next poll.
 */
@Component(service = HabitChanges.class)
public class HabitChanges {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ChangeDispatcher dispatcher;

    /** A write that recorded changes has committed. */
    void committed() {
        ChangeDispatcher d = dispatcher;
        if (d != null) {
            d.wake();
        }
    }
}
