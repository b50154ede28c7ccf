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

import io.steadfast.testsupport.TestPostgres;

/**
 * A migrated, empty database for a test: a private in-memory H2 or a fresh schema on a real PostgreSQL, with a
 * resource-local {@link JpaTemplate} over the same entities as production.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private EntityManagerFactory emf;

    private TestDatabase(Kind kind, String url, String user, String password, DataSource ds) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataSource = ds;
    }

    public static TestDatabase create(Kind kind) {
        TestDatabase db;
        if (kind == Kind.H2) {
            String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            ds.setUser("sa");
            db = new TestDatabase(kind, url, "sa", "", ds);
        } else {
            String url = TestPostgres.freshSchemaUrl();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser(TestPostgres.user());
            ds.setPassword(TestPostgres.password());
            db = new TestDatabase(kind, url, TestPostgres.user(), TestPostgres.password(), ds);
        }
        Migrations.migrate(db.dataSource);
        return db;
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
            p.put("javax.persistence.jdbc.url", url);
            p.put("javax.persistence.jdbc.user", user);
            p.put("javax.persistence.jdbc.password", password);
            p.put("javax.persistence.jdbc.driver", kind == Kind.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
            emf = Persistence.createEntityManagerFactory("steadfast-test", p);
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
