package io.steadfast.storage.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuietConstraintLogTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger root = Logger.getLogger("org.eclipse.persistence");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        root.removeHandler(capture);
    }

    private static SessionLogEntry entry(Throwable t) {
        SessionLogEntry e = new SessionLogEntry(null, SessionLog.WARNING, SessionLog.SQL, t);
        return e;
    }

    @Test
    void aDuplicateKeyIsNotLoggedAnythingElseIs() {
        QuietConstraintLog log = new QuietConstraintLog();
        log.log(entry(new RuntimeException("wrapped", new SQLException("duplicate key value", "23505"))));
        assertThat(records).as("a handled duplicate key").isEmpty();
        log.log(entry(new RuntimeException("wrapped", new SQLException("connection refused", "08001"))));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getThrown()).hasRootCauseMessage("connection refused");
    }
}
