\set h random(1, :habits)
\set d random(0, 6)
SELECT * FROM habit WHERE id = lpad(:h::text, 36, '0')::char(36) AND user_id = lpad((:h/6)::text, 36, 'u')::char(36);
SELECT * FROM checkin WHERE habit_id = lpad(:h::text, 36, '0')::char(36) AND check_date = (current_date - :d::int);
BEGIN;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
COMMIT;
SELECT habit_id, check_date, amount, status FROM checkin WHERE habit_id = lpad(:h::text, 36, '0')::char(36) AND check_date = (current_date - :d::int);
