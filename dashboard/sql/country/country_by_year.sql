final as (
    select academic_year, kind, direction, count(*) as mobilities
    from realised
    where partner_country = $country
    group by all
)

select * from final order by academic_year, kind, direction desc
