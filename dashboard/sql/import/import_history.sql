-- every import, newest first, with its counts and whether it was undone (who made it:
-- import/imported_by, where the warehouse has an audit trail)
select import_id, imported_at, table_name, file_name, source, rows_read, rows_loaded,
       rows_updated, rows_unchanged, rows_deleted, rows_rejected,
       coalesce(rows_warned, 0) as rows_warned, status, undone_at,
       -- the counts that are not zero, in one line a person reads, so that the table
       -- fits a laptop's page
       coalesce(nullif(concat_ws(', ',
           case when rows_loaded > 0 then format('{:,} new', rows_loaded) end,
           case when rows_updated > 0 then format('{:,} updated', rows_updated) end,
           case when rows_deleted > 0 then format('{:,} removed', rows_deleted) end,
           case when rows_rejected > 0 then format('{:,} rejected', rows_rejected) end,
           case when rows_warned > 0 then format('{:,} emptied', rows_warned) end
       ), ''), 'no change')
       || case when status = 'undone' then ' (undone)' else '' end as summary
from imports
order by import_id desc
