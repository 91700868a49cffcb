select source, period, sum(participants) as participants
from benchmark_country_flows
group by all
order by source desc, period
