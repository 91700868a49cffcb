final as (
    select
        partner_name,
        partner_country_label as country_name,
        count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where direction = 'inbound') as inbound,
        count(distinct person_id) as students,
        count(*) filter (where status = 'completed') as completed
    from realised
    where kind = 'dual_degree'
    group by all
)

select * from final order by students desc, partner_name
