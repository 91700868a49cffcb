select erasmus_code, name, country, outbound_participants, inbound_participants
from benchmark_institutions
where not in_institution_list
order by participants desc, erasmus_code
