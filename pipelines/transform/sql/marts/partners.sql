-- Mart: activity per partner institution per academic year: realised mobilities both ways,
-- balance, places under agreements and their utilisation, and the partner's last year of
-- activity. Grain: one row per partner per academic year with mobility or a valid agreement.
with partners as (
    select * from int_partners
),

years as (
    select * from int_academic_years
),

flows as (
    select
        partner_key,
        year_start,
        count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where direction = 'inbound') as inbound,
        count(*) filter (where direction = 'outbound' and person_role = 'student') as outbound_students,
        count(*) filter (where direction = 'inbound' and person_role = 'student') as inbound_students
    from int_mobilities
    where is_realised
    group by partner_key, year_start
),

places as (
    select
        partner_key,
        year_start,
        count(*) as agreements,
        sum(places_outbound) as places_outbound,
        sum(places_inbound) as places_inbound,
        sum(realised_total) as agreement_mobilities
    from int_agreement_years
    group by partner_key, year_start
),

last_activity as (
    select partner_key, max(year_start) as last_year_start
    from int_mobilities
    where is_realised
    group by partner_key
),

grid as (
    select partner_key, year_start from flows
    union
    select partner_key, year_start from places
),

final as (
    select
        g.partner_key,
        y.academic_year,
        g.year_start,
        p.partner_label as partner_name,
        p.partner_erasmus_code,
        p.partner_schac_code,
        p.partner_country,
        p.partner_country_name,
        p.partner_region,
        p.partner_city,
        coalesce(f.outbound, 0) as outbound,
        coalesce(f.inbound, 0) as inbound,
        coalesce(f.outbound_students, 0) as outbound_students,
        coalesce(f.inbound_students, 0) as inbound_students,
        coalesce(f.inbound, 0) - coalesce(f.outbound, 0) as balance,
        coalesce(pl.agreements, 0) as agreements,
        coalesce(pl.places_outbound, 0) as places_outbound,
        coalesce(pl.places_inbound, 0) as places_inbound,
        pct(pl.agreement_mobilities, pl.places_outbound + pl.places_inbound) as utilisation_pct,
        academic_year_label(la.last_year_start) as last_activity_year
    from grid as g
    inner join years as y on g.year_start = y.year_start
    inner join partners as p on g.partner_key = p.partner_key
    left join flows as f on g.partner_key = f.partner_key and g.year_start = f.year_start
    left join places as pl on g.partner_key = pl.partner_key and g.year_start = pl.year_start
    left join last_activity as la on g.partner_key = la.partner_key
)

select * from final
