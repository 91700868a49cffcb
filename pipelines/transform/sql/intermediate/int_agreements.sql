-- Intermediate: agreements with their partner key (after partner mapping) and country names.
-- Grain: one row per agreement.
with agreements as (
    select * from stg_agreements
),

countries as (
    select * from ref_countries
),

mappings as (
    select * from stg_partner_mappings
),

keyed as (
    select
        a.*,
        partner_key(
            a.partner_erasmus_code, a.partner_schac_code, a.partner_name, a.partner_country
        ) as source_partner_key
    from agreements as a
),

final as (
    select
        a.*,
        -- a partner mapped in the app (partner_mappings) replaces the key of the data
        coalesce(pm.partner_key, a.source_partner_key) as partner_key,
        c.name as partner_country_name,
        c.region as partner_region
    from keyed as a
    left join countries as c on a.partner_country = c.iso2
    left join mappings as pm on a.source_partner_key = pm.source_key
)

select * from final
