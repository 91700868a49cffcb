-- continues shared/filtered.sql; $all_years labels the row of each partner over all years
flows as (
    select
        partner_key,
        year_start,
        count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where direction = 'inbound') as inbound
    from realised
    group by all
),

places as (
    select
        partner_key,
        year_start,
        sum(places_outbound) as places_outbound,
        sum(places_inbound) as places_inbound,
        sum(realised_total) as agreement_mobilities
    from agreement_years
    where year_start between $year_from and $year_to
      and ($faculties is null or faculty is null or list_contains($faculties, faculty))
    group by all
),

info as (
    select
        partner_key,
        any_value(partner_name) as partner_name,
        any_value(partner_country_name) as country_name,
        max(last_activity_year) as last_activity_year
    from partners
    group by partner_key
),

per_year as (
    select
        coalesce(f.partner_key, p.partner_key) as partner_key,
        coalesce(f.year_start, p.year_start) as year_start,
        coalesce(f.outbound, 0) as outbound,
        coalesce(f.inbound, 0) as inbound,
        coalesce(p.places_outbound, 0) + coalesce(p.places_inbound, 0) as places,
        p.agreement_mobilities
    from flows as f
    full outer join places as p
        on f.partner_key = p.partner_key and f.year_start = p.year_start
),

both_levels as (
    select partner_key, academic_year_label(year_start) as academic_year, outbound,
        inbound, places, agreement_mobilities
    from per_year
    union all
    select partner_key, $all_years, sum(outbound), sum(inbound),
        sum(places), sum(agreement_mobilities)
    from per_year
    group by partner_key
),

final as (
    select
        i.partner_name,
        i.country_name,
        b.academic_year,
        b.outbound,
        b.inbound,
        b.inbound - b.outbound as balance,
        b.places,
        pct(b.agreement_mobilities, b.places) as utilisation_pct,
        i.last_activity_year
    from both_levels as b
    inner join info as i on b.partner_key = i.partner_key
)

select * from final
order by academic_year = $all_years desc, outbound + inbound desc,
    partner_name, academic_year
