-- The security log of each account: sign-ins and failed ones, locks, password and e-mail changes, resets, tokens
-- and sessions made and ended, role changes. With the client's address and user agent where there was a request;
-- never a secret. Kept for securityLog.retentionDays (90), then deleted by the housekeeping; deleted with the account.

CREATE TABLE security_event (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    user_id        CHAR(36)     NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    client_address VARCHAR(64),
    user_agent     VARCHAR(200),
    detail         VARCHAR(200),
    created_at     TIMESTAMP    NOT NULL,
    CONSTRAINT fk_security_event_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX ix_security_event_user_time ON security_event (user_id, created_at);

CREATE INDEX ix_security_event_time ON security_event (created_at);
