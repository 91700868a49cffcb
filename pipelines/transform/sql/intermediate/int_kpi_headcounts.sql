-- Intermediate: headcount denominators per academic year, overall, by faculty, by study
-- level and by degree programme (only rows that state a level or a programme).
-- Grain: one row per year, dimension, dimension value.
with headcounts as (
    select
        *,
        academic_year_of_label(academic_year) as year_start,
        cast(study_level as varchar) as level_value
    from stg_headcounts
),

sums as (
    select
        year_start,
        case
            when grouping(faculty) = 0 then 'faculty'
            when grouping(level_value) = 0 then 'level'
            when grouping(degree_programme) = 0 then 'degree_programme'
            else 'all'
        end as dimension,
        case
            when grouping(faculty) = 0 then faculty
            when grouping(level_value) = 0 then level_value
            when grouping(degree_programme) = 0 then degree_programme
            else 'all'
        end as dimension_value,
        sum(enrolled_students) as enrolled_students,
        sum(graduates) as graduates,
        sum(academic_staff) as academic_staff
    from headcounts
    group by grouping sets (
        (year_start), (year_start, faculty), (year_start, level_value), (year_start, degree_programme)
    )
),

final as (
    select * from sums
    where dimension_value is not null
)

select * from final
