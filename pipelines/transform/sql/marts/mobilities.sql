-- Mart: one row per mobility, with everything a page or report needs to filter and group:
-- academic year, duration, kind of mobility, partner, country and region, the Eurostat
-- credit-mobility flag and the agreement it falls under, and which KPIs count it (the
-- counts_* and in_* flags of int_kpi_bases, so that the dashboard's filtered KPIs count the
-- same mobilities as kpi_values), and the display labels pages and reports group and filter
-- on (faculty_label, ...: macro display_label). Grain: one row per mobility.
with mobilities as (
    select * from int_kpi_bases
),

links as (
    select * from int_mobility_agreements
),

partners as (
    select * from int_partners
),

final as (
    select
        m.mobility_id,
        m.person_id,
        m.person_role,
        m.direction,
        m.activity,
        m.mode,
        m.kind,
        m.programme,
        m.academic_year,
        m.year_start,
        m.start_date,
        m.end_date,
        m.duration_days,
        m.status,
        m.is_realised,
        m.is_physical,
        m.is_credit_mobility,
        m.partner_key,
        p.partner_label as partner_name,
        m.partner_erasmus_code,
        m.partner_country,
        m.partner_country_name,
        m.partner_region,
        m.partner_continent,
        m.partner_in_eu,
        m.partner_city,
        m.host_type,
        m.faculty,
        m.study_level,
        m.degree_programme,
        m.field,
        m.field_broad,
        m.field_broad_name,
        m.gender,
        m.nationality,
        m.fewer_opportunities,
        m.special_needs,
        m.ects_planned,
        m.ects_achieved,
        m.ects_recognised,
        m.language,
        m.cefr_before,
        m.cefr_after,
        m.cefr_before_rank,
        m.cefr_after_rank,
        m.grant_amount,
        m.teaching_hours,
        -- display labels (int_mobilities): the value, or the word for an empty one
        m.faculty_label,
        m.programme_label,
        m.study_level_label,
        m.degree_programme_label,
        m.gender_label,
        m.field_broad_label,
        m.language_label,
        m.host_type_label,
        m.partner_country_label,
        m.agreement_id as agreement_id_given,
        l.agreement_id,
        l.how as agreement_link,
        m.import_id,
        columns('^(counts|in)_')  -- the KPI flags (only int_kpi_bases has such columns)
    from mobilities as m
    left join links as l on m.mobility_id = l.mobility_id
    left join partners as p on m.partner_key = p.partner_key
)

select * from final
