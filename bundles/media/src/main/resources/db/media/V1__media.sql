-- Photos attached to a day of a habit: the stored file (its metadata removed) and its thumbnail are objects of the
-- MediaStore under original_key and thumb_key (null: no thumbnail for this format). habit_id has no foreign key
-- (the habit is another bundle's): the media bundle's outbox consumer deletes a deleted habit's or day's rows and
-- files after the habit bundle's commit. The user's rows go with the account (the files by UserDataContributor).
CREATE TABLE attachment (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    user_id       CHAR(36)     NOT NULL,
    habit_id      CHAR(36)     NOT NULL,
    check_date    DATE         NOT NULL,
    content_type  VARCHAR(50)  NOT NULL,
    byte_size     BIGINT       NOT NULL,
    width         INTEGER      NOT NULL,
    height        INTEGER      NOT NULL,
    original_key  VARCHAR(200) NOT NULL,
    thumb_key     VARCHAR(200),
    file_name     VARCHAR(200),
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT fk_attachment_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_attachment_day ON attachment (habit_id, check_date);
CREATE INDEX ix_attachment_user ON attachment (user_id, habit_id, check_date);

-- A user's profile picture (one at most), stored like an attachment.
CREATE TABLE avatar (
    user_id       CHAR(36)     NOT NULL PRIMARY KEY,
    id            CHAR(36)     NOT NULL,
    content_type  VARCHAR(50)  NOT NULL,
    byte_size     BIGINT       NOT NULL,
    width         INTEGER      NOT NULL,
    height        INTEGER      NOT NULL,
    original_key  VARCHAR(200) NOT NULL,
    thumb_key     VARCHAR(200),
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT fk_avatar_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

-- Whether those who see a shared habit also see its photos (the owner's choice, off unless a row says on); the
-- habit's referee sees them either way.
CREATE TABLE attachment_sharing (
    habit_id          CHAR(36)  NOT NULL PRIMARY KEY,
    user_id           CHAR(36)  NOT NULL,
    share_attachments BOOLEAN   NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    CONSTRAINT fk_attachment_sharing_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

-- The secret that signs media URLs when none is configured: made once, at random, by the first node, so that every
-- node of a cluster signs and checks alike.
CREATE TABLE media_secret (
    name       VARCHAR(50)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
