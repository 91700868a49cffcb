-- continues shared/filtered.sql; counted per country code first, then named from
-- ref_countries (the mart's country name and region come from the same table, by the code)
counted as (
    select
        partner_country as country,
        count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where direction = 'inbound') as inbound
    from realised
    group by all
),

final as (
    select
        r.country,
        c.iso3,
        coalesce(c.name, r.country) as country_name,
        coalesce(c.region, '(unknown region)') as region,
        r.outbound,
        r.inbound,
        r.inbound - r.outbound as balance,
        r.outbound + r.inbound as total
    from counted as r
    left join ref_countries as c on r.country = c.iso2
)

select * from final order by total desc, country_name
