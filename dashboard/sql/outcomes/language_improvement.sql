-- Which mobilities the share counts: the flags of int_kpi_bases (as kpi_values counts them).
assessed as (
    select
        case $by
            when 'language' then language_label
            else partner_country_label
        end as grp,
        counts_language_improved as improved
    from filtered
    where in_language_base
),

final as (
    select
        grp,
        count(*) as assessed,
        count(*) filter (where improved) as improved,
        pct(count(*) filter (where improved), count(*)) as language_improvement_share
    from assessed
    group by grp
)

select * from final order by assessed desc, grp
