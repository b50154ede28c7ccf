package io.steadfast.storage.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.steadfast.storage.SchemaReady;
import io.steadfast.testsupport.TestPostgres;

/**
 * A migrated, empty database for a domain bundle's repository tests: a private in-memory H2 or a fresh schema on a
 * real PostgreSQL, migrated with the production runner ({@link Migrations}) for the given schemas (their
 * {@code db/<name>} folders on the test class path, in order), and a resource-local {@link JpaTemplate} over the
 * bundle's own persistence unit (its production {@code persistence.xml}, switched to resource-local).
 * Shipped in the storage bundle's test jar.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind {
        H2,
        POSTGRESQL
    }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private final String unit;
    private EntityManagerFactory emf;

    private TestDatabase(Kind kind, String url, String user, String password, DataSource ds, String unit) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataSource = ds;
        this.unit = unit;
    }

    /**
     * A database with {@code schemas} migrated (e.g. {@code "identity; legacy=2"}, {@code "habit"}: a schema
     * header each), for the persistence unit {@code unit} (may be null: no JPA).
     */
    public static TestDatabase create(Kind kind, String unit, String... schemas) {
        TestDatabase db;
        if (kind == Kind.H2) {
            String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            ds.setUser("sa");
            db = new TestDatabase(kind, url, "sa", "", ds, unit);
        } else {
            String url = TestPostgres.freshSchemaUrl();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser(TestPostgres.user());
            ds.setPassword(TestPostgres.password());
            db = new TestDatabase(kind, url, TestPostgres.user(), TestPostgres.password(), ds, unit);
        }
        for (String schema : schemas) {
            db.migrate(schema);
        }
        return db;
    }

    /** Migrates one more schema (a schema header, e.g. {@code "streak; requires=habit"}); returns its version. */
    public String migrate(String schemaHeader) {
        return Migrations.migrate(
                dataSource,
                SchemaDeclaration.parse(schemaHeader),
                Thread.currentThread().getContextClassLoader());
    }

    /** The {@link SchemaReady} a repository takes, for any migrated schema. */
    public SchemaReady ready() {
        return new SchemaReady() {
            @Override
            public String schema() {
                return "test";
            }

            @Override
            public String version() {
                return "1";
            }
        };
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public synchronized EntityManagerFactory emf() {
        if (emf == null) {
            Map<String, Object> p = new HashMap<>();
            p.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
            p.put("javax.persistence.jtaDataSource", "");
            p.put("javax.persistence.jdbc.url", url);
            p.put("javax.persistence.jdbc.user", user);
            p.put("javax.persistence.jdbc.password", password);
            p.put("javax.persistence.jdbc.driver", kind == Kind.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
            emf = Persistence.createEntityManagerFactory(unit, p);
        }
        return emf;
    }

    /** A resource-local stand-in for Aries JPA's template: one transaction per call, rolled back on exception. */
    public JpaTemplate jpa() {
        EntityManagerFactory factory = emf();
        return new JpaTemplate() {
            @Override
            public <R> R txExpr(TransactionType type, EmFunction<R> code) {
                EntityManager em = factory.createEntityManager();
                EntityTransaction tx = em.getTransaction();
                try {
                    tx.begin();
                    R r = code.apply(em);
                    tx.commit();
                    return r;
                } catch (RuntimeException e) {
                    if (tx.isActive()) {
                        tx.rollback();
                    }
                    throw e;
                } finally {
                    em.close();
                }
            }

            @Override
            public void tx(TransactionType type, EmConsumer code) {
                txExpr(type, em -> {
                    code.accept(em);
                    return null;
                });
            }

            @Override
            public <R> R txExpr(EmFunction<R> code) {
                return txExpr(TransactionType.Required, code);
            }

            @Override
            public void tx(EmConsumer code) {
                tx(TransactionType.Required, code);
            }
        };
    }

    @Override
    public void close() {
        if (emf != null) {
            emf.close();
        }
    }
}
