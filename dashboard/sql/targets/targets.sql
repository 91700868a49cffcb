select t.kpi_id, t.kpi_name, t.unit, t.faculty, t.academic_year, t.year_start,
       t.target_value, t.note, k.good_direction, k.definition
from targets as t
inner join ref_kpis as k on t.kpi_id = k.kpi_id
order by t.year_start, t.kpi_name, t.faculty
