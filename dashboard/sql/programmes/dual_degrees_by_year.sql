final as (
    select
        academic_year,
        count(distinct person_id) as students,
        count(*) filter (where status = 'completed') as completed,
        -- beside completed: in the latest years most periods are still running, and a
        -- completed line alone would read as a collapse
        count(*) filter (where status = 'ongoing') as ongoing,
        count(distinct partner_key) as partners
    from realised
    where kind = 'dual_degree'
    group by academic_year
)

select * from final order by academic_year
