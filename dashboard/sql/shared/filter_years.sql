select distinct year_start, academic_year from kpi_values order by year_start
