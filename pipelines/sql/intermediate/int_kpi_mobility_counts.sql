-- Intermediate: the numerators and denominators of every mobility-based KPI, per academic
-- year overall and by faculty, partner country, study level and kind of mobility.
-- Grain: one row per academic year, dimension and dimension value.
with mobilities as (
    select
        *,
        coalesce(faculty, '(not set)') as faculty_value,
        partner_country as country_value,
        coalesce(cast(study_level as varchar), '(not set)') as level_value,
        kind as kind_value,
        person_role = 'student' as is_student
    from int_mobilities
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
        count(*) as records,
        count(*) filter (where is_realised) as realised,
        count(*) filter (where status = 'cancelled') as cancelled,
        count(*) filter (where is_realised and direction = 'outbound') as outbound_mobilities,
        count(*) filter (where is_realised and direction = 'inbound') as inbound_mobilities,
        count(*) filter (
            where is_realised and kind = 'student_exchange' and direction = 'outbound'
        ) as student_exchange_outbound,
        count(*) filter (
            where is_realised and kind = 'student_exchange' and direction = 'inbound'
        ) as student_exchange_inbound,
        count(distinct person_id) filter (
            where is_realised and kind = 'dual_degree'
        ) as dual_degree_students,
        count(*) filter (
            where is_realised and kind = 'staff_research' and direction = 'outbound'
        ) as staff_mobility_outbound,
        count(*) filter (
            where is_realised and kind = 'staff_research' and direction = 'inbound'
        ) as staff_mobility_inbound,
        count(*) filter (where is_realised and kind = 'online') as online_mobilities,
        count(*) filter (
            where is_realised and kind = 'internship' and direction = 'outbound'
        ) as internships_outbound,
        count(distinct person_id) filter (
            where is_realised and is_student and is_physical and direction = 'outbound'
        ) as students_outbound,
        count(distinct person_id) filter (
            where is_realised and is_student and is_physical and direction = 'inbound'
        ) as students_inbound,
        count(*) filter (
            where is_realised and is_credit_mobility and direction = 'outbound'
        ) as credit_mobility_outbound,
        count(distinct person_id) filter (
            where is_realised and is_credit_mobility and direction = 'outbound'
        ) as credit_students_outbound,
        count(*) filter (
            where is_realised and is_student and direction = 'outbound' and fewer_opportunities
        ) as fewer_opportunities,
        count(*) filter (
            where is_realised and is_student and direction = 'outbound'
        ) as student_mobilities_outbound,
        sum(ects_recognised) filter (
            where status = 'completed' and is_student and direction = 'outbound'
            and ects_planned is not null and ects_recognised is not null
        ) as ects_recognised,
        sum(ects_planned) filter (
            where status = 'completed' and is_student and direction = 'outbound'
            and ects_planned is not null and ects_recognised is not null
        ) as ects_planned_recognition,
        sum(ects_achieved) filter (
            where status = 'completed' and is_student and direction = 'outbound'
            and ects_planned is not null and ects_achieved is not null
        ) as ects_achieved,
        sum(ects_planned) filter (
            where status = 'completed' and is_student and direction = 'outbound'
            and ects_planned is not null and ects_achieved is not null
        ) as ects_planned_success,
        count(*) filter (
            where is_realised and cefr_after_rank >= cefr_before_rank + 1
        ) as language_improved,
        count(*) filter (
            where is_realised and cefr_before_rank is not null and cefr_after_rank is not null
        ) as language_assessed,
        count(distinct person_id) filter (
            where is_realised and person_role in ('staff', 'researcher') and is_physical
            and direction = 'outbound'
        ) as staff_outbound_people,
        count(*) filter (where is_realised and gender = 'female') as female,
        count(*) filter (where is_realised and gender is not null) as gender_known,
        avg(duration_days) filter (
            where is_realised and is_student and is_physical and direction = 'outbound'
        ) as average_duration_days
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
