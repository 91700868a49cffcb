final as (
    select
        academic_year,
        partner_country_label as country_name,
        count(*) as mobilities
    from realised
    where list_contains($countries, partner_country)
    group by all
)

select * from final order by academic_year, country_name
