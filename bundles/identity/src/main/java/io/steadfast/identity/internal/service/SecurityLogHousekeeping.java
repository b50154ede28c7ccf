package io.steadfast.identity.internal.service;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Housekeeping;

/** Deletes the security log's entries older than {@code securityLog.retentionDays}. */
@Component(service = Housekeeping.class)
public class SecurityLogHousekeeping implements Housekeeping {

    private final SecurityLog log;

    @Activate
    public SecurityLogHousekeeping(@Reference SecurityLog log) {
        this.log = log;
    }

    @Override
    public String description() {
        return "security log entries older than " + log.retention().toDays() + " days";
    }

    @Override
    public int clean(Instant now) {
        return log.clean(now);
    }
}
