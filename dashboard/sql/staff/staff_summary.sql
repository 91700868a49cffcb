final as (
    select
        count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where direction = 'inbound') as inbound,
        count(distinct person_id) as people,
        avg(duration_days) as average_days,
        sum(teaching_hours) filter (where activity = 'teaching') as teaching_hours
    from realised
    where kind = 'staff_research'
)

select * from final
