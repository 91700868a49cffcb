-- Mart: every KPI of the registry (pipelines/metrics/registry.py) per academic year, overall and by
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

-- every count of every group as one row (group, measure, amount): what the KPIs are made of
amounts as (
    select
        year_start, dimension, dimension_value,
        columns(* exclude (year_start, dimension, dimension_value))::double
    from g
),

organisation_amounts as (
    select
        year_start, dimension, dimension_value,
        columns(* exclude (year_start, dimension, dimension_value))::double
    from o
),

mobility_measures as (
    select * from amounts
    unpivot include nulls (
        amount for measure in (columns(* exclude (year_start, dimension, dimension_value)))
    )
),

organisation_measures as (
    select * from organisation_amounts
    unpivot include nulls (
        amount for measure in (columns(* exclude (year_start, dimension, dimension_value)))
    )
),

measures as (
    select
        {'year_start': year_start, 'dimension': dimension, 'dimension_value': dimension_value}
            as grp,
        measure,
        amount
    from (
        select * from mobility_measures
        union all by name
        select * from organisation_measures
    )
),

-- each KPI of the registry from its measures, by its formula (macro kpis_from_measures)
long as (
    select
        grp.year_start,
        grp.dimension,
        grp.dimension_value,
        kpi_id,
        numerator,
        denominator,
        value
    from kpis_from_measures('measures')
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
