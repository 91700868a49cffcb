-- Intermediate: project and agreement KPIs per academic year, overall, by faculty and by
-- partner country. Grain: one row per academic year, dimension and dimension value.
with project_years as (
    select * from int_project_years
),

project_countries as (
    select p.*, unnest(string_split(p.partner_countries, ';')) as country_value
    from project_years as p
    where p.partner_countries is not null
),

project_counts as (
    select
        year_start,
        case when grouping(faculty_value) = 0 then 'faculty' else 'all' end as dimension,
        case when grouping(faculty_value) = 0 then faculty_value else 'all' end as dimension_value,
        count(distinct project_id) as projects_active,
        coalesce(sum(budget_own_share) filter (where starts_this_year), 0) as project_funding_own
    from (select *, faculty_label as faculty_value from project_years)
    group by grouping sets ((year_start), (year_start, faculty_value))
    union all
    select
        year_start,
        'country' as dimension,
        country_value as dimension_value,
        count(distinct project_id) as projects_active,
        coalesce(sum(budget_own_share) filter (where starts_this_year), 0) as project_funding_own
    from project_countries
    group by year_start, country_value
),

agreement_counts as (
    select
        year_start,
        case
            when grouping(faculty_value) = 0 then 'faculty'
            when grouping(partner_country) = 0 then 'country'
            else 'all'
        end as dimension,
        case
            when grouping(faculty_value) = 0 then faculty_value
            when grouping(partner_country) = 0 then partner_country
            else 'all'
        end as dimension_value,
        sum(realised_total) as agreement_mobilities,
        sum(places_total) as agreement_places,
        count(*) filter (where is_dormant) as dormant_agreements
    from (
        select *, coalesce(faculty, '(university-wide)') as faculty_value from int_agreement_years
    )
    group by grouping sets ((year_start), (year_start, faculty_value), (year_start, partner_country))
),

final as (
    select
        coalesce(p.year_start, a.year_start) as year_start,
        coalesce(p.dimension, a.dimension) as dimension,
        coalesce(p.dimension_value, a.dimension_value) as dimension_value,
        p.projects_active,
        p.project_funding_own,
        a.agreement_mobilities,
        a.agreement_places,
        a.dormant_agreements
    from project_counts as p
    full outer join agreement_counts as a
        on p.year_start = a.year_start
        and p.dimension = a.dimension
        and p.dimension_value = a.dimension_value
)

select * from final
