-- Macros shared by the models (created before every build, like dbt macros).

-- Start year of the academic year a date falls in, given the year's first month.
create or replace macro academic_year_start(d, first_month) as
    year(d) - case when month(d) < first_month then 1 else 0 end;

-- Label of an academic year: 2024 -> '2024/25'.
create or replace macro academic_year_label(y) as
    cast(y as varchar) || '/' || lpad(cast((y + 1) % 100 as varchar), 2, '0');

-- Start year of a label: '2024/25' -> 2024.
create or replace macro academic_year_of_label(label) as cast(left(label, 4) as integer);

-- One key per partner institution: the Erasmus code without spaces (so 'D  KONSTAN01' and
-- 'D KONSTAN01' meet), else the SCHAC code, else name and country.
create or replace macro partner_key(erasmus_code, schac_code, partner_name, country) as
    case
        when erasmus_code is not null
            then 'erasmus:' || upper(regexp_replace(erasmus_code, '\s+', '', 'g'))
        when schac_code is not null then 'schac:' || lower(trim(schac_code))
        when partner_name is not null then 'name:' || lower(trim(partner_name)) || '|' || country
        else 'country:' || country
    end;

-- CEFR level as a rank 1 (A1) .. 6 (C2), null when unknown.
create or replace macro cefr_rank(level) as
    nullif(list_position(['A1', 'A2', 'B1', 'B2', 'C1', 'C2'], level), 0);

-- The label pages and reports show for a breakdown value that can be empty (faculty,
-- programme, study level, ...): the value as text, or '(not set)'. The only place the SQL
-- writes the word: the marts' *_label columns are made with it (int_mobilities, projects),
-- and pages and reports group and filter on those columns. Python's copy of the word, for
-- labels made outside SQL: NOT_SET in pipelines/contract/reference.py.
create or replace macro display_label(value) as coalesce(cast(value as varchar), '(not set)');

-- Percentage with a missing (not zero) result when the denominator is zero or missing.
create or replace macro pct(numerator, denominator) as
    case when denominator > 0 then 100.0 * numerator / denominator end;

-- A KPI from its measures, by the formula the registry gives it (pipelines/metrics/registry.py,
-- ref_kpis.formula): the value, and the numerator and denominator shown beside a rate.
create or replace macro kpi_value(formula, n, d) as
    case formula
        when 'count' then n
        when 'rate' then pct(n, d)
        when 'difference' then n - d
        when 'mean' then n
    end;

create or replace macro kpi_numerator(formula, n, d) as
    case formula when 'count' then n when 'rate' then n when 'difference' then n - d end;

create or replace macro kpi_denominator(formula, d) as
    case formula when 'rate' then d end;

-- Every KPI of the registry (ref_kpis) computable from a relation of measures, named by the
-- caller: columns grp (a struct: the group, e.g. year and breakdown), measure (a measure's
-- name) and amount. The one place where a KPI's formula meets its measures: kpi_values and
-- the dashboard's filtered KPIs both call it.
create or replace macro kpis_from_measures(measures) as table
    select
        n.grp,
        k.kpi_id,
        kpi_numerator(k.formula, n.amount, d.amount) as numerator,
        kpi_denominator(k.formula, d.amount) as denominator,
        kpi_value(k.formula, n.amount, d.amount) as value
    from ref_kpis as k
    inner join query_table(measures) as n on n.measure = k.numerator
    left join query_table(measures) as d on d.measure = k.denominator and d.grp = n.grp;
