-- A schema whose version 1 is what 0.1's shared history created as V2 (it fails if run on such a database).
CREATE TABLE app_user (id CHAR(36) NOT NULL PRIMARY KEY);
