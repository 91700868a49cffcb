-- the stored targets in the columns of a targets file (faculty empty: university)
select kpi_id, academic_year, nullif(faculty, 'all') as faculty, target_value as value,
       note
from targets
order by kpi_id, academic_year, faculty
