-- Bookkeeping tables of the warehouse. Source tables (raw_<table>, raw_<table>_history) are
-- created from the import contract by pipelines/warehouse.py.

create table if not exists imports (
    import_id integer primary key,
    table_name varchar not null,
    source varchar not null,          -- 'contract' or an adapter such as 'erasmus-ec'
    file_name varchar not null,
    file_sha256 varchar not null,
    file_format varchar,
    rows_read integer not null,
    rows_loaded integer not null,     -- new records
    rows_updated integer not null,    -- changed records (previous version kept in history)
    rows_unchanged integer not null,
    rows_rejected integer not null,
    dropped_columns varchar,          -- personal-data columns dropped unread
    ignored_columns varchar,          -- unknown columns
    imported_at timestamp not null,
    status varchar not null default 'active'  -- 'active' or 'undone'
);

-- Added after the first release: records an import removed because they were missing from a
-- full replacement (the targets editor saves its whole table; see pipelines/metrics/targets.py).
alter table imports add column if not exists rows_deleted integer default 0;
alter table imports add column if not exists undone_at timestamp;

create table if not exists rejected_rows (
    import_id integer not null,
    table_name varchar not null,
    file_name varchar not null,
    row_number integer not null,      -- as a spreadsheet numbers rows; header row included
    column_name varchar not null,
    value varchar,
    reason varchar not null
);

-- Added with issue 9: invalid values in optional columns no longer reject the row; they are
-- left empty and kept here (same columns as rejected_rows). Only rows that were stored.
-- Which errors reject a row and which only empty a value: pipelines/ingest/validate.py.
create table if not exists import_warnings (
    import_id integer not null,
    table_name varchar not null,
    file_name varchar not null,
    row_number integer not null,      -- as a spreadsheet numbers rows; header row included
    column_name varchar not null,
    value varchar,                    -- the invalid value (person identifiers hidden)
    reason varchar not null
);
alter table imports add column if not exists rows_warned integer default 0;

create table if not exists settings (
    key varchar primary key,
    value varchar not null,
    description varchar not null
);

create table if not exists builds (
    built_at timestamp not null,
    seconds double not null,
    models integer not null,
    checks integer not null
);
-- Added with issue 10: what the sources were when the marts were built (warehouse.py,
-- sources_state). A build whose state differs from the sources' current one is stale: an
-- import committed and its rebuild never ran (a killed process, --no-build).
alter table builds add column if not exists sources_state varchar;
-- Added with issue 12: a fingerprint of the program's models (SQL files, the KPI registry)
-- the marts were built with; after an upgrade the marts are stale until the next build.
alter table builds add column if not exists code_state varchar;

-- Partner mapping: a partner key found in imported data (misspelt name, other code) mapped
-- once to a known partner, or confirmed as a new one (partner_key = source_key). Applied by
-- the SQL models wherever partner_key is computed (int_mobilities, int_agreements), so every
-- later import of the same spelling is mapped too. See pipelines/partners/mapping.py.
create table if not exists partner_mappings (
    source_key varchar primary key,   -- partner_key() of the data as imported
    partner_key varchar not null,     -- the partner it means
    mapped_at timestamp not null
);

-- Import profiles: how one system's export is read (columns, constants, value maps), saved
-- under a name by a person and applied to the next file with the same headers. The spec is
-- the profile's JSON, as exported and imported. See pipelines/ingest/profiles.py.
create table if not exists import_profiles (
    name varchar primary key,
    table_name varchar not null,
    spec varchar not null,
    saved_at timestamp not null
);

-- Audit trail (issue 11): who changed the warehouse and when, written in the same transaction
-- as the change itself. who: the signed-in e-mail, or "<user> (local mode)" / "<user> (command
-- line)". import_id: the import an import, undo or targets save made or undid. Never deleted.
-- See pipelines/audit.py.
create table if not exists audit_log (
    logged_at timestamp not null,     -- UTC
    who varchar not null,
    role varchar not null,            -- Viewer, Data manager or Admin at the time
    action varchar not null,          -- import, undo, targets, partner mapping, settings, profile
    import_id integer,
    detail varchar not null
);

-- Who made each import (or targets save) and who undid it, from the audit trail: the import
-- history on the Import data page and `mobility imports` read it.
create or replace view import_authors as
select
    import_id,
    first(who order by logged_at) filter (where action in ('import', 'targets'))
    || coalesce(
        ' (undone by ' || first(who order by logged_at) filter (where action = 'undo') || ')', ''
    ) as imported_by
from audit_log
where import_id is not null
group by import_id;
