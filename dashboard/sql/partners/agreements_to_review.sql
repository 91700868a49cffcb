-- agreements to look at, of the selected faculties ($faculties, null: all) and university-wide:
-- $which = 'dormant' (no mobility in the latest years, setting dormant_years; longest idle
-- first) or 'expiring' (ending within expiring_months, setting; soonest first)
select
    agreement_id, partner_name, partner_country_name as country_name, agreement_type, activity,
    coalesce(faculty, '(university-wide)') as faculty, valid_from, valid_to,
    places_outbound, places_inbound, realised_outbound_total, realised_inbound_total,
    last_activity_year
from agreements
where (case $which when 'dormant' then is_dormant else validity = 'expiring' end)
  and ($faculties is null or faculty is null or list_contains($faculties, faculty))
order by
    case when $which = 'dormant' then last_activity_year end nulls first,
    case when $which = 'expiring' then valid_to end,
    partner_name,
    agreement_id
