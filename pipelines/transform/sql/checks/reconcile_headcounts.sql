-- The headcounts mart sums to the same denominators as the KPI model for the whole university.
with mart as (
    select year_start, sum(enrolled_students) as enrolled, sum(graduates) as graduates
    from headcounts
    group by year_start
),

kpi as (
    select year_start, enrolled_students as enrolled, graduates
    from int_kpi_headcounts
    where dimension = 'all'
)

select m.year_start, m.enrolled, k.enrolled as kpi_enrolled, m.graduates, k.graduates as kpi_graduates
from mart as m
full outer join kpi as k on m.year_start = k.year_start
where m.enrolled is distinct from k.enrolled or m.graduates is distinct from k.graduates
