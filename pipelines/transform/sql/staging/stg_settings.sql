-- Staging: the settings as one typed row. Grain: exactly one row.
with source as (
    select * from settings
),

final as (
    select
        coalesce(max(value) filter (where key = 'institution_name'), 'Our University') as institution_name,
        nullif(max(value) filter (where key = 'own_erasmus_code'), '') as own_erasmus_code,
        coalesce(try_cast(max(value) filter (where key = 'year_start_month') as integer), 9) as year_start_month,
        coalesce(try_cast(max(value) filter (where key = 'dormant_years') as integer), 2) as dormant_years,
        coalesce(try_cast(max(value) filter (where key = 'expiring_months') as integer), 12) as expiring_months
    from source
)

select * from final
