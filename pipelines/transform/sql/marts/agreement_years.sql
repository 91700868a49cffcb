-- Mart: each agreement in each academic year of its validity, with places, realised
-- mobilities, utilisation and the dormant flag. Grain: one row per agreement per academic year.
with agreement_years as (
    select * from int_agreement_years
),

final as (
    select * from agreement_years
)

select * from final
