select 1 from kpi_values limit 1
