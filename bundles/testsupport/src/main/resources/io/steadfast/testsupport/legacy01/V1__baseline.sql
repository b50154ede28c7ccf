-- Steadfast schema, version 1. Standard SQL that runs on both H2 (2.x) and PostgreSQL (13+).
-- Keys are UUIDs stored as CHAR(36); times are TIMESTAMP in UTC.

CREATE TABLE app_setting (
    setting_key   VARCHAR(100) NOT NULL PRIMARY KEY,
    setting_value VARCHAR(2000) NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
