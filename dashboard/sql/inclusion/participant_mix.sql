grouped as (
    select
        direction,
        case $by
            when 'gender' then gender_label
            when 'level' then study_level_label
            else field_broad_label
        end as grp,
        count(*) as mobilities
    from realised
    group by all
),

final as (
    select
        *,
        100.0 * mobilities / sum(mobilities) over (partition by direction) as share_pct
    from grouped
)

select * from final order by direction desc, mobilities desc
