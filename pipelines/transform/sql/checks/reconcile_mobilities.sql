-- Every imported mobility is in the mart exactly once.
select 'raw_mobilities' as source, (select count(*) from raw_mobilities) as source_rows,
    (select count(*) from mobilities) as mart_rows
where (select count(*) from raw_mobilities) <> (select count(*) from mobilities)
