years as (
    select distinct year_start, academic_year from kpi_values
    where year_start between $year_from and $year_to
),

-- which mobilities each KPI counts: the flags of int_kpi_bases, as kpi_values counts them
counts as (
    select
        year_start,
        count(*) filter (where counts_outbound) as outbound_mobilities,
        count(*) filter (where counts_inbound) as inbound_mobilities,
        count(distinct person_id) filter (where counts_student_outbound) as students_outbound,
        count(distinct person_id) filter (where counts_credit_mobility_outbound)
            as credit_students_outbound,
        count(*) filter (where counts_fewer_opportunities) as fewer_opportunities,
        count(*) filter (where in_fewer_opportunities_base) as student_mobilities_outbound,
        sum(ects_recognised) filter (where in_recognition_base) as ects_recognised,
        sum(ects_planned) filter (where in_recognition_base) as ects_planned_recognition
    from filtered
    group by year_start
),

heads as (
    select year_start, sum(enrolled_students) as enrolled_students, sum(graduates) as graduates
    from headcounts
    where year_start between $year_from and $year_to
      and ($faculties is null or list_contains($faculties, faculty))
      and ($levels is null or list_contains($levels, study_level))
      and ($degree_programmes is null or list_contains($degree_programmes, degree_programme))
    group by year_start
),

g as (
    select
        y.year_start,
        y.academic_year,
        coalesce(c.outbound_mobilities, 0) as outbound_mobilities,
        coalesce(c.inbound_mobilities, 0) as inbound_mobilities,
        coalesce(c.students_outbound, 0) as students_outbound,
        coalesce(c.credit_students_outbound, 0) as credit_students_outbound,
        coalesce(c.fewer_opportunities, 0) as fewer_opportunities,
        coalesce(c.student_mobilities_outbound, 0) as student_mobilities_outbound,
        c.ects_recognised,
        c.ects_planned_recognition,
        h.enrolled_students,
        h.graduates
    from years as y
    left join counts as c on y.year_start = c.year_start
    left join heads as h on y.year_start = h.year_start
),

-- the counts as (year, measure, amount), named as the registry's measures
amounts as (
    select year_start, academic_year, columns(* exclude (year_start, academic_year))::double
    from g
),

measures as (
    select {'year_start': year_start, 'academic_year': academic_year} as grp, measure, amount
    from amounts
    unpivot include nulls (
        amount for measure in (columns(* exclude (year_start, academic_year)))
    )
),

-- the headline KPIs from their measures, by the registry's formulas (as in kpi_values)
long as (
    select grp.year_start, grp.academic_year, kpi_id, numerator, denominator, value
    from kpis_from_measures('measures')
    where kpi_id in (select kpi_id from ref_kpis where headline)
),

final as (
    select
        l.year_start,
        l.academic_year,
        l.kpi_id,
        k.name,
        k.unit,
        cast(l.value as double) as value,
        cast(l.numerator as double) as numerator,
        cast(l.denominator as double) as denominator
    from long as l
    inner join ref_kpis as k on l.kpi_id = k.kpi_id
)

select * from final order by year_start, kpi_id
