-- pass rate (%) of each rule (rows) in each academic year (columns)
pivot (
    select rule_position, rule_name as rule, in_score as in_score, academic_year,
           pass_pct
    from data_quality_rule_years
)
on academic_year using first(pass_pct)
group by rule_position, rule, in_score
order by rule_position
