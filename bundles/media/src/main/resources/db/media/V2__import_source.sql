-- A photo stored by an import keeps a SHA-256 of the bytes it was imported from, so that importing the same export
-- again (or resuming an import that a stopped node left) adds no copy of a photo the day already has. NULL for
-- photos uploaded through the API.
ALTER TABLE attachment ADD COLUMN source_hash VARCHAR(64);
CREATE INDEX ix_attachment_source ON attachment (habit_id, check_date, source_hash);
