select distinct faculty from kpi_by_year where faculty <> 'all' order by faculty
