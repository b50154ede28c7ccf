\set h random(1, :habits)
SELECT * FROM habit WHERE id = lpad(:h::text, 36, '0')::char(36);
