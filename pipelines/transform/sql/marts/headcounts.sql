-- Mart: the denominators of every rate (enrolled students, graduates, academic staff) per
-- academic year, faculty, study level and degree programme, so a page can sum them for any
-- combination of faculty, level and degree programme filters. study_level is null on rows
-- that give a faculty's total for all levels (or its staff); degree_programme is null on
-- rows that are not per programme.
-- Grain: one row per academic year, faculty, study level and degree programme.
with headcounts as (
    select * from stg_headcounts
),

final as (
    select
        academic_year,
        academic_year_of_label(academic_year) as year_start,
        faculty,
        study_level,
        degree_programme,
        enrolled_students,
        graduates,
        academic_staff,
        international_degree_students
    from headcounts
)

select * from final
