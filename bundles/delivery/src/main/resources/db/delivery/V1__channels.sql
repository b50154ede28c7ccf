-- A user's notification channels: a type (a plugin's ReminderChannel key), a name, the configuration as JSON
-- (secrets included: it is the user's own, shown back masked; secret_fields names them, for when the type is not
-- running), enabled or turned off (by the user, an unsubscribe
-- link, or the server after days of failures: disabled_reason says which).
CREATE TABLE channel (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    user_id         CHAR(36)      NOT NULL,
    type            VARCHAR(50)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    config          VARCHAR(8000) NOT NULL,
    secret_fields   VARCHAR(400),
    enabled         BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(300),
    failing_since   TIMESTAMP,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT fk_channel_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_channel_user ON channel (user_id);

-- The outbox of messages for channels, and the user's delivery log: one row per message and channel (dedupe_key
-- makes a message queued again a no-op), pending until a node claims it (claimed_by, claimed_until: a lease on the
-- platform clock, with the claim token as fence), then sent, or retried at next_at with back-off, or failed; waiting
-- while the channel's type is not running. unsubscribe_hash: the SHA-256 of the link in the message that turns the
-- channel off.
CREATE TABLE delivery (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    user_id          CHAR(36)      NOT NULL,
    channel_id       CHAR(36)      NOT NULL,
    dedupe_key       VARCHAR(200)  NOT NULL,
    type             VARCHAR(50)   NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    body             VARCHAR(2000),
    link             VARCHAR(500),
    data             VARCHAR(8000),
    status           VARCHAR(10)   NOT NULL,
    attempts         INTEGER       DEFAULT 0 NOT NULL,
    last_error       VARCHAR(500),
    next_at          TIMESTAMP     NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    sent_at          TIMESTAMP,
    claimed_by       VARCHAR(100),
    claimed_until    TIMESTAMP,
    unsubscribe_hash CHAR(64),
    CONSTRAINT uq_delivery_dedupe UNIQUE (channel_id, dedupe_key),
    CONSTRAINT fk_delivery_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_delivery_channel FOREIGN KEY (channel_id) REFERENCES channel (id) ON DELETE CASCADE
);
CREATE INDEX ix_delivery_due ON delivery (status, next_at);
CREATE INDEX ix_delivery_user ON delivery (user_id, created_at);
CREATE INDEX ix_delivery_unsubscribe ON delivery (unsubscribe_hash);
