final as (
    select cefr_before, cefr_after, count(*) as mobilities
    from realised
    where cefr_before_rank is not null and cefr_after_rank is not null
    group by all
)

select * from final order by cefr_before, cefr_after
