-- - drop table audit.legacy_things
--     ! error drop-table: dropping audit.legacy_things loses its rows
-- - drop table audit.event_log
--     ! error drop-table: dropping audit.event_log loses its rows
-- - drop enum audit.level
-- - drop table Robert'); DROP TABLE students;--.a"b
-- - drop schema Robert'); DROP TABLE students;--
-- - drop schema audit
--     ! info drop-schema: schema audit is dropped
-- 6 changes: 0 to add, 0 to change, 6 to drop; 2 errors, 1 info

DROP TABLE "audit"."legacy_things";

DROP TABLE "audit"."event_log";

DROP TYPE "audit"."level";

DROP TABLE "Robert'); DROP TABLE students;--"."a""b";

DROP SCHEMA "Robert'); DROP TABLE students;--";

DROP SCHEMA "audit";
