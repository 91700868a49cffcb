-- Which mobilities the rates count: the flags of int_kpi_bases (as kpi_values counts them).
completed as (
    select
        case $by
            when 'faculty' then faculty_label
            when 'partner' then partner_name
            when 'degree_programme' then degree_programme_label
            else partner_country_label
        end as grp,
        *
    from filtered
    where in_recognition_base or in_success_base
),

final as (
    select
        grp,
        count(*) filter (where in_recognition_base) as mobilities,
        sum(ects_planned) filter (where in_recognition_base) as ects_planned_recognition,
        sum(ects_recognised) filter (where in_recognition_base) as ects_recognised,
        pct(
            sum(ects_recognised) filter (where in_recognition_base),
            sum(ects_planned) filter (where in_recognition_base)
        ) as recognition_rate,
        pct(
            sum(ects_achieved) filter (where in_success_base),
            sum(ects_planned) filter (where in_success_base)
        ) as credit_success_rate
    from completed
    group by grp
)

select * from final order by mobilities desc, grp
