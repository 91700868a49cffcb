-- agreements dormant in the latest academic year, of the selected faculties ($faculties,
-- null: all) and university-wide
select
    agreement_id, partner_name, partner_country_name as country_name, agreement_type, activity,
    coalesce(faculty, '(university-wide)') as faculty, valid_from, valid_to,
    places_outbound, places_inbound, realised_outbound_total, realised_inbound_total,
    last_activity_year
from agreements
where is_dormant
  and ($faculties is null or faculty is null or list_contains($faculties, faculty))
order by last_activity_year nulls first, partner_name, agreement_id
