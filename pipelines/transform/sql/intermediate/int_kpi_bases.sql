-- Intermediate: which mobilities each KPI counts, defined once. One boolean per numerator
-- and denominator of the registry's KPIs (pipelines/metrics/registry.py), so that every place that
-- counts them (int_kpi_mobility_counts for kpi_values, the dashboard's filtered KPIs through
-- the mobilities mart, the report's bases) counts `filter (where <flag>)` and never restates
-- the rule. A KPI's rule changes here and nowhere else.
-- Grain: one row per mobility (int_mobilities with the flags added).
-- materialized: view
-- (the flags are cheap to compute where they are read; a table would copy every mobility)
with mobilities as (
    select * from int_mobilities
),

people as (
    select
        *,
        person_role = 'student' as is_student,
        person_role in ('staff', 'researcher') as is_staff
    from mobilities
),

flags as (
    select
        * exclude (is_student, is_staff),
        -- counts of realised mobilities (outbound_mobilities, inbound_mobilities, ...)
        is_realised and direction = 'outbound' as counts_outbound,
        is_realised and direction = 'inbound' as counts_inbound,
        is_realised and kind = 'student_exchange' and direction = 'outbound'
            as counts_student_exchange_outbound,
        is_realised and kind = 'student_exchange' and direction = 'inbound'
            as counts_student_exchange_inbound,
        is_realised and kind = 'staff_research' and direction = 'outbound'
            as counts_staff_mobility_outbound,
        is_realised and kind = 'staff_research' and direction = 'inbound'
            as counts_staff_mobility_inbound,
        is_realised and kind = 'online' as counts_online,
        is_realised and kind = 'internship' and direction = 'outbound'
            as counts_internship_outbound,
        is_realised and is_credit_mobility and direction = 'outbound'
            as counts_credit_mobility_outbound,
        -- people (count distinct person_id over these): dual_degree_students, the
        -- outbound ratio and inbound rate, the graduates' share, the staff mobility rate;
        -- the outbound physical student mobilities are also the average duration's base
        is_realised and kind = 'dual_degree' as counts_dual_degree_student,
        is_realised and is_student and is_physical and direction = 'outbound'
            as counts_student_outbound,
        is_realised and is_student and is_physical and direction = 'inbound'
            as counts_student_inbound,
        is_realised and is_staff and is_physical and direction = 'outbound'
            as counts_staff_outbound,
        -- fewer_opportunities_share: realised outbound student mobilities, and those of
        -- participants with fewer opportunities among them
        is_realised and is_student and direction = 'outbound' as in_fewer_opportunities_base,
        is_realised and is_student and direction = 'outbound' and fewer_opportunities
            as counts_fewer_opportunities,
        -- recognition_rate and credit_success_rate: completed outbound student mobilities
        -- with both ECTS figures of the rate (sum the ECTS over these)
        status = 'completed' and is_student and direction = 'outbound'
            and ects_planned is not null and ects_recognised is not null
            as in_recognition_base,
        status = 'completed' and is_student and direction = 'outbound'
            and ects_planned is not null and ects_achieved is not null
            as in_success_base,
        -- language_improvement_share: realised mobilities with a CEFR level before and after,
        -- and those at least one level higher after
        is_realised and cefr_before_rank is not null and cefr_after_rank is not null
            as in_language_base,
        is_realised and cefr_after_rank >= cefr_before_rank + 1 as counts_language_improved,
        -- female_share: realised mobilities with a gender, and the female ones
        is_realised and gender is not null as in_gender_base,
        is_realised and gender = 'female' as counts_female
    from people
),

final as (
    -- a rule whose inputs are missing (no gender, no CEFR level) does not count the
    -- mobility: false, never null, so that `not <flag>` and pandas see the same
    select
        columns(lambda c: not regexp_matches(c, '^(counts|in)_')),
        coalesce(columns(lambda c: regexp_matches(c, '^(counts|in)_')), false)
    from flags
)

select * from final
