grouped as (
    select
        direction,
        case $by
            when 'gender' then coalesce(gender, '(not set)')
            when 'level' then coalesce(cast(study_level as varchar), '(not set)')
            else coalesce(field_broad_name, '(not set)')
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
