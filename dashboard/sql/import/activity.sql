select logged_at, who, role, action, detail
from audit_log
order by logged_at desc, rowid desc
