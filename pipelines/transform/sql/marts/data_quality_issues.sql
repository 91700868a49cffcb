-- Mart: every data-quality check a mobility fails, with what a person needs to find and fix
-- the record in the source system: the record's own id and what is wrong, never the person.
-- Grain: one row per mobility per rule it fails.
with checks as (
    select * from int_mobility_quality
),

mobilities as (
    select * from int_mobilities
),

partners as (
    select * from int_partners
),

rules as (
    select * from ref_quality_rules
),

final as (
    select
        c.rule_id,
        r.name as rule_name,
        c.mobility_id,
        c.academic_year,
        c.year_start,
        c.detail,
        m.direction,
        m.activity,
        m.faculty,
        m.partner_key,
        p.partner_label as partner_name,
        m.partner_country,
        m.start_date,
        m.end_date,
        m.duration_days,
        m.status,
        m.import_id
    from checks as c
    inner join rules as r on c.rule_id = r.rule_id
    inner join mobilities as m on c.mobility_id = m.mobility_id
    left join partners as p on m.partner_key = p.partner_key
    where not c.passed
)

select * from final
