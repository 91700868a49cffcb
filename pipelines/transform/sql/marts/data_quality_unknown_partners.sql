-- Mart: partners found in the mobilities that are not known (no agreement, not mapped, not
-- confirmed as new), with what the data says about them. What each one most likely is, is
-- suggested in one place only, pipelines/partners/matching.py (known partners and the EC
-- institution list, scored with rapidfuzz), not here.
-- Grain: one row per unknown partner_key.
with mobilities as (
    select * from int_mobilities
),

known as (
    select * from known_partners
),

rules as (
    select * from ref_quality_rules where rule_id = 'unknown_partner'
),

unknown as (
    select
        m.partner_key,
        mode(m.partner_name) as partner_name,
        mode(m.partner_erasmus_code) as partner_erasmus_code,
        mode(m.partner_schac_code) as partner_schac_code,
        mode(m.partner_country) as partner_country,
        count(*) as mobilities,
        count(*) filter (where list_contains(r.activities, m.activity)) as agreement_mobilities,
        min(m.academic_year) as first_academic_year,
        max(m.academic_year) as last_academic_year,
        list(distinct m.import_id order by m.import_id) as import_ids
    from mobilities as m
    cross join rules as r
    where m.partner_key not in (select partner_key from known)
    group by m.partner_key
),

final as (
    select * from unknown
)

select * from final
