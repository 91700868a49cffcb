-- The EC Erasmus records (benchmark_mobilities) of one academic year ($year, null: all) as
-- three scopes: the home institution ($home_code), its country, the whole programme. Opens a
-- `with` list and ends with a comma: benchmark/summary and benchmark/shares continue it.
with base as (
    select * from benchmark_mobilities where ($year::varchar is null or academic_year = $year)
),

home as (
    select country, code_key from benchmark_institutions where erasmus_code = $home_code
),

scoped as (
    select 'institution' as scope, * from base
    where home_code_key = (select code_key from home)
    union all
    select 'country', * from base where home_country = (select country from home)
    union all
    select 'programme', * from base
),
