-- Intermediate: one row per partner institution, from agreements and mobilities. The name,
-- codes, country and city are taken from agreements first (curated), then the most frequent
-- spelling in the mobilities that carry the key themselves, then the EC institution list
-- (a partner that only mapped mobilities point to, e.g. one mapped to an institution of the
-- list), then the mapped mobilities' spelling. Grain: one row per partner_key.
with mobilities as (
    select * from int_mobilities
),

agreements as (
    select * from int_agreements
),

countries as (
    select * from ref_countries
),

institutions as (
    select
        'erasmus:' || code_key as partner_key,
        erasmus_code,
        name,
        country,
        city
    from stg_ec_institutions
    qualify row_number() over (partition by code_key order by import_id desc, erasmus_code) = 1
),

mobility_partners as (
    select
        partner_key,
        -- the partner's own spelling: mobilities whose data gives this key, not mapped ones
        mode(partner_name) filter (where source_partner_key = partner_key) as own_name,
        mode(partner_country) filter (where source_partner_key = partner_key) as own_country,
        mode(partner_city) filter (where source_partner_key = partner_key) as own_city,
        mode(partner_name) as partner_name,
        mode(partner_erasmus_code) as partner_erasmus_code,
        mode(partner_schac_code) as partner_schac_code,
        mode(partner_country) as partner_country,
        mode(partner_city) as partner_city
    from mobilities
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
    from agreements
    group by partner_key
),

combined as (
    select
        coalesce(a.partner_key, m.partner_key) as partner_key,
        coalesce(a.partner_name, m.own_name, i.name, m.partner_name) as partner_name,
        coalesce(a.partner_erasmus_code, m.partner_erasmus_code, i.erasmus_code)
            as partner_erasmus_code,
        coalesce(a.partner_schac_code, m.partner_schac_code) as partner_schac_code,
        coalesce(a.partner_country, m.own_country, i.country, m.partner_country)
            as partner_country,
        coalesce(a.partner_city, m.own_city, i.city, m.partner_city) as partner_city
    from agreement_partners as a
    full outer join mobility_partners as m on a.partner_key = m.partner_key
    left join institutions as i on coalesce(a.partner_key, m.partner_key) = i.partner_key
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
