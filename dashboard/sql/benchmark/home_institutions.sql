select erasmus_code,
       name || ' · ' || erasmus_code || coalesce(' · ' || city, '') as label,
       country, country_name, outbound_participants
from benchmark_institutions
where outbound_participants > 0
order by outbound_participants desc, erasmus_code
