-- mobilities failing rule $rule_id, in academic year $academic_year (null: all)
select mobility_id, academic_year, detail, direction, activity, faculty,
       partner_name, partner_country, start_date, end_date, duration_days, status,
       import_id
from data_quality_issues
where rule_id = $rule_id and ($academic_year::varchar is null or academic_year = $academic_year)
order by year_start, mobility_id
