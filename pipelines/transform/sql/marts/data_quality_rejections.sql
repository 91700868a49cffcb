-- Mart: the rows the importer rejected that still matter: those of each file's latest active
-- import (re-importing a corrected file under the same name replaces its list; an undone
-- import's rejections go with it), with the data-quality rule a reason belongs to.
-- Grain: one row per rejected row and column.
with rejected as (
    select * from rejected_rows
),

imports as (
    select * from imports
),

rules as (
    select * from ref_quality_rules
),

latest as (
    select import_id, imported_at
    from imports
    where status = 'active'
    qualify row_number() over (
        partition by table_name, file_name order by import_id desc
    ) = 1
),

reasons as (
    select rule_id, unnest(rejection_reasons) as reason
    from rules
),

final as (
    select
        r.import_id,
        l.imported_at,
        r.table_name,
        r.file_name,
        r.row_number,
        r.column_name,
        r.value,
        r.reason,
        rs.rule_id
    from rejected as r
    inner join latest as l on r.import_id = l.import_id
    left join reasons as rs on r.reason = rs.reason
)

select * from final
