\set h random(1, :habits)
\set d random(0, 6)
BEGIN;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
COMMIT;
