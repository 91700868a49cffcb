-- Report query: agreements valid in the academic year, optionally of one faculty, per partner
-- country: places offered, realised mobilities under them, dormant agreements.
-- Parameters: $year (label, e.g. 2024/25), $faculty (null: all agreements).
-- Grain: one row per partner country.
with agreement_years as (
    select * from agreement_years
),

countries as (
    select * from ref_countries
),

chosen as (
    select *
    from agreement_years
    where academic_year = $year
      and ($faculty is null or faculty = $faculty)
),

final as (
    select
        a.partner_country,
        coalesce(c.name, a.partner_country) as partner_country_name,
        count(*) as agreements,
        count(distinct a.partner_key) as partners,
        sum(a.places_outbound) as places_outbound,
        sum(a.places_inbound) as places_inbound,
        sum(a.realised_outbound) as realised_outbound,
        sum(a.realised_inbound) as realised_inbound,
        count(*) filter (where a.is_dormant) as dormant
    from chosen as a
    left join countries as c on a.partner_country = c.iso2
    group by all
)

select * from final
