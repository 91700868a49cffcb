final as (
    select programme, role, count(*) as projects,
        sum(budget_own_share) as budget_own_share, sum(budget_total) as budget_total
    from chosen
    group by all
)

select * from final order by budget_own_share desc nulls last, programme, role
