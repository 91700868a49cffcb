-- Report query: the import files the warehouse holds (active imports), for the cover.
-- Grain: one row per import.
with imports as (
    select * from imports
),

final as (
    select table_name, file_name, file_sha256, rows_read, imported_at
    from imports
    where status = 'active'
    order by import_id
)

select * from final
