-- continues shared/filtered.sql; counted per faculty, region and country first, so that the
-- ranking and the grouping of the smaller countries work on a few hundred rows, not on every
-- mobility
outbound as (
    select
        faculty_label as faculty,
        coalesce(partner_region, '(unknown region)') as region,
        partner_country_label as country_name,
        count(*) as mobilities
    from realised
    where direction = 'outbound'
    group by all
),

ranked as (
    select country_name, row_number() over (order by sum(mobilities) desc, country_name) as rank
    from outbound
    group by country_name
),

final as (
    select
        o.faculty,
        o.region,
        case when r.rank <= $top then o.country_name
             else 'Other countries in ' || o.region end as country_name,
        cast(sum(o.mobilities) as bigint) as mobilities
    from outbound as o
    inner join ranked as r on o.country_name = r.country_name
    group by all
)

select * from final order by mobilities desc
