-- Mart: one row per agreement with its state today: valid, expiring (ends within
-- `expiring_months`), expired or not yet valid; dormant in the latest academic year; totals
-- and last year of activity. Grain: one row per agreement.
with agreements as (
    select * from int_agreements
),

agreement_years as (
    select * from int_agreement_years
),

settings as (
    select * from stg_settings
),

latest_year as (
    select max(year_start) as year_start from int_academic_years
),

totals as (
    select
        agreement_id,
        sum(realised_outbound) as realised_outbound_total,
        sum(realised_inbound) as realised_inbound_total,
        max(year_start) filter (where realised_total > 0) as last_active_year_start
    from agreement_years
    group by agreement_id
),

latest as (
    select ay.agreement_id, ay.realised_total, ay.places_total, ay.utilisation_pct, ay.is_dormant
    from agreement_years as ay
    inner join latest_year as ly on ay.year_start = ly.year_start
),

final as (
    select
        a.agreement_id,
        a.partner_key,
        a.partner_name,
        a.partner_erasmus_code,
        a.partner_country,
        a.partner_country_name,
        a.partner_region,
        a.partner_city,
        a.agreement_type,
        a.activity,
        a.faculty,
        a.valid_from,
        a.valid_to,
        a.places_outbound,
        a.places_inbound,
        a.months_per_year,
        a.days_per_year,
        a.field,
        a.study_level,
        a.language,
        a.cefr_min,
        case
            when a.valid_to < current_date then 'expired'
            when a.valid_from > current_date then 'not yet valid'
            when a.valid_to < current_date + to_months(s.expiring_months) then 'expiring'
            else 'valid'
        end as validity,
        coalesce(t.realised_outbound_total, 0) as realised_outbound_total,
        coalesce(t.realised_inbound_total, 0) as realised_inbound_total,
        academic_year_label(t.last_active_year_start) as last_activity_year,
        l.realised_total as latest_year_mobilities,
        l.places_total as latest_year_places,
        l.utilisation_pct as latest_year_utilisation_pct,
        coalesce(l.is_dormant, false) as is_dormant
    from agreements as a
    cross join settings as s
    left join totals as t on a.agreement_id = t.agreement_id
    left join latest as l on a.agreement_id = l.agreement_id
)

select * from final
