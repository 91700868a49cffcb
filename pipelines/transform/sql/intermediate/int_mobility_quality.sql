-- Intermediate: every data-quality rule (pipelines/transform/quality.py, table ref_quality_rules)
-- applied to each mobility it applies to: passed or not, and if not, why.
-- Grain: one row per mobility per rule that applies to it.
with mobilities as (
    select * from int_mobilities
),

agreements as (
    select * from int_agreements
),

mappings as (
    select * from stg_partner_mappings
),

rules as (
    select * from ref_quality_rules
),

durations as (
    select * from ref_duration_rules
),

known_partner_keys as (
    select partner_key from agreements
    union
    select partner_key from mappings
),

overlap_counts as (
    select
        a.mobility_id,
        count(*) as overlapping,
        min(b.mobility_id) as first_overlapping
    from mobilities as a
    inner join mobilities as b
        on a.person_id = b.person_id
        and a.mobility_id <> b.mobility_id
        and a.start_date <= b.end_date
        and b.start_date <= a.end_date
    where a.status <> 'cancelled' and b.status <> 'cancelled'
    group by a.mobility_id
),

duplicate_check as (
    select
        m.mobility_id,
        'suspected_duplicate' as rule_id,
        o.mobility_id is null as passed,
        'overlaps ' || o.first_overlapping
            || case when o.overlapping > 1 then ' and ' || (o.overlapping - 1) || ' more' else '' end
            as detail
    from mobilities as m
    left join overlap_counts as o on m.mobility_id = o.mobility_id
    where m.status <> 'cancelled'
),

partner_check as (
    select
        m.mobility_id,
        'unknown_partner' as rule_id,
        k.partner_key is not null as passed,
        case when k.partner_key is null then
            coalesce(m.partner_name, m.partner_erasmus_code, m.partner_schac_code, '(no name)')
            || ' (' || m.partner_country || ') has no agreement'
        end as detail
    from mobilities as m
    inner join rules as r
        on r.rule_id = 'unknown_partner' and list_contains(r.activities, m.activity)
    left join known_partner_keys as k on m.partner_key = k.partner_key
),

agreement_check as (
    select
        m.mobility_id,
        'outside_agreement' as rule_id,
        coalesce(m.start_date between a.valid_from and a.valid_to, false) as passed,
        case
            when a.agreement_id is null then 'agreement ' || m.agreement_id || ' was never imported'
            when m.start_date < a.valid_from
                then 'starts ' || m.start_date || ', before ' || a.agreement_id || ' is valid ('
                || a.valid_from || ' to ' || a.valid_to || ')'
            when m.start_date > a.valid_to
                then 'starts ' || m.start_date || ', after ' || a.agreement_id || ' ended ('
                || a.valid_from || ' to ' || a.valid_to || ')'
        end as detail
    from mobilities as m
    left join agreements as a on m.agreement_id = a.agreement_id
    where m.agreement_id is not null
),

duration_ranges as (
    select
        m.mobility_id,
        m.duration_days,
        d.min_days,
        d.max_days
    from mobilities as m
    inner join durations as d
        on m.activity = d.activity
        and (d.mode is null or m.mode = d.mode)
        and (d.study_level is null or m.study_level = d.study_level)
),

duration_check as (
    select
        mobility_id,
        'implausible_duration' as rule_id,
        bool_or(duration_days between min_days and max_days) as passed,
        case when not bool_or(duration_days between min_days and max_days) then
            duration_days || ' days; plausible: '
            || string_agg(min_days || '-' || max_days, ' or ' order by min_days) || ' days'
        end as detail
    from duration_ranges
    group by mobility_id, duration_days
),

fields_check as (
    select
        mobility_id,
        'missing_reporting_fields' as rule_id,
        faculty is not null
            and gender is not null
            and (person_role <> 'student' or study_level is not null) as passed,
        nullif(
            concat_ws(
                ', ',
                case when faculty is null then 'faculty' end,
                case when gender is null then 'gender' end,
                case when person_role = 'student' and study_level is null then 'study level' end
            ),
            ''
        ) as empty_fields
    from mobilities
),

checks as (
    select * from duplicate_check
    union all
    select * from partner_check
    union all
    select * from agreement_check
    union all
    select * from duration_check
    union all
    select mobility_id, rule_id, passed, 'empty: ' || empty_fields from fields_check
),

final as (
    select
        c.mobility_id,
        c.rule_id,
        c.passed,
        case when not c.passed then c.detail end as detail,
        m.year_start,
        m.academic_year
    from checks as c
    inner join mobilities as m on c.mobility_id = m.mobility_id
)

select * from final
