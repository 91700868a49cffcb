select 'faculty' as filter, faculty_label as value from mobilities
union
select 'programme', programme_label from mobilities
union
select 'level', cast(study_level as varchar) from mobilities where study_level is not null
union
select 'kind', kind from mobilities
order by filter, value
