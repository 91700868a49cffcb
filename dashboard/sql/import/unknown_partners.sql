-- unknown partners (not mapped, no agreement) that occur in the records of import $import_id
select *
from data_quality_unknown_partners
where list_contains(import_ids, $import_id)
order by agreement_mobilities desc, mobilities desc, partner_key
