-- Intermediate: the numerators and denominators of every mobility-based KPI, per academic
-- year overall and by faculty, partner country, study level, kind of mobility and degree
-- programme.
-- Grain: one row per academic year, dimension and dimension value.
--
-- Mobilities and people are counted in two passes. A `count(distinct person_id)` per people
-- measure made DuckDB hash (group, person) once per measure and grouping set: the costliest
-- step of the whole build at a million mobilities, growing faster than the data. Instead
-- each person is reduced to one row per group they count in (their flags or-ed, once for all
-- measures), and people are then counted like mobilities, with a plain `count(*) filter`.
with mobilities as (
    select
        *,
        faculty_label as faculty_value,
        partner_country as country_value,
        study_level_label as level_value,
        kind as kind_value,
        degree_programme_label as degree_programme_value
    from int_kpi_bases
),

-- the mobilities a people measure may count: the others add no person to any count
counted_people as (
    select * from mobilities
    where counts_dual_degree_student
       or counts_student_outbound
       or counts_student_inbound
       or counts_credit_mobility_outbound
       or counts_staff_outbound
),

mobility_counts as (
    select
        year_start,
        case
            when grouping(faculty_value) = 0 then 'faculty'
            when grouping(country_value) = 0 then 'country'
            when grouping(level_value) = 0 then 'level'
            when grouping(kind_value) = 0 then 'kind'
            when grouping(degree_programme_value) = 0 then 'degree_programme'
            else 'all'
        end as dimension,
        case
            when grouping(faculty_value) = 0 then faculty_value
            when grouping(country_value) = 0 then country_value
            when grouping(level_value) = 0 then level_value
            when grouping(kind_value) = 0 then kind_value
            when grouping(degree_programme_value) = 0 then degree_programme_value
            else 'all'
        end as dimension_value,
        -- which mobilities each count takes: int_kpi_bases
        count(*) as records,
        count(*) filter (where is_realised) as realised,
        count(*) filter (where status = 'cancelled') as cancelled,
        count(*) filter (where counts_outbound) as outbound_mobilities,
        count(*) filter (where counts_inbound) as inbound_mobilities,
        count(*) filter (where counts_student_exchange_outbound) as student_exchange_outbound,
        count(*) filter (where counts_student_exchange_inbound) as student_exchange_inbound,
        count(*) filter (where counts_staff_mobility_outbound) as staff_mobility_outbound,
        count(*) filter (where counts_staff_mobility_inbound) as staff_mobility_inbound,
        count(*) filter (where counts_online) as online_mobilities,
        count(*) filter (where counts_internship_outbound) as internships_outbound,
        count(*) filter (where counts_credit_mobility_outbound) as credit_mobility_outbound,
        count(*) filter (where counts_fewer_opportunities) as fewer_opportunities,
        count(*) filter (where in_fewer_opportunities_base) as student_mobilities_outbound,
        sum(ects_recognised) filter (where in_recognition_base) as ects_recognised,
        sum(ects_planned) filter (where in_recognition_base) as ects_planned_recognition,
        sum(ects_achieved) filter (where in_success_base) as ects_achieved,
        sum(ects_planned) filter (where in_success_base) as ects_planned_success,
        count(*) filter (where counts_language_improved) as language_improved,
        count(*) filter (where in_language_base) as language_assessed,
        count(*) filter (where counts_female) as female,
        count(*) filter (where in_gender_base) as gender_known,
        avg(duration_days) filter (where counts_student_outbound) as average_duration_days
    from mobilities
    group by grouping sets (
        (year_start),
        (year_start, faculty_value),
        (year_start, country_value),
        (year_start, level_value),
        (year_start, kind_value),
        (year_start, degree_programme_value)
    )
),

-- one row per person and group (the same grouping sets), with which people measures the
-- person counts in there
person_groups as (
    select
        year_start,
        case
            when grouping(faculty_value) = 0 then 'faculty'
            when grouping(country_value) = 0 then 'country'
            when grouping(level_value) = 0 then 'level'
            when grouping(kind_value) = 0 then 'kind'
            when grouping(degree_programme_value) = 0 then 'degree_programme'
            else 'all'
        end as dimension,
        case
            when grouping(faculty_value) = 0 then faculty_value
            when grouping(country_value) = 0 then country_value
            when grouping(level_value) = 0 then level_value
            when grouping(kind_value) = 0 then kind_value
            when grouping(degree_programme_value) = 0 then degree_programme_value
            else 'all'
        end as dimension_value,
        bool_or(counts_dual_degree_student) as dual_degree_student,
        bool_or(counts_student_outbound) as student_outbound,
        bool_or(counts_student_inbound) as student_inbound,
        bool_or(counts_credit_mobility_outbound) as credit_student_outbound,
        bool_or(counts_staff_outbound) as staff_outbound
    from counted_people
    group by grouping sets (
        (year_start, person_id),
        (year_start, faculty_value, person_id),
        (year_start, country_value, person_id),
        (year_start, level_value, person_id),
        (year_start, kind_value, person_id),
        (year_start, degree_programme_value, person_id)
    )
),

people_counts as (
    select
        year_start,
        dimension,
        dimension_value,
        count(*) filter (where dual_degree_student) as dual_degree_students,
        count(*) filter (where student_outbound) as students_outbound,
        count(*) filter (where student_inbound) as students_inbound,
        count(*) filter (where credit_student_outbound) as credit_students_outbound,
        count(*) filter (where staff_outbound) as staff_outbound_people
    from person_groups
    group by year_start, dimension, dimension_value
),

final as (
    -- a group where no mobility counts a person counts 0 people, as a distinct count would
    select
        m.year_start,
        m.dimension,
        m.dimension_value,
        m.records,
        m.realised,
        m.cancelled,
        m.outbound_mobilities,
        m.inbound_mobilities,
        m.student_exchange_outbound,
        m.student_exchange_inbound,
        coalesce(p.dual_degree_students, 0) as dual_degree_students,
        m.staff_mobility_outbound,
        m.staff_mobility_inbound,
        m.online_mobilities,
        m.internships_outbound,
        coalesce(p.students_outbound, 0) as students_outbound,
        coalesce(p.students_inbound, 0) as students_inbound,
        m.credit_mobility_outbound,
        coalesce(p.credit_students_outbound, 0) as credit_students_outbound,
        m.fewer_opportunities,
        m.student_mobilities_outbound,
        m.ects_recognised,
        m.ects_planned_recognition,
        m.ects_achieved,
        m.ects_planned_success,
        m.language_improved,
        m.language_assessed,
        coalesce(p.staff_outbound_people, 0) as staff_outbound_people,
        m.female,
        m.gender_known,
        m.average_duration_days
    from mobility_counts as m
    left join people_counts as p
        on m.year_start = p.year_start
        and m.dimension = p.dimension
        and m.dimension_value is not distinct from p.dimension_value
)

select * from final
