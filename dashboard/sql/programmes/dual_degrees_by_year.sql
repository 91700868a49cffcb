final as (
    select
        academic_year,
        count(distinct person_id) as students,
        count(*) filter (where status = 'completed') as completed,
        count(distinct partner_key) as partners
    from realised
    where kind = 'dual_degree'
    group by academic_year
)

select * from final order by academic_year
