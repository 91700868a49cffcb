-- Mart: every Erasmus institution code known to the benchmark data, resolved against the EC
-- institution list, with its participants sent and received over all imported years. Codes
-- not in the list are kept and flagged (in_institution_list = false), never dropped.
-- Grain: one row per institution code (spacing ignored).
with institutions as (
    select * from int_benchmark_institutions
),

countries as (
    select * from ref_countries
),

final as (
    select
        i.erasmus_code,
        i.code_key,
        i.in_institution_list,
        coalesce(i.name, i.erasmus_code) as name,
        i.city,
        i.country,
        c.name as country_name,
        i.charter,
        i.outbound_participants,
        i.inbound_participants,
        i.outbound_participants + i.inbound_participants as participants
    from institutions as i
    left join countries as c on i.country = c.iso2
)

select * from final
