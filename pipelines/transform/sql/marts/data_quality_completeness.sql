-- Mart: how complete each column of the mobilities is, per academic year: records with a
-- value over all records. Grain: one row per academic year and contract column.
with mobilities as (
    select * exclude (import_id) from stg_mobilities
),

settings as (
    select * from stg_settings
),

with_year as (
    select
        m.*,
        academic_year_start(m.start_date, s.year_start_month) as _year_start
    from mobilities as m
    cross join settings as s
),

counts as (
    select
        _year_start,
        count(*) as _records,
        count(columns(* exclude (_year_start))) as "\0"
    from with_year
    group by _year_start
),

long as (
    unpivot counts
    on columns(* exclude (_year_start, _records))
    into name column_name value filled
),

positions as (
    select column_name, column_index
    from duckdb_columns()
    where table_name = 'stg_mobilities'
),

final as (
    select
        academic_year_label(l._year_start) as academic_year,
        l._year_start as year_start,
        l.column_name,
        p.column_index as column_position,
        l._records as records,
        l.filled,
        100.0 * l.filled / l._records as filled_pct
    from long as l
    inner join positions as p on l.column_name = p.column_name
)

select * from final
