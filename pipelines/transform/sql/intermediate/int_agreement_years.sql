-- Intermediate: each agreement in each academic year it is valid on at least one day, with
-- the places it offers and the realised mobilities that fell under it.
-- Grain: one row per agreement per academic year.
with agreements as (
    select * from int_agreements
),

years as (
    select * from int_academic_years
),

settings as (
    select * from stg_settings
),

realised as (
    select
        l.agreement_id,
        m.year_start,
        count(*) filter (where m.direction = 'outbound') as realised_outbound,
        count(*) filter (where m.direction = 'inbound') as realised_inbound
    from int_mobility_agreements as l
    inner join int_mobilities as m on l.mobility_id = m.mobility_id
    where m.is_realised
    group by l.agreement_id, m.year_start
),

agreement_years as (
    select
        a.agreement_id,
        a.partner_key,
        a.partner_name,
        a.partner_country,
        a.faculty,
        a.agreement_type,
        a.activity,
        a.valid_from,
        a.valid_to,
        a.places_outbound,
        a.places_inbound,
        y.year_start,
        y.academic_year,
        y.first_day
    from agreements as a
    inner join years as y on a.valid_from <= y.last_day and a.valid_to >= y.first_day
),

with_counts as (
    select
        ay.*,
        coalesce(r.realised_outbound, 0) as realised_outbound,
        coalesce(r.realised_inbound, 0) as realised_inbound
    from agreement_years as ay
    left join realised as r
        on ay.agreement_id = r.agreement_id and ay.year_start = r.year_start
),

recent as (
    -- realised mobilities in the dormancy window ending with each year
    select w.agreement_id, w.year_start, coalesce(sum(r.realised_outbound + r.realised_inbound), 0) as recent_total
    from with_counts as w
    cross join settings as s
    left join realised as r
        on w.agreement_id = r.agreement_id
        and r.year_start between w.year_start - s.dormant_years + 1 and w.year_start
    group by w.agreement_id, w.year_start
),

final as (
    select
        w.* exclude (first_day),
        w.realised_outbound + w.realised_inbound as realised_total,
        w.places_outbound + w.places_inbound as places_total,
        pct(w.realised_outbound + w.realised_inbound, w.places_outbound + w.places_inbound)
            as utilisation_pct,
        pct(w.realised_outbound, w.places_outbound) as utilisation_outbound_pct,
        pct(w.realised_inbound, w.places_inbound) as utilisation_inbound_pct,
        -- Dormant: valid for the whole window and no mobility in it either way.
        (
            rc.recent_total = 0
            and w.valid_from <= make_date(w.year_start - s.dormant_years + 1, s.year_start_month, 1)
        ) as is_dormant
    from with_counts as w
    inner join recent as rc on w.agreement_id = rc.agreement_id and w.year_start = rc.year_start
    cross join settings as s
)

select * from final
