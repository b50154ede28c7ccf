-- The secret of each user's iCalendar feed (only its SHA-256 hash is stored).
-- (Version 0.1 created this table in its shared history as V3.)

CREATE TABLE calendar_feed (
    user_id    CHAR(36)  NOT NULL PRIMARY KEY,
    token_hash CHAR(64)  NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_calendar_feed_token UNIQUE (token_hash),
    CONSTRAINT fk_calendar_feed_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
