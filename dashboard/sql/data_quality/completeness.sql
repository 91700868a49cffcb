select academic_year, column_name, column_position, records, filled, filled_pct
from data_quality_completeness
order by year_start, column_position
