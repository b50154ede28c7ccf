-- The habit revision (habit.revision) a statistics state reflects: a state is replaced only by one of the same or a
-- later revision, so that of two nodes deriving one habit's statistics the later wins.
ALTER TABLE habit_stats ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
