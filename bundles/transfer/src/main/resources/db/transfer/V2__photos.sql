-- How many photos an import stored (the CSV zip's photos), for its summary.
ALTER TABLE import_job ADD COLUMN photos INTEGER DEFAULT 0 NOT NULL;
