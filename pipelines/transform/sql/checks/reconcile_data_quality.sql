-- Every mobility is checked: the rule that applies to all of them (missing reporting fields)
-- has exactly one result per mobility, and the issues never outnumber the checks.
select 'missing_reporting_fields' as rule_id,
    (select count(*) from mobilities) as mobilities,
    (select count(*) from int_mobility_quality where rule_id = 'missing_reporting_fields') as checked
where (select count(*) from mobilities)
    <> (select count(*) from int_mobility_quality where rule_id = 'missing_reporting_fields')
union all
select 'issues', (select count(*) from int_mobility_quality where not passed),
    (select count(*) from data_quality_issues)
where (select count(*) from int_mobility_quality where not passed)
    <> (select count(*) from data_quality_issues)
