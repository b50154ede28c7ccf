-- The look-ups by the one who did something: a user's sent nudges (the export) and the SET NULL of their
-- notifications when their account goes; the challenges a user created or joined (the export, day ends).
CREATE INDEX ix_notification_actor ON notification (actor_id);
CREATE INDEX ix_challenge_creator ON challenge (created_by);
CREATE INDEX ix_challenge_member_user ON challenge_member (user_id);
