-- continues benchmark/scoped.sql
final as (
    select
        scope,
        sum(participants) as participants,
        sum(duration_months * participants) / sum(participants)
            filter (where duration_months is not null) as average_duration_months,
        100.0 * coalesce(sum(participants) filter (where includes_placement), 0)
            / sum(participants) as placement_share,
        100.0 * coalesce(sum(participants) filter (where gender = 'female'), 0)
            / sum(participants) filter (where gender is not null) as female_share
    from scoped
    group by scope
)

select * from final
