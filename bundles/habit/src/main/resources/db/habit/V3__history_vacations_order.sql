-- The day each habit was created in its owner's calendar (days before it count only with a record), decided once
-- at creation; habits created before this version get the UTC date of their creation.
ALTER TABLE habit ADD COLUMN created_on DATE;
UPDATE habit SET created_on = CAST(created_at AS DATE);
ALTER TABLE habit ALTER COLUMN created_on SET NOT NULL;

-- The next sort order per owner: its row is the lock that serialises concurrent creates and reorders.
CREATE TABLE habit_order (
    user_id    CHAR(36) NOT NULL PRIMARY KEY,
    next_order INTEGER  NOT NULL,
    CONSTRAINT fk_habit_order_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
INSERT INTO habit_order (user_id, next_order) SELECT user_id, MAX(sort_order) + 1 FROM habit GROUP BY user_id;

-- Vacations: days on which a user's habits (all, or the listed ones) are paused.
CREATE TABLE vacation (
    id         CHAR(36)  NOT NULL PRIMARY KEY,
    user_id    CHAR(36)  NOT NULL,
    from_date  DATE      NOT NULL,
    to_date    DATE      NOT NULL,
    all_habits BOOLEAN   NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT fk_vacation_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_vacation_user ON vacation (user_id, to_date);

CREATE TABLE vacation_habit (
    vacation_id CHAR(36) NOT NULL,
    habit_id    CHAR(36) NOT NULL,
    CONSTRAINT pk_vacation_habit PRIMARY KEY (vacation_id, habit_id),
    CONSTRAINT fk_vacation_habit_vacation FOREIGN KEY (vacation_id) REFERENCES vacation (id) ON DELETE CASCADE,
    CONSTRAINT fk_vacation_habit_habit FOREIGN KEY (habit_id) REFERENCES habit (id) ON DELETE CASCADE
);
