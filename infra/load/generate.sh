#!/usr/bin/env bash
# The load harness's dataset: users × habits × days of history, written with SQL through the real schema (the one
# Flyway created when the distribution booted), in a handful of INSERT ... SELECT ... FROM generate_series statements.
# Every user gets a personal access token whose secret is known (only its SHA-256 is stored, as identity does) and the
# password hash of an account registered through the API (Argon2 is too expensive to compute 10,000 times), so any
# generated user can also sign in with that password.
#
# Usage: infra/load/generate.sh --schema S --today YYYY-MM-DD --password-hash PHC --out DIR
#                               [--users 10000] [--habits 6] [--days 365] [--sample 1000] [--seed X]
# Writes DIR/users.txt (one sampled user a line: token|boolean habit ids|count habit ids), DIR/dates.txt (today
# first, then each earlier day of the history) and DIR/dataset.env (what was generated, and how long it took).
set -euo pipefail
users=10000 habits=6 days=365 sample=1000 seed="$RANDOM$RANDOM" schema="" today="" pwhash="" out=""
db_host="${LOAD_DB_HOST:-127.0.0.1}" db_port="${LOAD_DB_PORT:-5432}" db_user="${LOAD_DB_USER:-postgres}" db_name="${LOAD_DB_NAME:-test}"
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    --habits) habits="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --sample) sample="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --schema) schema="$2"; shift 2 ;;
    --today) today="$2"; shift 2 ;;
    --password-hash) pwhash="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
for v in users habits days sample; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "--$v must be a positive whole number, got '${!v}'" >&2; exit 2; }
done
[[ "$schema" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--schema must be a lower-case SQL identifier, got '$schema'" >&2; exit 2; }
[[ "$today" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "--today must be YYYY-MM-DD (the server's today), got '$today'" >&2; exit 2; }
[[ "$seed" =~ ^[A-Za-z0-9]+$ ]] || { echo "--seed must be letters and digits" >&2; exit 2; }
[[ -n "$pwhash" && "$pwhash" != *"'"* ]] || { echo "--password-hash must be a stored password hash (PHC string)" >&2; exit 2; }
[ -n "$out" ] || { echo "--out DIR is required" >&2; exit 2; }
mkdir -p "$out"
[ "$sample" -le "$users" ] || sample="$users"

start=$(date +%s%N)
# Habit mix, by position k % 6 (a user with more than 6 habits repeats it):
#   0 boolean daily "Meditate"            ~80% done, a skip every 29 days
#   1 boolean weekdays:MON,WED,FRI "Gym"  ~85% of the due days done
#   2 boolean times_per_week:3 "Read"     three or four days a week
#   3 count daily, target 8 glasses       ~90% of the days, 3..10 glasses
#   4 boolean daily "Journal"             ~70% done
#   5 count daily, target 20 minutes      ~75% of the days, 5..29 minutes
# The history runs from today - days to yesterday; today is left open (pending) for the write scenarios.
psql -X -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" <<SQL
SET search_path = $schema;
-- the rows are consistent by construction: skip the per-row foreign key triggers (superuser; about twice as fast)
SET session_replication_role = replica;
BEGIN;
CREATE TEMP TABLE load_user ON COMMIT PRESERVE ROWS AS
  SELECT n, md5('$seed' || 'u' || n)::uuid::text AS id,
         'sfp_' || substr(md5('$seed' || 's' || n) || md5('$seed' || 'r' || n), 1, 43) AS secret
  FROM generate_series(1, $users) n;
CREATE TEMP TABLE load_habit ON COMMIT PRESERVE ROWS AS
  SELECT u.n, u.id AS user_id, k, k % 6 AS mix, md5('$seed' || 'h' || u.n || '-' || k)::uuid::text AS id
  FROM load_user u CROSS JOIN generate_series(0, $habits - 1) k;

INSERT INTO app_user (id, email, email_normalized, display_name, password_hash, timezone, week_start, day_starts_at,
                      role, created_at, updated_at, password_change_required)
  SELECT id, 'load-' || n || '@example.org', 'load-' || n || '@example.org', 'Load user ' || n, '$pwhash', 'UTC',
         'MONDAY', 0, 'user', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', false
  FROM load_user;

INSERT INTO auth_token (id, user_id, kind, name, token_hash, scopes, created_at, last_used_at, expires_at, revoked_at)
  SELECT md5('$seed' || 't' || n)::uuid::text, id, 'pat', 'load harness',
         encode(sha256(convert_to(secret, 'UTF8')), 'hex'), 'read write', now() AT TIME ZONE 'UTC', NULL, NULL, NULL
  FROM load_user;

INSERT INTO habit (id, user_id, name, description, type_key, target, unit, schedule, start_date, color, icon, archived,
                   sort_order, created_at, updated_at, goal_value, goal_direction, goal_by, created_on, visibility)
  SELECT id, user_id,
         (ARRAY['Meditate', 'Gym', 'Read', 'Water', 'Journal', 'Stretch'])[mix + 1]
           || CASE WHEN k >= 6 THEN ' ' || (k / 6 + 1) ELSE '' END,
         NULL,
         CASE WHEN mix IN (3, 5) THEN 'count' ELSE 'boolean' END,
         CASE mix WHEN 3 THEN 8 WHEN 5 THEN 20 END,
         CASE mix WHEN 3 THEN 'glasses' WHEN 5 THEN 'minutes' END,
         CASE mix WHEN 1 THEN 'weekdays:MON,WED,FRI' WHEN 2 THEN 'times_per_week:3' ELSE 'daily' END,
         DATE '$today' - $days, NULL, NULL, false, k,
         (DATE '$today' - $days)::timestamp, (DATE '$today' - $days)::timestamp, NULL, NULL, NULL,
         DATE '$today' - $days,
         -- Meditate and Read are shared with the user's partner (the feed scenario reads them)
         CASE WHEN mix IN (0, 2) THEN 'partners' ELSE 'private' END
  FROM load_habit;

INSERT INTO habit_order (user_id, next_order) SELECT id, $habits FROM load_user;

INSERT INTO checkin (habit_id, check_date, amount, note, status, backfilled, created_at, updated_at)
  SELECT h.id, d.day,
         CASE h.mix WHEN 3 THEN 3 + (d.g * 7 + h.n) % 8 WHEN 5 THEN 5 + (d.g * 13 + h.n) % 25 END,
         NULL,
         CASE WHEN h.mix IN (0, 4) AND (d.g + h.n) % 29 = 0 THEN 'skipped' ELSE 'done' END,
         false, d.day + TIME '20:00', d.day + TIME '20:00'
  FROM load_habit h
  CROSS JOIN LATERAL (SELECT g, DATE '$today' - g AS day FROM generate_series(1, $days) g) d
  WHERE CASE h.mix
          WHEN 0 THEN (d.g * 7919 + h.n * 104729 + h.k) % 100 >= 20
          WHEN 1 THEN extract(isodow FROM d.day) IN (1, 3, 5) AND (d.g * 7919 + h.n * 104729 + h.k) % 100 >= 15
          WHEN 2 THEN extract(isodow FROM d.day) IN (2, 4, 6) OR (d.g + h.n) % 7 = 0
          WHEN 3 THEN (d.g * 7919 + h.n * 104729 + h.k) % 100 >= 10
          WHEN 4 THEN (d.g * 7919 + h.n * 104729 + h.k) % 100 >= 30
          ELSE (d.g * 7919 + h.n * 104729 + h.k) % 100 >= 25
        END;
-- partners: users 1 and 2, 3 and 4, ... (one row per side)
INSERT INTO partnership (user_id, partner_id, since)
  SELECT a.id, b.id, (DATE '$today' - $days)::timestamp
  FROM load_user a JOIN load_user b ON b.n = CASE WHEN a.n % 2 = 1 THEN a.n + 1 ELSE a.n - 1 END;

-- the feed the accountability consumer would have written: the shared habits' done days of the last two weeks, in
-- the order they happened (the ids are the feed's order)
INSERT INTO feed_item (actor_id, kind, habit_id, habit_name, on_day, backfilled, dedupe_key, created_at)
  SELECT h.user_id, 'checkin', h.id, CASE h.mix WHEN 0 THEN 'Meditate' ELSE 'Read' END, c.check_date, false,
         'checkin:' || h.id || ':' || c.check_date, c.created_at
  FROM load_habit h JOIN checkin c ON c.habit_id = h.id
  WHERE h.mix IN (0, 2) AND c.status = 'done' AND c.check_date > DATE '$today' - 14
  ORDER BY c.created_at, h.id;
COMMIT;

-- the history went in behind the application's back: no habit has stored statistics yet (the first read of a
-- habit's stats replays its whole history once; run.sh reads each sampled habit once before it measures)
DELETE FROM habit_stats;

\\pset format unaligned
\\pset tuples_only on
\\o $out/users.txt
SELECT u.secret || '|'
       || coalesce(string_agg(h.id, ',' ORDER BY h.k) FILTER (WHERE h.mix NOT IN (3, 5)), '') || '|'
       || coalesce(string_agg(h.id, ',' ORDER BY h.k) FILTER (WHERE h.mix IN (3, 5)), '')
FROM (SELECT * FROM load_user ORDER BY md5('$seed' || n) LIMIT $sample) u
JOIN load_habit h ON h.user_id = u.id
GROUP BY u.n, u.secret
ORDER BY u.n;
\\o $out/dates.txt
SELECT DATE '$today' - g FROM generate_series(0, $days) g ORDER BY g;
\\o
SQL
loaded=$(date +%s%N)
# a bulk load leaves the tables without statistics and the visibility map unset; do it now, or autovacuum does it in
# the middle of the measurements
psql -X -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" \
  -c "SET search_path = $schema" -c "VACUUM (ANALYZE) app_user, auth_token, habit, habit_order, checkin, habit_stats, partnership, feed_item"
end=$(date +%s%N)
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
checkins=$(psql -X -At -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" -c "SELECT count(*) FROM $schema.checkin")
size=$(psql -X -At -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" \
  -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = '$schema' AND c.relkind = 'r'")
cat > "$out/dataset.env" <<ENV
users=$users
habits=$habits
days=$days
sample=$sample
today=$today
checkins=$checkins
size='$size'
load_seconds=$(secs "$start" "$loaded")
vacuum_seconds=$(secs "$loaded" "$end")
ENV
echo "dataset: $users users × $habits habits × $days days: $checkins check-ins ($size) in $(secs "$start" "$loaded") s, vacuum + analyze $(secs "$loaded" "$end") s; $(wc -l < "$out/users.txt") users sampled for the requests"
