-- Report query: how many mobilities lie behind the ECTS-based rates (recognition, credit
-- success) and how many outbound students had special needs support, per academic year and
-- faculty. The rates themselves come from kpi_values; these counts are the base a rate rests
-- on, which decides whether the rate may be shown (small-cell suppression).
-- Parameters: $first_year, $last_year, $faculty (null: whole university).
-- Grain: one row per academic year and faculty.
with mobilities as (
    select * from mobilities
),

chosen as (
    select *, coalesce(faculty, '(not set)') as faculty_value
    from mobilities
    where year_start between $first_year and $last_year
      and ($faculty is null or faculty = $faculty)
),

final as (
    select
        academic_year,
        faculty_value as faculty,
        count(*) filter (
            where status = 'completed' and person_role = 'student' and direction = 'outbound'
            and ects_planned is not null and ects_recognised is not null
        ) as recognition_base,
        count(*) filter (
            where status = 'completed' and person_role = 'student' and direction = 'outbound'
            and ects_planned is not null and ects_achieved is not null
        ) as success_base,
        count(*) filter (
            where is_realised and person_role = 'student' and direction = 'outbound'
            and special_needs
        ) as special_needs
    from chosen
    group by all
)

select * from final
