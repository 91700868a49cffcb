final as (
    select
        case $by
            when 'host_type' then replace(host_type_label, '_', ' ')
            else partner_country_label
        end as grp,
        direction,
        count(*) as mobilities
    from realised
    where kind = 'internship'
    group by all
)

select * from final order by mobilities desc, grp
