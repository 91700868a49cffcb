-- who made each import (and who undid it), from the audit trail; the same expression as
-- pipelines/audit.py IMPORTED_BY (the `mobility imports` command)
select
    import_id,
    (select first(who order by logged_at) from audit_log a
     where a.import_id = imports.import_id and a.action in ('import', 'targets'))
    || coalesce(' (undone by ' || (select first(who order by logged_at) from audit_log a
     where a.import_id = imports.import_id and a.action = 'undo') || ')', '') as imported_by
from imports
