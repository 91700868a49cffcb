-- Mart: the values the sidebar filters offer (faculty, programme, study level, kind of
-- mobility, degree programme), so that the dashboard does not scan every mobility for them on each page load
-- (dashboard/sql/shared/filter_values.sql). Grain: one row per filter and value.
with mobilities as (
    select * from mobilities
),

final as (
    select distinct 'faculty' as filter, faculty_label as value from mobilities
    union
    select 'programme', programme_label from mobilities
    union
    select 'level', cast(study_level as varchar) from mobilities where study_level is not null
    union
    select 'kind', kind from mobilities
    union
    select 'degree_programme', degree_programme_label from mobilities
)

select * from final
