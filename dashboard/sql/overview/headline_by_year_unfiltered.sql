-- The headline KPIs per academic year when no filter but the years is set: read from
-- kpi_values (dimension 'all', computed at build time) instead of counted from the mobilities,
-- so the Overview's first view reads a few rows whatever the number of mobilities. The same
-- columns and rows as headline_by_year.sql with no filter. kpi_values keeps only KPIs with a
-- value, so a row it lacks (a rate without headcounts, a year without mobilities) has a null
-- value here: dashboard/queries/overview.py counts such years with headline_by_year.sql.
with years as (
    select distinct year_start, academic_year from kpi_values
    where year_start between $year_from and $year_to
),

headline_kpis as (
    select kpi_id, name, unit from ref_kpis where headline
),

whole_university as (
    select year_start, kpi_id, value, numerator, denominator
    from kpi_values
    where dimension = 'all' and year_start between $year_from and $year_to
),

final as (
    select
        y.year_start,
        y.academic_year,
        k.kpi_id,
        k.name,
        k.unit,
        v.value,
        v.numerator,
        v.denominator
    from years as y
    cross join headline_kpis as k
    left join whole_university as v on y.year_start = v.year_start and k.kpi_id = v.kpi_id
)

select * from final order by year_start, kpi_id
