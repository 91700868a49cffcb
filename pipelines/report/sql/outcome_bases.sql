-- Report query: how many mobilities lie behind the ECTS-based rates (recognition, credit
-- success) and how many outbound students had special needs support, per academic year and
-- faculty. The rates themselves come from kpi_values; these counts are the base a rate rests
-- on, which decides whether the rate may be shown (small-cell suppression).
-- Parameters: $first_year, $last_year, $faculty (null: whole university),
-- $programme (a degree programme's report; null: any).
-- Grain: one row per academic year and faculty.
with mobilities as (
    select * from mobilities
),

chosen as (
    select *
    from mobilities
    where year_start between $first_year and $last_year
      and ($faculty is null or faculty = $faculty)
      and ($programme is null or degree_programme = $programme)
),

final as (
    select
        academic_year,
        faculty_label as faculty,
        -- the mobilities behind each rate, as kpi_values counts them (int_kpi_bases)
        count(*) filter (where in_recognition_base) as recognition_base,
        count(*) filter (where in_success_base) as success_base,
        -- of the outbound student mobilities the inclusion share counts, those with support
        count(*) filter (where in_fewer_opportunities_base and special_needs) as special_needs
    from chosen
    group by all
)

select * from final
