-- stored mappings with the name of the partner each points to
select m.source_key, coalesce(k.partner_name, m.partner_key) as mapped_to,
       m.partner_key, m.source_key = m.partner_key as new_partner, m.mapped_at
from partner_mappings as m
left join known_partners as k on m.partner_key = k.partner_key
order by m.mapped_at desc, m.source_key
