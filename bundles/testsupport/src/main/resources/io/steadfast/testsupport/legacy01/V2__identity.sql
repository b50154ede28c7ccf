-- Identity: accounts and their tokens (session tokens and personal access tokens).
-- Everything a user owns references app_user with ON DELETE CASCADE, so deleting the user deletes it all.

CREATE TABLE app_user (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    email            VARCHAR(254) NOT NULL,
    email_normalized VARCHAR(254) NOT NULL,
    display_name     VARCHAR(100) NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    timezone         VARCHAR(64)  NOT NULL,
    week_start       VARCHAR(9)   NOT NULL,
    day_starts_at    INTEGER      NOT NULL,
    role             VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    updated_at       TIMESTAMP    NOT NULL,
    CONSTRAINT uq_app_user_email UNIQUE (email_normalized)
);

CREATE TABLE auth_token (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    user_id      CHAR(36)     NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    name         VARCHAR(100),
    token_hash   CHAR(64)     NOT NULL,
    scopes       VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    last_used_at TIMESTAMP,
    expires_at   TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT uq_auth_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_auth_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX ix_auth_token_user ON auth_token (user_id);
