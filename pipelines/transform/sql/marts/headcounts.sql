-- Mart: the denominators of every rate (enrolled students, graduates, academic staff) per
-- academic year, faculty and study level, so a page can sum them for any combination of
-- faculty and level filters. study_level is null on rows that give a faculty's total for all
-- levels (or its staff). Grain: one row per academic year, faculty and study level.
with headcounts as (
    select * from stg_headcounts
),

final as (
    select
        academic_year,
        academic_year_of_label(academic_year) as year_start,
        faculty,
        study_level,
        enrolled_students,
        graduates,
        academic_staff,
        international_degree_students
    from headcounts
)

select * from final
