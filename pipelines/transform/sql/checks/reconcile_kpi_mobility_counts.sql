-- The yearly outbound and inbound KPIs equal the realised mobilities counted in the mart.
with from_mart as (
    select academic_year, direction, count(*) as mobilities
    from mobilities
    where is_realised
    group by academic_year, direction
),

from_kpis as (
    select
        academic_year,
        case kpi_id when 'outbound_mobilities' then 'outbound' else 'inbound' end as direction,
        value as mobilities
    from kpi_values
    where dimension = 'all' and kpi_id in ('outbound_mobilities', 'inbound_mobilities')
)

select m.academic_year, m.direction, m.mobilities as mart, k.mobilities as kpi
from from_mart as m
left join from_kpis as k on m.academic_year = k.academic_year and m.direction = k.direction
where k.mobilities is distinct from m.mobilities
