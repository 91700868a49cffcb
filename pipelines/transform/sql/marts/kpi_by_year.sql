-- Mart: every KPI per academic year, for the whole university (faculty = 'all') and per
-- faculty, with the KPI's name and unit. Grain: one row per academic year, faculty and KPI.
with kpi_values as (
    select * from kpi_values
),

kpis as (
    select * from ref_kpis
),

final as (
    select
        v.academic_year,
        v.year_start,
        case when v.dimension = 'all' then 'all' else v.dimension_value end as faculty,
        v.kpi_id,
        k.name as kpi_name,
        v.value,
        v.numerator,
        v.denominator,
        k.unit
    from kpi_values as v
    inner join kpis as k on v.kpi_id = k.kpi_id
    where v.dimension in ('all', 'faculty')
)

select * from final
