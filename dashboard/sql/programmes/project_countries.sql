countries as (
    select unnest(string_split(partner_countries, ';')) as country, project_id
    from chosen
    where partner_countries is not null
),

final as (
    select coalesce(c.name, p.country) as country_name, count(distinct p.project_id)
        as projects
    from countries as p
    left join ref_countries as c on p.country = c.iso2
    group by all
)

select * from final order by projects desc, country_name
