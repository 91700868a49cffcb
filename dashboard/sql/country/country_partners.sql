flows as (
    select partner_key,
        count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where direction = 'inbound') as inbound,
        max(academic_year) as last_year
    from realised
    where partner_country = $country
    group by partner_key
),

valid_agreements as (
    select partner_key, count(*) as agreements
    from agreements
    where partner_country = $country and validity in ('valid', 'expiring')
    group by partner_key
),

names as (
    select partner_key, any_value(partner_name) as partner_name,
        any_value(partner_city) as city
    from partners
    where partner_country = $country
    group by partner_key
),

final as (
    select n.partner_name, n.city, coalesce(f.outbound, 0) as outbound,
        coalesce(f.inbound, 0) as inbound, coalesce(a.agreements, 0) as agreements,
        f.last_year
    from names as n
    left join flows as f on n.partner_key = f.partner_key
    left join valid_agreements as a on n.partner_key = a.partner_key
    where f.partner_key is not null or a.partner_key is not null
)

select * from final order by outbound + inbound desc, partner_name
