staff as (
    select
        activity,
        case $by
            when 'faculty' then faculty_label
            when 'country' then partner_country_label
            else case
                when duration_days <= 2 then '1-2 days'
                when duration_days <= 5 then '3-5 days'
                when duration_days <= 14 then '6-14 days'
                when duration_days <= 60 then '15-60 days'
                else 'over 60 days'
            end
        end as grp,
        case
            when duration_days <= 2 then 1 when duration_days <= 5 then 2
            when duration_days <= 14 then 3 when duration_days <= 60 then 4 else 5
        end as band
    from realised
    where kind = 'staff_research'
),

final as (
    select grp, activity, count(*) as mobilities, min(band) as band
    from staff
    group by all
)

select * from final
order by case when $by = 'duration' then band end, mobilities desc, grp, activity
