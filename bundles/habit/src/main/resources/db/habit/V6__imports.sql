-- Imported habits keep where they came from: the format and the habit's id there ("loop-sqlite:<uuid>"), so that
-- importing the same file again matches them instead of adding copies. NULL for habits made here.
ALTER TABLE habit ADD COLUMN source_key VARCHAR(200);
CREATE UNIQUE INDEX ux_habit_source ON habit (user_id, source_key);

-- Where a day record came from: NULL when recorded here (live or backfilled by hand), 'imported' when an import
-- wrote it.
ALTER TABLE checkin ADD COLUMN origin VARCHAR(10);
