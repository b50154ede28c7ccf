\set d random(0, 6)
\set h0 random(1, :habits)
\set h1 random(1, :habits)
\set h2 random(1, :habits)
\set h3 random(1, :habits)
\set h4 random(1, :habits)
\set h5 random(1, :habits)
\set h6 random(1, :habits)
\set h7 random(1, :habits)
\startpipeline
BEGIN;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h0::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h0::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h0::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h1::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h1::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h1::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h2::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h2::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h2::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h3::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h3::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h3::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h4::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h4::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h4::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h5::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h5::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h5::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h6::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h6::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h6::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
UPDATE habit SET revision = revision + 1 WHERE id = lpad(:h7::text, 36, '0')::char(36);
INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) SELECT 'steadfast/habit/CHECKIN_CHANGED', user_id, id, (current_date - :d::int), revision, LOCALTIMESTAMP FROM habit WHERE id = lpad(:h7::text, 36, '0')::char(36);
INSERT INTO checkin VALUES (lpad(:h7::text, 36, '0')::char(36), (current_date - :d::int), NULL, NULL, 'done', false, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (habit_id, check_date) DO UPDATE SET status = 'done', updated_at = LOCALTIMESTAMP;
COMMIT;
\endpipeline
