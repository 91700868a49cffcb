-- Intermediate: one row per partner institution, from agreements and mobilities. The name,
-- codes and city are taken from agreements first (curated), then the most frequent spelling
-- in mobilities. Grain: one row per partner_key.
with mobility_partners as (
    select
        partner_key,
        mode(partner_name) as partner_name,
        mode(partner_erasmus_code) as partner_erasmus_code,
        mode(partner_schac_code) as partner_schac_code,
        mode(partner_country) as partner_country,
        mode(partner_city) as partner_city
    from int_mobilities
    group by partner_key
),

agreement_partners as (
    select
        partner_key,
        mode(partner_name) as partner_name,
        mode(partner_erasmus_code) as partner_erasmus_code,
        mode(partner_schac_code) as partner_schac_code,
        mode(partner_country) as partner_country,
        mode(partner_city) as partner_city
    from int_agreements
    group by partner_key
),

countries as (
    select * from ref_countries
),

combined as (
    select
        coalesce(a.partner_key, m.partner_key) as partner_key,
        coalesce(a.partner_name, m.partner_name) as partner_name,
        coalesce(a.partner_erasmus_code, m.partner_erasmus_code) as partner_erasmus_code,
        coalesce(a.partner_schac_code, m.partner_schac_code) as partner_schac_code,
        coalesce(a.partner_country, m.partner_country) as partner_country,
        coalesce(a.partner_city, m.partner_city) as partner_city
    from agreement_partners as a
    full outer join mobility_partners as m on a.partner_key = m.partner_key
),

final as (
    select
        p.*,
        coalesce(p.partner_name, 'Unnamed partner in ' || c.name) as partner_label,
        c.name as partner_country_name,
        c.region as partner_region
    from combined as p
    left join countries as c on p.partner_country = c.iso2
)

select * from final
