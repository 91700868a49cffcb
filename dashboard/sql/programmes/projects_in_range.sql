final as (
    select project_id, title, programme, role, faculty_label as faculty,
        start_date, end_date, budget_total, budget_own_share,
        replace(partner_countries, ';', ', ') as partner_countries, state
    from chosen
)

select * from final order by start_date desc, project_id
