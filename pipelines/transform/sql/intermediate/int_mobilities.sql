-- Intermediate: every mobility with its academic year, duration, kind of mobility, partner
-- key (after partner mapping), country and field names, the flags the KPIs count, and the
-- display labels of the breakdowns that can be empty (*_label, macro display_label).
-- Grain: one row per mobility.
with mobilities as (
    select * from stg_mobilities
),

settings as (
    select * from stg_settings
),

countries as (
    select * from ref_countries
),

fields as (
    select * from ref_isced_fields
),

mappings as (
    select * from stg_partner_mappings
),

derived as (
    select
        m.*,
        academic_year_start(m.start_date, s.year_start_month) as year_start,
        datediff('day', m.start_date, m.end_date) + 1 as duration_days,
        m.status in ('ongoing', 'completed') as is_realised,
        m.mode = 'physical' as is_physical,
        -- The six kinds of mobility (DESIGN 1); online first: a virtual traineeship is online.
        case
            when m.mode in ('virtual', 'blended') or m.activity in ('virtual', 'blended')
                then 'online'
            when m.activity = 'dual_degree' then 'dual_degree'
            when m.activity = 'traineeship' then 'internship'
            when m.person_role = 'student' then 'student_exchange'
            else 'staff_research'
        end as kind,
        partner_key(
            m.partner_erasmus_code, m.partner_schac_code, m.partner_name, m.partner_country
        ) as source_partner_key,
        cefr_rank(m.cefr_before) as cefr_before_rank,
        cefr_rank(m.cefr_after) as cefr_after_rank
    from mobilities as m
    cross join settings as s
),

final as (
    select
        d.*,
        -- a partner mapped in the app (partner_mappings) replaces the key of the data
        coalesce(pm.partner_key, d.source_partner_key) as partner_key,
        academic_year_label(d.year_start) as academic_year,
        -- Eurostat credit mobility: a student's physical study, traineeship or dual-degree
        -- period abroad of at least 3 months (90 days) or 15 ECTS.
        (
            d.person_role = 'student'
            and d.activity in ('study', 'traineeship', 'dual_degree')
            and d.is_physical
            and (d.duration_days >= 90 or coalesce(d.ects_achieved, d.ects_planned) >= 15)
        ) as is_credit_mobility,
        c.name as partner_country_name,
        c.region as partner_region,
        c.continent as partner_continent,
        c.eu as partner_in_eu,
        left(d.field, 2) as field_broad,
        f.name as field_broad_name,
        -- what pages and reports show, group and filter on where a value is empty
        display_label(d.faculty) as faculty_label,
        display_label(d.programme) as programme_label,
        display_label(d.study_level) as study_level_label,
        display_label(d.degree_programme) as degree_programme_label,
        display_label(d.gender) as gender_label,
        display_label(f.name) as field_broad_label,
        display_label(d.language) as language_label,
        display_label(d.host_type) as host_type_label,
        -- the country's name, or its code where the reference list has none
        coalesce(c.name, d.partner_country) as partner_country_label
    from derived as d
    left join countries as c on d.partner_country = c.iso2
    left join fields as f on left(d.field, 2) = f.code
    left join mappings as pm on d.source_partner_key = pm.source_key
)

select * from final
