-- Mart: one row per international project or grant, with its academic years, duration,
-- partner countries and state today. Grain: one row per project.
with projects as (
    select * from stg_projects
),

settings as (
    select * from stg_settings
),

final as (
    select
        p.project_id,
        p.title,
        p.programme,
        p.role,
        p.faculty,
        display_label(p.faculty) as faculty_label,  -- the word for empty: no faculty leads it
        p.start_date,
        p.end_date,
        academic_year_label(academic_year_start(p.start_date, s.year_start_month)) as first_academic_year,
        academic_year_label(academic_year_start(p.end_date, s.year_start_month)) as last_academic_year,
        datediff('month', p.start_date, p.end_date + 1) as duration_months,
        p.budget_total,
        p.budget_own_share,
        p.partner_countries,
        coalesce(len(string_split(p.partner_countries, ';')), 0) as partner_country_count,
        case
            when p.end_date < current_date then 'finished'
            when p.start_date > current_date then 'planned'
            else 'running'
        end as state
    from projects as p
    cross join settings as s
)

select * from final
