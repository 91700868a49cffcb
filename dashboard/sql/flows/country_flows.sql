final as (
    select
        r.partner_country as country,
        c.iso3,
        coalesce(r.partner_country_name, r.partner_country) as country_name,
        coalesce(r.partner_region, '(unknown region)') as region,
        count(*) filter (where r.direction = 'outbound') as outbound,
        count(*) filter (where r.direction = 'inbound') as inbound,
        inbound - outbound as balance,
        outbound + inbound as total
    from realised as r
    left join ref_countries as c on r.partner_country = c.iso2
    group by all
)

select * from final order by total desc, country_name
