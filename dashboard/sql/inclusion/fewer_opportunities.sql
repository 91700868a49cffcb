-- Which mobilities the share counts: the flags of int_kpi_bases (as kpi_values counts them).
students as (
    select
        case $by when 'year' then academic_year else faculty_label end as grp,
        counts_fewer_opportunities as flagged
    from filtered
    where in_fewer_opportunities_base
),

final as (
    select
        grp,
        count(*) filter (where flagged) as fewer_opportunities,
        count(*) as student_mobilities_outbound,
        pct(count(*) filter (where flagged), count(*)) as fewer_opportunities_share
    from students
    group by grp
)

select * from final order by grp
