select value
from kpi_by_year
where kpi_id = $kpi_id and year_start = $year and faculty = $faculty
