-- Every EC record is in the benchmark mart exactly once, with its weight: the records and
-- the participants they stand for add up to what was imported.
select
    (select count(*) from ec_mobilities) as source_records,
    (select count(*) from benchmark_mobilities) as mart_records,
    (select coalesce(sum(participants), 0) from ec_mobilities) as source_participants,
    (select coalesce(sum(participants), 0) from benchmark_mobilities) as mart_participants
where source_records <> mart_records or source_participants <> mart_participants
