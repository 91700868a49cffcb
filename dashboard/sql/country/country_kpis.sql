select v.academic_year, v.kpi_id, k.name as kpi, v.unit, v.value, v.numerator,
    v.denominator
from kpi_values as v
inner join ref_kpis as k on v.kpi_id = k.kpi_id
where v.dimension = 'country' and v.dimension_value = $country
  and v.year_start between $year_from and $year_to
order by v.academic_year
