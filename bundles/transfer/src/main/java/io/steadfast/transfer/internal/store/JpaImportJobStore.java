package io.steadfast.transfer.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.SchemaReady;
import io.steadfast.transfer.internal.domain.ImportJob;

/**
 * Imports in portable SQL (PostgreSQL and H2). Leases are in the database's own time ({@code LOCALTIMESTAMP}), so
 * nodes agree on them whatever their clocks; a claim is one conditional update, so of two nodes one wins.
 */
@Component(service = ImportJobStore.class)
public class JpaImportJobStore implements ImportJobStore {

    /** The longest text of the warnings column. */
    static final int WARNINGS_MAX = 20_000;

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public JpaImportJobStore(
            @Reference(target = TransferPersistence.JPA) JpaTemplate jpa,
            @Reference(target = TransferPersistence.SCHEMA) SchemaReady schema,
            @Reference Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public void create(ImportJob j) {
        jpa.tx(TransactionType.Required, em -> {
            ImportJobEntity e = new ImportJobEntity();
            e.id = j.id().toString();
            e.userId = j.userId().toString();
            e.status = j.status();
            e.format = j.format();
            e.fileKey = j.fileKey();
            e.fileName = j.fileName();
            e.fileSize = j.fileSize();
            e.total = j.total();
            e.warnings = warnings(j.warnings());
            e.createdAt = toDb(j.createdAt());
            e.updatedAt = toDb(j.updatedAt());
            em.persist(e);
        });
    }

    @Override
    public Optional<ImportJob> find(UUID userId, UUID id) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT j FROM ImportJob j WHERE j.id = :id AND j.userId = :u", ImportJobEntity.class)
                .setParameter("id", id.toString())
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaImportJobStore::row));
    }

    @Override
    public List<ImportJob> list(UUID userId, int max) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT j FROM ImportJob j WHERE j.userId = :u ORDER BY j.createdAt DESC",
                        ImportJobEntity.class)
                .setParameter("u", userId.toString())
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(JpaImportJobStore::row)
                .collect(Collectors.toList()));
    }

    @Override
    public Optional<ImportJob> claim(String node, Duration lease) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<?> candidates = em.createNativeQuery("SELECT id FROM import_job WHERE status = 'queued' OR (status = "
                            + "'running' AND (claimed_until IS NULL OR claimed_until < LOCALTIMESTAMP)) ORDER BY "
                            + "created_at")
                    .setMaxResults(5)
                    .getResultList();
            for (Object id : candidates) {
                int won = em.createNativeQuery("UPDATE import_job SET status = 'running', claimed_by = ?, "
                                + "claimed_until = LOCALTIMESTAMP + INTERVAL '" + lease.toSeconds() + "' SECOND, "
                                + "attempts = attempts + 1, updated_at = ? WHERE id = ? AND (status = 'queued' OR "
                                + "(status = 'running' AND (claimed_until IS NULL OR claimed_until < LOCALTIMESTAMP)))")
                        .setParameter(1, node)
                        .setParameter(2, toDb(clock.instant()))
                        .setParameter(3, id.toString().trim())
                        .executeUpdate();
                if (won == 1) {
                    ImportJobEntity e =
                            em.find(ImportJobEntity.class, id.toString().trim());
                    em.refresh(e);
                    return Optional.of(row(e));
                }
            }
            return Optional.<ImportJob>empty();
        });
    }

    @Override
    public boolean progress(UUID id, String node, Duration lease, int done, int habits, int checkins) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createNativeQuery("UPDATE import_job SET done = ?, habits = ?, checkins = ?, updated_at = ?, "
                                        + "claimed_until = LOCALTIMESTAMP + INTERVAL '" + lease.toSeconds()
                                        + "' SECOND WHERE id = ? AND claimed_by = ? AND status = 'running'")
                                .setParameter(1, done)
                                .setParameter(2, habits)
                                .setParameter(3, checkins)
                                .setParameter(4, toDb(clock.instant()))
                                .setParameter(5, id.toString())
                                .setParameter(6, node)
                                .executeUpdate()
                        == 1);
    }

    @Override
    public boolean finish(
            UUID id,
            String node,
            String status,
            int done,
            int habits,
            int checkins,
            int skipped,
            int photos,
            List<String> warnings,
            String error) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createNativeQuery(
                                        "UPDATE import_job SET status = ?, done = ?, habits = ?, checkins = ?, skipped = ?, "
                                                + "photos = ?, warnings = ?, error = ?, file_key = NULL, claimed_by = NULL, "
                                                + "claimed_until = NULL, updated_at = ?, finished_at = ? WHERE id = ? AND "
                                                + "claimed_by = ? AND status = 'running'")
                                .setParameter(1, status)
                                .setParameter(2, done)
                                .setParameter(3, habits)
                                .setParameter(4, checkins)
                                .setParameter(5, skipped)
                                .setParameter(6, photos)
                                .setParameter(7, warnings(warnings))
                                .setParameter(8, error == null ? null : truncate(error, 2000))
                                .setParameter(9, toDb(clock.instant()))
                                .setParameter(10, toDb(clock.instant()))
                                .setParameter(11, id.toString())
                                .setParameter(12, node)
                                .executeUpdate()
                        == 1);
    }

    @Override
    public long unfinished(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(j) FROM ImportJob j WHERE j.userId = :u AND j.status IN ('queued', 'running')",
                        Long.class)
                .setParameter("u", userId.toString())
                .getSingleResult());
    }

    private static String warnings(List<String> warnings) {
        if (warnings == null || warnings.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : warnings) {
            String line = w.replace('\n', ' ');
            if (sb.length() + line.length() + 1 > WARNINGS_MAX) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(line);
        }
        return sb.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static ImportJob row(ImportJobEntity e) {
        return new ImportJob(
                UUID.fromString(e.id.trim()),
                UUID.fromString(e.userId.trim()),
                e.status,
                e.format,
                e.fileKey,
                e.fileName,
                e.fileSize,
                e.total,
                e.done,
                e.habits,
                e.checkins,
                e.skipped,
                e.photos,
                e.warnings == null ? List.of() : Arrays.asList(e.warnings.split("\n")),
                e.error,
                e.attempts,
                fromDb(e.createdAt),
                fromDb(e.updatedAt),
                e.finishedAt == null ? null : fromDb(e.finishedAt));
    }
}
