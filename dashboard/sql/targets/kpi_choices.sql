select kpi_id, name, unit, definition from ref_kpis order by name
