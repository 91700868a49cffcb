with kpis as (
    select * from ref_kpis
),

wanted as (
    select kpi_id, academic_year as target_year, faculty, target_value, note,
        'Leadership target' as target_kind
    from targets
    where faculty in ('all', $faculty)
    union all
    select kpi_id, '2029/30', $faculty, reference_target,
        'EU reference: ' || reference_note, 'EU target'
    from kpis
    where reference_target is not null
),

final as (
    select
        w.target_kind,
        w.kpi_id,
        k.name as kpi,
        k.unit,
        k.good_direction,
        case when w.faculty = 'all' then 'whole university' else w.faculty end as scope,
        w.faculty,
        round(v.value, 1) as current_value,
        w.target_year,
        academic_year_of_label(w.target_year) as target_year_start,
        w.target_value,
        case
            when v.value is null then null
            when k.good_direction = 'down' then v.value <= w.target_value
            else v.value >= w.target_value
        end as reached,
        case
            when k.good_direction <> 'down' and w.target_value > 0 and v.value is not null
                then least(100.0, 100.0 * v.value / w.target_value)
        end as progress_pct,
        w.note
    from wanted as w
    inner join kpis as k on w.kpi_id = k.kpi_id
    left join kpi_by_year as v
        on v.kpi_id = w.kpi_id and v.faculty = w.faculty and v.year_start = $year
)

select * from final order by target_kind desc, scope, kpi
