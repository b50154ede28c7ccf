-- Where a session or a token was made, for the list of sessions a user sees (and may end): the client's user agent,
-- cut to 200 characters, and its address. And when every credential of the account was last revoked at once (a
-- password change, a password reset, "sign out everywhere", an operator's revoke): the secret calendar feed URL made
-- before that stops working, like the tokens: a counter, not a time, so that the clocks of the nodes need not agree.

ALTER TABLE auth_token ADD COLUMN user_agent VARCHAR(200);

ALTER TABLE auth_token ADD COLUMN client_address VARCHAR(64);

ALTER TABLE app_user ADD COLUMN credentials_epoch BIGINT DEFAULT 0 NOT NULL;
