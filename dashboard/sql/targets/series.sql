select academic_year, year_start, value
from kpi_by_year
where kpi_id = $kpi_id and faculty = $faculty
order by year_start
