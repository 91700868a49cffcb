-- Institution resolution: every code met in the EC records or the EC institution list, joined
-- on the code without spaces. Names, cities and countries come from the list; a code not in
-- the list is kept (in_institution_list = false) with what the records say about it (the
-- Erasmus+ files carry names and cities) and the country of its prefix.
-- Grain: one row per institution code key.
with institutions as (
    select * from stg_ec_institutions
    qualify row_number() over (partition by code_key order by import_id desc, erasmus_code) = 1
),

records as (
    select * from int_benchmark_mobilities
),

sides as (
    select
        home_code_key as code_key, home_erasmus_code as erasmus_code, home_country as country,
        home_name as name, home_city as city, participants as outbound, 0 as inbound
    from records
    where home_code_key is not null
    union all
    select
        host_code_key, host_erasmus_code, host_country, host_name, host_city, 0, participants
    from records
    where host_code_key is not null
),

seen as (
    select
        code_key,
        min(erasmus_code) as erasmus_code,
        mode(country) as country,
        mode(name) as name,
        mode(city) as city,
        cast(sum(outbound) as bigint) as outbound_participants,
        cast(sum(inbound) as bigint) as inbound_participants
    from sides
    group by code_key
),

final as (
    select
        coalesce(i.code_key, s.code_key) as code_key,
        coalesce(i.erasmus_code, s.erasmus_code) as erasmus_code,
        i.code_key is not null as in_institution_list,
        coalesce(i.name, s.name) as name,
        coalesce(i.city, s.city) as city,
        coalesce(i.country, s.country) as country,
        i.charter,
        coalesce(s.outbound_participants, 0) as outbound_participants,
        coalesce(s.inbound_participants, 0) as inbound_participants
    from institutions as i
    full outer join seen as s on i.code_key = s.code_key
)

select * from final
