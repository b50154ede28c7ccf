package io.steadfast.delivery.internal.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.storage.SchemaReady;

/** How many deliveries the outbox holds that are not sent or failed yet, by status (for the metrics). */
@Component(service = JpaDeliveryBacklog.class)
public class JpaDeliveryBacklog {

    private final JpaTemplate jpa;

    @Activate
    public JpaDeliveryBacklog(
            @Reference(target = DeliveryPersistence.JPA) JpaTemplate jpa,
            @Reference(target = DeliveryPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    /** Pending (due now or later, or being sent) and waiting (for their channel type) deliveries. */
    public Map<String, Long> byStatus() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Long> counts = new HashMap<>(Map.of(Delivery.PENDING, 0L, Delivery.WAITING, 0L));
            List<Object[]> rows = em.createQuery(
                            "SELECT d.status, COUNT(d) FROM Delivery d WHERE d.status IN :s GROUP BY d.status",
                            Object[].class)
                    .setParameter("s", List.of(Delivery.PENDING, Delivery.WAITING))
                    .getResultList();
            for (Object[] r : rows) {
                counts.put((String) r[0], ((Number) r[1]).longValue());
            }
            return counts;
        });
    }
}
