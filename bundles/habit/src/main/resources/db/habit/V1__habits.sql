-- Habits, their day records (check-ins) and the idempotency keys of increments.
-- (Version 0.1 created these in its shared history as V3.)

CREATE TABLE habit (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    user_id     CHAR(36)      NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(2000),
    type_key    VARCHAR(50)   NOT NULL,
    target      DECIMAL(19,4),
    unit        VARCHAR(30),
    schedule    VARCHAR(200)  NOT NULL,
    start_date  DATE          NOT NULL,
    color       VARCHAR(20),
    icon        VARCHAR(50),
    archived    BOOLEAN       NOT NULL,
    sort_order  INTEGER       NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    CONSTRAINT fk_habit_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_habit_user ON habit (user_id, archived, sort_order);

CREATE TABLE checkin (
    habit_id   CHAR(36)      NOT NULL,
    check_date DATE          NOT NULL,
    amount     DECIMAL(19,4),
    note       VARCHAR(4000),
    status     VARCHAR(10)   NOT NULL,
    backfilled BOOLEAN       NOT NULL,
    created_at TIMESTAMP     NOT NULL,
    updated_at TIMESTAMP     NOT NULL,
    CONSTRAINT pk_checkin PRIMARY KEY (habit_id, check_date),
    CONSTRAINT fk_checkin_habit FOREIGN KEY (habit_id) REFERENCES habit (id) ON DELETE CASCADE
);

CREATE TABLE idempotency_key (
    user_id      CHAR(36)      NOT NULL,
    idem_key     VARCHAR(200)  NOT NULL,
    request_hash CHAR(64)      NOT NULL,
    habit_id     CHAR(36)      NOT NULL,
    check_date   DATE          NOT NULL,
    amount       DECIMAL(19,4),
    note         VARCHAR(4000),
    status       VARCHAR(10)   NOT NULL,
    backfilled   BOOLEAN       NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (user_id, idem_key),
    CONSTRAINT fk_idempotency_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
