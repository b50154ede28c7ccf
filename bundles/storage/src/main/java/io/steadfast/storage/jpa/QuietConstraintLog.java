package io.steadfast.storage.jpa;

import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.storage.Rows;

/**
 * EclipseLink's session log (the {@code JavaLogger} every persistence unit used), except for one thing: an
 * integrity-constraint violation (SQLSTATE class 23, such as a duplicate key) is not logged with its stack trace.
 * EclipseLink logs every SQL exception it throws, before the application sees it; a duplicate key is expected where
 * two requests race for one row (two increments with one {@code Idempotency-Key}, two registrations of one email),
 * and the repositories handle it (retry, replay, 409). A violation no one handles still reaches the application
 * as an exception and is logged there, with its request id and stack trace, by the web layer's last exception
 * mapper; every other EclipseLink message is logged as before.
 */
public class QuietConstraintLog extends JavaLog {

    private static final Logger LOG = LoggerFactory.getLogger(QuietConstraintLog.class);

    @Override
    public void log(SessionLogEntry entry) {
        if (entry.hasException() && Rows.isConstraintViolation(entry.getException())) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("A constraint refused a write (the caller handles it): {}", firstLine(entry.getException()));
            }
            return;
        }
        super.log(entry);
    }

    static String firstLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
