years as (
    select distinct year_start, academic_year from kpi_values
    where year_start between $year_from and $year_to
),

directions as (
    select unnest(['outbound', 'inbound']) as direction
),

counts as (
    select year_start, direction, count(*) as mobilities
    from realised
    group by year_start, direction
),

final as (
    select y.academic_year, d.direction, coalesce(c.mobilities, 0) as mobilities
    from years as y
    cross join directions as d
    left join counts as c on y.year_start = c.year_start and d.direction = c.direction
    where $directions is null or list_contains($directions, d.direction)
)

select * from final order by academic_year, direction desc
