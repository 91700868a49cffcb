-- Every imported project is in the mart exactly once.
select 'raw_projects' as source, (select count(*) from raw_projects) as source_rows,
    (select count(*) from projects) as mart_rows
where (select count(*) from raw_projects) <> (select count(*) from projects)
