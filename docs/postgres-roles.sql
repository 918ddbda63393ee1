-- Least privilege for Coform on PostgreSQL: the same grants as `coform-cli db grant --app-role NAME --report-role
-- NAME` (a test keeps the two equal). Run it as the owner of Coform's tables (who ran `coform-cli db migrate`), after
-- every migration, for example:
--   psql "postgresql://coform_owner@db.example/coform" -v schema=coform -v app_role=coform_app \
--        -v report_role=coform_report -v ON_ERROR_STOP=1 -1 -f docs/postgres-roles.sql
-- The application role (what Coform connects as) reads and writes the rows Coform needs, may only read and append
-- to the audit trail (no UPDATE, DELETE or TRUNCATE) and owns nothing, so it changes no table's shape. The reporting
-- role reads templates, their versions, the change log, comments, approvals and reviews' states and dates: no person,
-- no answer, no account name, no audit row. Both roles must exist (CREATE ROLE ... LOGIN) and own nothing here.

-- The application role.
REVOKE ALL ON ALL TABLES IN SCHEMA :"schema" FROM :"app_role";
REVOKE ALL ON SCHEMA :"schema" FROM :"app_role";
GRANT USAGE ON SCHEMA :"schema" TO :"app_role";
GRANT SELECT ON :"schema".schema_version TO :"app_role";
GRANT SELECT, INSERT, UPDATE ON :"schema".users TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".data_key TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".templates TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".template_versions TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".changes TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".approvals TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".comments TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".presence TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".people TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".reviews TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON :"schema".review_answers TO :"app_role";
GRANT SELECT, INSERT, UPDATE ON :"schema".organisation TO :"app_role";
GRANT SELECT, INSERT ON :"schema".signing_key TO :"app_role";
GRANT SELECT, INSERT, UPDATE ON :"schema".package_keys TO :"app_role";
GRANT SELECT, INSERT, UPDATE ON :"schema".template_origins TO :"app_role";
GRANT SELECT, INSERT ON :"schema".audit_log TO :"app_role";

-- The reporting role.
REVOKE ALL ON ALL TABLES IN SCHEMA :"schema" FROM :"report_role";
REVOKE ALL ON SCHEMA :"schema" FROM :"report_role";
GRANT USAGE ON SCHEMA :"schema" TO :"report_role";
GRANT SELECT ON :"schema".schema_version TO :"report_role";
GRANT SELECT ON :"schema".templates TO :"report_role";
GRANT SELECT ON :"schema".template_versions TO :"report_role";
GRANT SELECT ON :"schema".changes TO :"report_role";
GRANT SELECT ON :"schema".approvals TO :"report_role";
GRANT SELECT ON :"schema".comments TO :"report_role";
GRANT SELECT (id, template_id, version, status, created_by, created_at, updated_at, next_due, completed_by, completed_at) ON :"schema".reviews TO :"report_role";
