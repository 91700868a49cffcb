select partner_country as country,
    coalesce(any_value(partner_country_name), partner_country) as country_name,
    count(*) as mobilities
from mobilities
group by partner_country
order by mobilities desc, country_name
