-- Mart: partners found in the mobilities that are not known (no agreement, not mapped, not
-- confirmed as new), each with the known partner of the same country whose name is most
-- alike (Jaro-Winkler similarity of 0.8 or more,
-- accents ignored) as a suggestion to map it to.
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

candidates as (
    select
        u.partner_key,
        k.partner_key as suggested_partner_key,
        k.partner_name as suggested_partner_name,
        jaro_winkler_similarity(
            strip_accents(lower(u.partner_name)), strip_accents(lower(k.partner_name))
        ) as similarity
    from unknown as u
    inner join known as k on u.partner_country = k.partner_country
    where u.partner_name is not null
),

best as (
    select partner_key, suggested_partner_key, suggested_partner_name, similarity
    from candidates
    where similarity >= 0.8
    qualify row_number() over (
        partition by partner_key order by similarity desc, suggested_partner_key
    ) = 1
),

final as (
    select
        u.*,
        b.suggested_partner_key,
        b.suggested_partner_name,
        b.similarity
    from unknown as u
    left join best as b on u.partner_key = b.partner_key
)

select * from final
