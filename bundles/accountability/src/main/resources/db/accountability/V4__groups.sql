-- Accountability groups (a Habitica party, a club): an owner, members, one-use invite codes; and challenges in a
-- group: a habit definition and a date range that members join (joining creates the habit, shared with the group).
-- A group goes with its owner's account only when nobody else is in it (the account's deletion hands it to the
-- oldest member first; the cascade is the net).
CREATE TABLE accountability_group (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(1000),
    owner_id    CHAR(36)      NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT fk_group_owner FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_group_owner ON accountability_group (owner_id);

CREATE TABLE group_member (
    group_id  CHAR(36)    NOT NULL,
    user_id   CHAR(36)    NOT NULL,
    role      VARCHAR(10) NOT NULL,
    joined_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_group_member PRIMARY KEY (group_id, user_id),
    CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES accountability_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_member_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_group_member_user ON group_member (user_id);

CREATE TABLE group_code (
    code_hash  CHAR(64)  NOT NULL PRIMARY KEY,
    group_id   CHAR(36)  NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    CONSTRAINT fk_group_code_group FOREIGN KEY (group_id) REFERENCES accountability_group (id) ON DELETE CASCADE
);

CREATE TABLE challenge (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    group_id    CHAR(36)      NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    habit_type  VARCHAR(50)   NOT NULL,
    target      DECIMAL(19,4),
    unit        VARCHAR(30),
    schedule    VARCHAR(400)  NOT NULL,
    start_date  DATE          NOT NULL,
    end_date    DATE          NOT NULL,
    created_by  CHAR(36),
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT fk_challenge_group FOREIGN KEY (group_id) REFERENCES accountability_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_challenge_creator FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL
);
CREATE INDEX ix_challenge_group ON challenge (group_id);

CREATE TABLE challenge_member (
    challenge_id CHAR(36)  NOT NULL,
    user_id      CHAR(36)  NOT NULL,
    habit_id     CHAR(36)  NOT NULL,
    joined_on    DATE      NOT NULL,
    joined_at    TIMESTAMP NOT NULL,
    CONSTRAINT pk_challenge_member PRIMARY KEY (challenge_id, user_id),
    CONSTRAINT fk_challenge_member_challenge FOREIGN KEY (challenge_id) REFERENCES challenge (id) ON DELETE CASCADE,
    CONSTRAINT fk_challenge_member_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
