-- Mart: leadership targets with the KPI's name and unit. Grain: one row per KPI, academic
-- year and faculty ('all' for the whole university).
with targets as (
    select * from stg_targets
),

kpis as (
    select * from ref_kpis
),

final as (
    select
        t.kpi_id,
        k.name as kpi_name,
        k.unit,
        t.academic_year,
        academic_year_of_label(t.academic_year) as year_start,
        coalesce(t.faculty, 'all') as faculty,
        t.value as target_value,
        t.note
    from targets as t
    inner join kpis as k on t.kpi_id = k.kpi_id
)

select * from final
