completed as (
    select
        case $by
            when 'faculty' then coalesce(faculty, '(not set)')
            when 'partner' then partner_name
            else coalesce(partner_country_name, partner_country)
        end as grp,
        *
    from filtered
    where status = 'completed' and person_role = 'student' and direction = 'outbound'
      and ects_planned is not null
),

final as (
    select
        grp,
        count(*) filter (where ects_recognised is not null) as mobilities,
        sum(ects_planned) filter (where ects_recognised is not null)
            as ects_planned_recognition,
        sum(ects_recognised) as ects_recognised,
        pct(sum(ects_recognised), sum(ects_planned) filter (
            where ects_recognised is not null)) as recognition_rate,
        pct(sum(ects_achieved), sum(ects_planned) filter (
            where ects_achieved is not null)) as credit_success_rate
    from completed
    group by grp
)

select * from final order by mobilities desc, grp
