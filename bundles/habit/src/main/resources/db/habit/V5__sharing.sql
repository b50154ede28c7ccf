-- Who sees a habit besides its owner (private, the default, or partners) and whether they see its days' notes.
-- The accountability bundle decides who the partners are; the habit keeps only its own setting.
ALTER TABLE habit ADD COLUMN visibility VARCHAR(10) DEFAULT 'private' NOT NULL;
ALTER TABLE habit ADD COLUMN share_notes BOOLEAN DEFAULT FALSE NOT NULL;

-- A habit's referee: one of the owner's partners, who confirms or disputes its done days. The role goes with the
-- referee's account (SET NULL) and, through the accountability bundle, with the partnership.
ALTER TABLE habit ADD COLUMN referee_user_id CHAR(36);
ALTER TABLE habit ADD CONSTRAINT fk_habit_referee FOREIGN KEY (referee_user_id) REFERENCES app_user (id) ON DELETE SET NULL;
CREATE INDEX ix_habit_referee ON habit (referee_user_id);

-- A done day of a refereed habit waits for the referee's verdict: pending (counts as done meanwhile), confirmed, or
-- disputed (counts as missed). NULL: no referee was asked (no referee then, or a skipped day).
ALTER TABLE checkin ADD COLUMN verification VARCHAR(10);
ALTER TABLE checkin ADD COLUMN verification_comment VARCHAR(500);
ALTER TABLE checkin ADD COLUMN verified_at TIMESTAMP;

-- The groups a habit is shared with (visibility 'groups'), comma-separated group ids: read with the habit, no join.
ALTER TABLE habit ADD COLUMN share_groups VARCHAR(400);
