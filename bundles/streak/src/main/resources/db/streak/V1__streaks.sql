-- Streaks: the incremental statistics state of each habit, and earned achievements.
-- (Version 0.1 created these in its shared history as V4.)

CREATE TABLE habit_stats (
    habit_id         CHAR(36)       NOT NULL PRIMARY KEY,
    engine_state     VARCHAR(1000000) NOT NULL,
    computed_through DATE           NOT NULL,
    updated_at       TIMESTAMP      NOT NULL,
    CONSTRAINT fk_habit_stats_habit FOREIGN KEY (habit_id) REFERENCES habit (id) ON DELETE CASCADE
);

CREATE TABLE achievement (
    id         CHAR(36)    NOT NULL PRIMARY KEY,
    user_id    CHAR(36)    NOT NULL,
    scope      VARCHAR(36) NOT NULL,
    code       VARCHAR(50) NOT NULL,
    reached_on DATE        NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT uq_achievement UNIQUE (user_id, scope, code),
    CONSTRAINT fk_achievement_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
