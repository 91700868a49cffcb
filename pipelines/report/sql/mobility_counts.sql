-- Report query: realised mobilities of the report's academic years (the year and the four
-- before it), optionally of one faculty, counted by every attribute a standard table groups
-- by. Aggregates only: no row about a person leaves the query.
-- Parameters: $first_year, $last_year (start years), $faculty (null: whole university),
-- $programme (a degree programme's report; null: any).
-- Grain: one row per academic year and combination of the grouped attributes.
with mobilities as (
    select * from mobilities
),

chosen as (
    select *
    from mobilities
    where is_realised
      and year_start between $first_year and $last_year
      and ($faculty is null or faculty = $faculty)
      and ($programme is null or degree_programme = $programme)
),

final as (
    select
        academic_year,
        year_start,
        direction,
        person_role,
        kind,
        activity,
        mode,
        partner_country,
        partner_country_label as partner_country_name,
        study_level,
        faculty_label as faculty,
        host_type,
        count(*) as mobilities
    from chosen
    group by all
)

select * from final
