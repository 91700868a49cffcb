-- agreements that end within the next expiring_months (setting), of the selected faculties
-- ($faculties, null: all) and university-wide
select
    agreement_id, partner_name, partner_country_name as country_name, agreement_type, activity,
    coalesce(faculty, '(university-wide)') as faculty, valid_from, valid_to,
    places_outbound, places_inbound, realised_outbound_total, realised_inbound_total,
    last_activity_year
from agreements
where validity = 'expiring'
  and ($faculties is null or faculty is null or list_contains($faculties, faculty))
order by valid_to, partner_name, agreement_id
