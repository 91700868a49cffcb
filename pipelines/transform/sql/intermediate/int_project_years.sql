-- Intermediate: each project in each academic year it runs on at least one day.
-- Grain: one row per project per academic year.
with projects as (
    select * from stg_projects
),

years as (
    select * from int_academic_years
),

settings as (
    select * from stg_settings
),

final as (
    select
        p.project_id,
        p.programme,
        p.role,
        p.faculty,
        display_label(p.faculty) as faculty_label,  -- as the projects mart labels it
        p.partner_countries,
        p.budget_own_share,
        y.year_start,
        y.academic_year,
        academic_year_start(p.start_date, s.year_start_month) = y.year_start as starts_this_year
    from projects as p
    cross join settings as s
    inner join years as y on p.start_date <= y.last_day and p.end_date >= y.first_day
)

select * from final
