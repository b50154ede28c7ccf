package io.steadfast.storage.jpa;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;

/**
 * A persistence unit's session customizer ({@code eclipselink.session.customizer} in {@code persistence.xml}): a
 * query whose connection was lost fails at once instead of EclipseLink retrying it three times, 5 s apart, on the
 * request thread — so a request while the database is out of reach answers 503 in seconds, not after 20, and the
 * client (or its load balancer) retries when it is back.
 */
public class FailFastSessions implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        Login login = session.getDatasourceLogin();
        if (login instanceof DatabaseLogin db) {
            db.setQueryRetryAttemptCount(0);
            db.setDelayBetweenConnectionAttempts(0);
            db.setConnectionHealthValidatedOnError(true);
        }
    }
}
