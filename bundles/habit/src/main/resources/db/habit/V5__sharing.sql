-- Who sees a habit besides its owner (private, the default, or partners) and whether they see its days' notes.
-- The accountability bundle decides who the partners are; the habit keeps only its own setting.
ALTER TABLE habit ADD COLUMN visibility VARCHAR(10) DEFAULT 'private' NOT NULL;
ALTER TABLE habit ADD COLUMN share_notes BOOLEAN DEFAULT FALSE NOT NULL;
