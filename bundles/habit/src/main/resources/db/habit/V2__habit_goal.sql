-- A measurement habit's goal: the value to reach, the direction (down or up) and the day to reach it by.
-- All three are set together or all are NULL (no goal).

ALTER TABLE habit ADD COLUMN goal_value DECIMAL(19,4);
ALTER TABLE habit ADD COLUMN goal_direction VARCHAR(10);
ALTER TABLE habit ADD COLUMN goal_by DATE;
