-- country-to-country flows of one $source; $period null: all periods summed; $within: also
-- flows within a country; $sending (ISO alpha-2, null: all) limits them to one sending country
select sending_country, sending_country_name, sending_iso3,
       receiving_country, receiving_country_name, receiving_iso3,
       sum(participants) as participants
from benchmark_country_flows
where source = $source and ($period::varchar is null or period = $period)
  and ($within or sending_country <> receiving_country)
  and ($sending::varchar is null or sending_country = $sending)
group by all
order by participants desc
