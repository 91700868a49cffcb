select 'faculty' as filter, coalesce(faculty, '(not set)') as value from mobilities
union
select 'programme', coalesce(programme, '(not set)') from mobilities
union
select 'level', cast(study_level as varchar) from mobilities where study_level is not null
union
select 'kind', kind from mobilities
order by filter, value
