-- unknown partners, most used first; with $agreement_activities_only only those of
-- activities needing an agreement
select partner_key, partner_name, partner_erasmus_code, partner_schac_code,
       partner_country, mobilities, agreement_mobilities, first_academic_year,
       last_academic_year
from data_quality_unknown_partners
where not $agreement_activities_only or agreement_mobilities > 0
order by agreement_mobilities desc, mobilities desc, partner_key
