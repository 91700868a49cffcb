-- continues benchmark/scoped.sql. $breakdown: 'destination' (the institution's $top largest
-- destinations) or 'level' (every level of any scope)
categorised as (
    select
        scope,
        participants,
        case $breakdown
            when 'destination' then destination_country_name
            when 'level' then case study_level
                when 5 then 'EQF 5 · short cycle'
                when 6 then 'EQF 6 · first cycle'
                when 7 then 'EQF 7 · second cycle'
                when 8 then 'EQF 8 · doctorate'
            end
        end as category
    from scoped
),

counted as (
    select scope, category, sum(participants) as participants
    from categorised
    where category is not null
    group by all
),

shares as (
    select *, 100.0 * participants / sum(participants) over (partition by scope)
        as share_pct
    from counted
),

top as (
    select category from shares where scope = 'institution'
    order by participants desc, category limit $top
)

select s.scope, s.category, s.participants, s.share_pct
from shares as s
where $breakdown = 'level' or s.category in (select category from top)
order by s.category
