final as (
    select
        academic_year,
        count(*) filter (where kind = 'online' and mode = 'virtual') as virtual,
        count(*) filter (where kind = 'online' and mode <> 'virtual') as blended,
        count(*) filter (where kind = 'online') as online,
        count(*) as all_mobilities,
        pct(count(*) filter (where kind = 'online'), count(*)) as online_share
    from realised
    group by academic_year
)

select * from final order by academic_year
