-- The account's credential epoch a feed secret was made in: when every credential of the account is revoked at
-- once (a password change, "sign out everywhere") the epoch moves on and the feed URL stops working with them.

ALTER TABLE calendar_feed ADD COLUMN credentials_epoch BIGINT DEFAULT 0 NOT NULL;
