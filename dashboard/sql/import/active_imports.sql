-- imports that can be undone, newest first, with a label naming file and table
select import_id,
       '#' || import_id || ' · ' || file_name || ' → ' || table_name || ' · '
       || strftime(imported_at, '%Y-%m-%d %H:%M') as label
from imports
where status = 'active'
order by import_id desc
