students as (
    select
        case $by when 'year' then academic_year
            else coalesce(faculty, '(not set)') end as grp,
        coalesce(fewer_opportunities, false) as flagged
    from realised
    where person_role = 'student' and direction = 'outbound'
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
