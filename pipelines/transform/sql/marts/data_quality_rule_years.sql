-- Mart: each data-quality rule's result per academic year: how many mobilities it applies
-- to, how many fail, and the share that passes. Grain: one row per academic year and rule
-- that applies to at least one mobility of the year.
with checks as (
    select * from int_mobility_quality
),

rules as (
    select * from ref_quality_rules
),

counts as (
    select
        academic_year,
        year_start,
        rule_id,
        count(*) as applicable,
        count(*) filter (where not passed) as failing
    from checks
    group by academic_year, year_start, rule_id
),

final as (
    select
        c.academic_year,
        c.year_start,
        c.rule_id,
        r.name as rule_name,
        r.position as rule_position,
        r.in_score,
        c.applicable,
        c.failing,
        100.0 * (c.applicable - c.failing) / c.applicable as pass_pct
    from counts as c
    inner join rules as r on c.rule_id = r.rule_id
)

select * from final
