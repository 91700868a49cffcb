-- Intermediate: the numerators and denominators of every mobility-based KPI, per academic
-- year overall and by faculty, partner country, study level and kind of mobility.
-- Grain: one row per academic year, dimension and dimension value.
with mobilities as (
    select
        *,
        faculty_label as faculty_value,
        partner_country as country_value,
        study_level_label as level_value,
        kind as kind_value
    from int_kpi_bases
),

counts as (
    select
        year_start,
        case
            when grouping(faculty_value) = 0 then 'faculty'
            when grouping(country_value) = 0 then 'country'
            when grouping(level_value) = 0 then 'level'
            when grouping(kind_value) = 0 then 'kind'
            else 'all'
        end as dimension,
        case
            when grouping(faculty_value) = 0 then faculty_value
            when grouping(country_value) = 0 then country_value
            when grouping(level_value) = 0 then level_value
            when grouping(kind_value) = 0 then kind_value
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
        count(distinct person_id) filter (where counts_dual_degree_student)
            as dual_degree_students,
        count(*) filter (where counts_staff_mobility_outbound) as staff_mobility_outbound,
        count(*) filter (where counts_staff_mobility_inbound) as staff_mobility_inbound,
        count(*) filter (where counts_online) as online_mobilities,
        count(*) filter (where counts_internship_outbound) as internships_outbound,
        count(distinct person_id) filter (where counts_student_outbound) as students_outbound,
        count(distinct person_id) filter (where counts_student_inbound) as students_inbound,
        count(*) filter (where counts_credit_mobility_outbound) as credit_mobility_outbound,
        count(distinct person_id) filter (where counts_credit_mobility_outbound)
            as credit_students_outbound,
        count(*) filter (where counts_fewer_opportunities) as fewer_opportunities,
        count(*) filter (where in_fewer_opportunities_base) as student_mobilities_outbound,
        sum(ects_recognised) filter (where in_recognition_base) as ects_recognised,
        sum(ects_planned) filter (where in_recognition_base) as ects_planned_recognition,
        sum(ects_achieved) filter (where in_success_base) as ects_achieved,
        sum(ects_planned) filter (where in_success_base) as ects_planned_success,
        count(*) filter (where counts_language_improved) as language_improved,
        count(*) filter (where in_language_base) as language_assessed,
        count(distinct person_id) filter (where counts_staff_outbound) as staff_outbound_people,
        count(*) filter (where counts_female) as female,
        count(*) filter (where in_gender_base) as gender_known,
        avg(duration_days) filter (where counts_student_outbound) as average_duration_days
    from mobilities
    group by grouping sets (
        (year_start),
        (year_start, faculty_value),
        (year_start, country_value),
        (year_start, level_value),
        (year_start, kind_value)
    )
)

select * from counts
