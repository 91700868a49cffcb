-- Mart: the data-quality score of each academic year: the mean pass rate of the rules that
-- count in the score (ref_quality_rules.in_score) and apply to the year, equal weights.
-- Grain: one row per academic year with mobilities.
with rule_years as (
    select * from data_quality_rule_years
),

checks as (
    select * from int_mobility_quality
),

records as (
    select
        academic_year,
        count(distinct mobility_id) as mobilities,
        count(distinct mobility_id) filter (where not passed) as mobilities_with_issues
    from checks
    group by academic_year
),

scores as (
    select
        academic_year,
        year_start,
        avg(pass_pct) as score,
        count(*) as rules_counted
    from rule_years
    where in_score
    group by academic_year, year_start
),

final as (
    select
        s.academic_year,
        s.year_start,
        s.score,
        s.rules_counted,
        r.mobilities,
        r.mobilities_with_issues
    from scores as s
    inner join records as r on s.academic_year = r.academic_year
)

select * from final
