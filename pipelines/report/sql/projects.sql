-- Report query: international projects and grants running in the academic year (on at least
-- one day of it), optionally of one faculty, per programme and role.
-- Parameters: $year (label), $faculty (null: all projects).
-- Grain: one row per programme and role.
with projects as (
    select * from projects
),

chosen as (
    select *
    from projects
    where first_academic_year <= $year
      and last_academic_year >= $year
      and ($faculty is null or faculty = $faculty)
),

final as (
    select
        programme,  -- never empty: the contract requires it (checks.py: not null)
        role,
        count(*) as projects,
        count(*) filter (where first_academic_year = $year) as starting,
        sum(budget_total) as budget_total,
        sum(budget_own_share) as budget_own_share
    from chosen
    group by all
)

select * from final
