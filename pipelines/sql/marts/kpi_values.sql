-- Mart: every KPI of the registry (pipelines/metrics.py) per academic year, overall and by
-- faculty, partner country, study level and kind of mobility, where the KPI is meaningful in
-- that breakdown (ref_kpis.dimensions). Rates carry their numerator and denominator.
-- Grain: one row per academic year, dimension, dimension value and KPI.
with mobility_counts as (
    select * from int_kpi_mobility_counts
),

headcounts as (
    select * from int_kpi_headcounts
),

organisation_counts as (
    select * from int_kpi_organisation_counts
),

kpis as (
    select * from ref_kpis
),

years as (
    select * from int_academic_years
),

-- every group that has mobilities or headcounts, so a faculty with students but no
-- mobility shows a ratio of 0, not nothing
groups as (
    select
        coalesce(m.year_start, h.year_start) as year_start,
        coalesce(m.dimension, h.dimension) as dimension,
        coalesce(m.dimension_value, h.dimension_value) as dimension_value,
        m.* exclude (year_start, dimension, dimension_value),
        h.enrolled_students,
        h.graduates,
        h.academic_staff
    from mobility_counts as m
    full outer join headcounts as h
        on m.year_start = h.year_start
        and m.dimension = h.dimension
        and m.dimension_value = h.dimension_value
),

g as (
    -- a group with headcounts only has no mobility: its counts are zero, not missing
    select
        year_start,
        dimension,
        dimension_value,
        enrolled_students,
        graduates,
        academic_staff,
        coalesce(records, 0) as records,
        coalesce(realised, 0) as realised,
        coalesce(cancelled, 0) as cancelled,
        coalesce(outbound_mobilities, 0) as outbound_mobilities,
        coalesce(inbound_mobilities, 0) as inbound_mobilities,
        coalesce(student_exchange_outbound, 0) as student_exchange_outbound,
        coalesce(student_exchange_inbound, 0) as student_exchange_inbound,
        coalesce(dual_degree_students, 0) as dual_degree_students,
        coalesce(staff_mobility_outbound, 0) as staff_mobility_outbound,
        coalesce(staff_mobility_inbound, 0) as staff_mobility_inbound,
        coalesce(online_mobilities, 0) as online_mobilities,
        coalesce(internships_outbound, 0) as internships_outbound,
        coalesce(students_outbound, 0) as students_outbound,
        coalesce(students_inbound, 0) as students_inbound,
        coalesce(credit_mobility_outbound, 0) as credit_mobility_outbound,
        coalesce(credit_students_outbound, 0) as credit_students_outbound,
        coalesce(fewer_opportunities, 0) as fewer_opportunities,
        coalesce(student_mobilities_outbound, 0) as student_mobilities_outbound,
        ects_recognised,
        ects_planned_recognition,
        ects_achieved,
        ects_planned_success,
        coalesce(language_improved, 0) as language_improved,
        coalesce(language_assessed, 0) as language_assessed,
        coalesce(staff_outbound_people, 0) as staff_outbound_people,
        coalesce(female, 0) as female,
        coalesce(gender_known, 0) as gender_known,
        average_duration_days
    from groups
),

o as (
    select * from organisation_counts
),

long as (
    select year_start, dimension, dimension_value, 'outbound_mobilities' as kpi_id,
        outbound_mobilities as numerator, null as denominator, outbound_mobilities as value from g
    union all
    select year_start, dimension, dimension_value, 'inbound_mobilities',
        inbound_mobilities, null, inbound_mobilities from g
    union all
    select year_start, dimension, dimension_value, 'student_exchange_outbound',
        student_exchange_outbound, null, student_exchange_outbound from g
    union all
    select year_start, dimension, dimension_value, 'student_exchange_inbound',
        student_exchange_inbound, null, student_exchange_inbound from g
    union all
    select year_start, dimension, dimension_value, 'dual_degree_students',
        dual_degree_students, null, dual_degree_students from g
    union all
    select year_start, dimension, dimension_value, 'staff_mobility_outbound',
        staff_mobility_outbound, null, staff_mobility_outbound from g
    union all
    select year_start, dimension, dimension_value, 'staff_mobility_inbound',
        staff_mobility_inbound, null, staff_mobility_inbound from g
    union all
    select year_start, dimension, dimension_value, 'online_mobilities',
        online_mobilities, null, online_mobilities from g
    union all
    select year_start, dimension, dimension_value, 'internships_outbound',
        internships_outbound, null, internships_outbound from g
    union all
    select year_start, dimension, dimension_value, 'outbound_mobility_ratio',
        students_outbound, enrolled_students, pct(students_outbound, enrolled_students) from g
    union all
    select year_start, dimension, dimension_value, 'inbound_mobility_rate',
        students_inbound, enrolled_students, pct(students_inbound, enrolled_students) from g
    union all
    select year_start, dimension, dimension_value, 'net_flow',
        students_inbound - students_outbound, null, students_inbound - students_outbound from g
    union all
    select year_start, dimension, dimension_value, 'credit_mobility_outbound',
        credit_mobility_outbound, null, credit_mobility_outbound from g
    union all
    select year_start, dimension, dimension_value, 'graduates_mobility_share',
        credit_students_outbound, graduates, pct(credit_students_outbound, graduates) from g
    union all
    select year_start, dimension, dimension_value, 'fewer_opportunities_share',
        fewer_opportunities, student_mobilities_outbound,
        pct(fewer_opportunities, student_mobilities_outbound) from g
    union all
    select year_start, dimension, dimension_value, 'recognition_rate',
        ects_recognised, ects_planned_recognition,
        pct(ects_recognised, ects_planned_recognition) from g
    union all
    select year_start, dimension, dimension_value, 'credit_success_rate',
        ects_achieved, ects_planned_success, pct(ects_achieved, ects_planned_success) from g
    union all
    select year_start, dimension, dimension_value, 'language_improvement_share',
        language_improved, language_assessed, pct(language_improved, language_assessed) from g
    union all
    select year_start, dimension, dimension_value, 'online_share',
        online_mobilities, realised, pct(online_mobilities, realised) from g
    union all
    select year_start, dimension, dimension_value, 'staff_mobility_rate',
        staff_outbound_people, academic_staff, pct(staff_outbound_people, academic_staff) from g
    union all
    select year_start, dimension, dimension_value, 'female_share',
        female, gender_known, pct(female, gender_known) from g
    union all
    select year_start, dimension, dimension_value, 'average_duration_days',
        null, null, average_duration_days from g
    union all
    select year_start, dimension, dimension_value, 'cancellation_rate',
        cancelled, records, pct(cancelled, records) from g
    union all
    select year_start, dimension, dimension_value, 'projects_active',
        projects_active, null, projects_active from o where projects_active is not null
    union all
    select year_start, dimension, dimension_value, 'project_funding_own',
        project_funding_own, null, project_funding_own from o where projects_active is not null
    union all
    select year_start, dimension, dimension_value, 'agreement_utilisation',
        agreement_mobilities, agreement_places, pct(agreement_mobilities, agreement_places)
    from o
    union all
    select year_start, dimension, dimension_value, 'dormant_agreements',
        dormant_agreements, null, dormant_agreements from o where dormant_agreements is not null
),

final as (
    select
        y.academic_year,
        l.year_start,
        l.dimension,
        l.dimension_value,
        l.kpi_id,
        cast(l.value as double) as value,
        cast(l.numerator as double) as numerator,
        cast(l.denominator as double) as denominator,
        k.unit
    from long as l
    inner join kpis as k on l.kpi_id = k.kpi_id
    inner join years as y on l.year_start = y.year_start
    where list_contains(k.dimensions, l.dimension)
      and l.value is not null
)

select * from final
