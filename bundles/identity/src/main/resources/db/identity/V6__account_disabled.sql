-- An operator can disable an account (steadfast:user-disable, POST /api/v1/admin/users/{id}/disable): while
-- disabled_at is set nobody signs in to it and none of its tokens works; enabling clears it. NULL: enabled.

ALTER TABLE app_user ADD COLUMN disabled_at TIMESTAMP;
