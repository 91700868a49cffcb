-- Staging: the projects source as imported, without bookkeeping columns. Grain: one row per record.
with source as (
    select * from raw_projects
),

final as (
    select * exclude (_row_hash, _source_row, _import_id), _import_id as import_id
    from source
)

select * from final
