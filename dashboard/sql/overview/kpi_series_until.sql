select kpi_id, faculty, year_start, value
from kpi_by_year
where faculty in ('all', $faculty) and year_start <= $year
