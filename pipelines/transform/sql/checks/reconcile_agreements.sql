-- Every imported agreement is in the mart exactly once.
select 'raw_agreements' as source, (select count(*) from raw_agreements) as source_rows,
    (select count(*) from agreements) as mart_rows
where (select count(*) from raw_agreements) <> (select count(*) from agreements)
