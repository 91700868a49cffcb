-- Intermediate: agreements with their partner key and country names. Grain: one row per agreement.
with agreements as (
    select * from stg_agreements
),

countries as (
    select * from ref_countries
),

final as (
    select
        a.*,
        partner_key(
            a.partner_erasmus_code, a.partner_schac_code, a.partner_name, a.partner_country
        ) as partner_key,
        c.name as partner_country_name,
        c.region as partner_region
    from agreements as a
    left join countries as c on a.partner_country = c.iso2
)

select * from final
