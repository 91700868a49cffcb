counts as (
    select
        kind,
        count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where direction = 'inbound') as inbound
    from realised
    where year_start = $year
    group by kind
),

projects_active as (
    select 'projects' as kind, null as outbound, null as inbound, count(*) as total
    from projects
    where academic_year_of_label(first_academic_year) <= $year
      and academic_year_of_label(last_academic_year) >= $year
      and ($faculties is null or list_contains($faculties, faculty_label))
),

final as (
    select kind, outbound, inbound, outbound + inbound as total from counts
    union all
    select * from projects_active
)

select * from final
