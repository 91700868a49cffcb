-- Mart: the partners the university knows: those with an agreement, and those confirmed as
-- new partners in the app's partner mapping. Unknown partners are mapped to one of these.
-- Grain: one row per partner_key.
with partners as (
    select * from int_partners
),

agreements as (
    select * from int_agreements
),

mappings as (
    select * from stg_partner_mappings
),

with_agreements as (
    select partner_key, count(*) as agreements
    from agreements
    group by partner_key
),

confirmed as (
    select distinct partner_key from mappings
),

final as (
    select
        p.partner_key,
        p.partner_label as partner_name,
        p.partner_erasmus_code,
        p.partner_schac_code,
        p.partner_country,
        p.partner_country_name,
        p.partner_city,
        coalesce(a.agreements, 0) as agreements,
        case when a.partner_key is not null then 'agreement' else 'confirmed' end as known_from
    from partners as p
    left join with_agreements as a on p.partner_key = a.partner_key
    left join confirmed as c on p.partner_key = c.partner_key
    where a.partner_key is not null or c.partner_key is not null
)

select * from final
