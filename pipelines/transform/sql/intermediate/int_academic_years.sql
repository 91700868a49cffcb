-- Intermediate: the academic years the warehouse reports on: every year from the first to
-- the last year with mobilities or headcounts. Grain: one row per academic year.
with settings as (
    select * from stg_settings
),

mobility_years as (
    select distinct academic_year_start(m.start_date, s.year_start_month) as year_start
    from stg_mobilities as m
    cross join settings as s
),

headcount_years as (
    select distinct academic_year_of_label(academic_year) as year_start
    from stg_headcounts
),

bounds as (
    select min(year_start) as first_year, max(year_start) as last_year
    from (select * from mobility_years union all select * from headcount_years)
),

final as (
    select
        y.range as year_start,
        academic_year_label(y.range) as academic_year,
        make_date(y.range, s.year_start_month, 1) as first_day,
        make_date(y.range + 1, s.year_start_month, 1) - interval 1 day as last_day
    from bounds as b
    cross join settings as s
    cross join range(b.first_year, b.last_year + 1) as y
    where b.first_year is not null
)

select
    year_start,
    academic_year,
    cast(first_day as date) as first_day,
    cast(last_day as date) as last_day
from final
