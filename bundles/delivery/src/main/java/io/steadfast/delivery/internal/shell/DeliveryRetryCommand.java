package io.steadfast.delivery.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.steadfast.api.error.DomainException;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.service.DeliveryAdmin;

@Service
@Command(
        scope = "steadfast",
        name = "delivery-retry",
        description = "Sends a failed delivery again, now: it becomes pending with its attempts from 0, and the first "
                + "node whose dispatcher claims it sends it, once (a second retry of the same delivery is refused). "
                + "Fix what made it fail first (the channel's address or URL, the SMTP server). Tab completes the "
                + "newest failed ones; steadfast:deliveries --status failed lists them.")
public class DeliveryRetryCommand implements Action {

    @Reference
    DeliveryAdmin deliveries;

    @Argument(index = 0, name = "id", required = true, description = "The failed delivery's id")
    @Completion(FailedDeliveryCompleter.class)
    String id;

    @Override
    public Object execute() {
        UUID delivery;
        try {
            delivery = UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a delivery id: " + id);
        }
        try {
            Delivery d = deliveries.retry(delivery);
            // (not its status now: a dispatcher may have sent it already)
            return "Delivery " + d.id() + " (" + d.type() + ") is pending again and goes out now, once, from "
                    + "whichever node claims it first; steadfast:deliveries shows how it went";
        } catch (DomainException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
