-- Alerts a user opts in to (the API's "notify"): hearing when a partner's shared habit ends its due day missed, and
-- at a local time of the user's day ("HH:mm"; null: never) of habits whose streak is at risk. Both off by default.

ALTER TABLE app_user ADD COLUMN alert_partner_missed BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE app_user ADD COLUMN alert_streak_at_risk CHAR(5);
