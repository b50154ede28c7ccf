-- Imports: one row per uploaded file, from its upload to its outcome. The file itself waits in the media store
-- (file_key) until the import is done, so that an import interrupted by a restart resumes on any node: a running
-- import whose lease (claimed_until, in the database's time) ran out is claimed again and run from the start, which
-- adds nothing twice (habits are matched by their source key, days that exist are kept).
CREATE TABLE import_job (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    user_id       CHAR(36)      NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    format        VARCHAR(20)   NOT NULL,
    file_key      VARCHAR(200),
    file_name     VARCHAR(200),
    file_size     BIGINT        NOT NULL,
    total         INTEGER       NOT NULL,
    done          INTEGER       NOT NULL,
    habits        INTEGER       NOT NULL,
    checkins      INTEGER       NOT NULL,
    skipped       INTEGER       NOT NULL,
    warnings      VARCHAR(20000),
    error         VARCHAR(2000),
    attempts      INTEGER       NOT NULL,
    claimed_by    VARCHAR(80),
    claimed_until TIMESTAMP,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    finished_at   TIMESTAMP,
    CONSTRAINT fk_import_job_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_import_job_user ON import_job (user_id, created_at);
CREATE INDEX ix_import_job_status ON import_job (status);
