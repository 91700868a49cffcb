assessed as (
    select
        case $by
            when 'language' then coalesce(language, '(not set)')
            else coalesce(partner_country_name, partner_country)
        end as grp,
        cefr_after_rank >= cefr_before_rank + 1 as improved
    from realised
    where cefr_before_rank is not null and cefr_after_rank is not null
),

final as (
    select
        grp,
        count(*) as assessed,
        count(*) filter (where improved) as improved,
        pct(count(*) filter (where improved), count(*)) as language_improvement_share
    from assessed
    group by grp
)

select * from final order by assessed desc, grp
