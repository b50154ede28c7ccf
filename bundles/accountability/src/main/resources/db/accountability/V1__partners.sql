-- Accountability partners. A partnership is two rows, one per side, so that either side's partners are one indexed
-- read; both rows are written and deleted in one transaction. Deleting an account ends its partnerships (cascade).
CREATE TABLE partnership (
    user_id    CHAR(36)  NOT NULL,
    partner_id CHAR(36)  NOT NULL,
    since      TIMESTAMP NOT NULL,
    CONSTRAINT pk_partnership PRIMARY KEY (user_id, partner_id),
    CONSTRAINT fk_partnership_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_partnership_partner FOREIGN KEY (partner_id) REFERENCES app_user (id) ON DELETE CASCADE
);

-- Invitations by email, addressed to whoever holds the email (trimmed, lower case) when they answer: an email
-- without an account is stored like any other (no account enumeration), and reaches the account that registers it.
-- Only the sender and that account see an invitation. status: pending, accepted, declined; a withdrawn invitation is
-- deleted.
CREATE TABLE partner_invitation (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    sender_id   CHAR(36)     NOT NULL,
    email       VARCHAR(320) NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    answered_at TIMESTAMP,
    CONSTRAINT fk_partner_invitation_sender FOREIGN KEY (sender_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_partner_invitation_email ON partner_invitation (email, status);
CREATE INDEX ix_partner_invitation_sender ON partner_invitation (sender_id);

-- Shareable invite codes, stored as the SHA-256 (hex) of the code, never the code; used once, until they expire.
CREATE TABLE partner_code (
    code_hash  CHAR(64)  NOT NULL PRIMARY KEY,
    user_id    CHAR(36)  NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    CONSTRAINT fk_partner_code_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_partner_code_user ON partner_code (user_id);
