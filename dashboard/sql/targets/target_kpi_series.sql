-- the values of each KPI and faculty that has a target, by academic year
select v.kpi_id, v.faculty, v.year_start, v.value
from kpi_by_year as v
where exists (
    select 1 from targets as t where t.kpi_id = v.kpi_id and t.faculty = v.faculty
)
order by v.kpi_id, v.faculty, v.year_start
