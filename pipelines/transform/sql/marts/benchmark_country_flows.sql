-- Mart: national flows as a country-to-country list from two sources: the EC records
-- (source 'records', per academic year) and the EC's own flow table (source
-- 'ec_flow_table', period 'since 2014', all Erasmus+ KA1 learning mobility). 'ZZ' is the
-- EC's "Rest of the world". Flows within a country are kept (the EC table has them too).
-- Grain: one row per source, period, sending country and receiving country.
with records as (
    select * from int_benchmark_mobilities
),

flow_table as (
    select * from stg_ec_country_flows
),

countries as (
    select * from ref_countries
),

from_records as (
    select
        'records' as source,
        academic_year_label(year_start) as period,
        year_start,
        home_country as sending_country,
        destination_country as receiving_country,
        cast(sum(participants) as bigint) as participants
    from records
    where destination_country is not null
    group by all
),

from_table as (
    select
        'ec_flow_table' as source,
        'since 2014' as period,
        cast(null as integer) as year_start,
        sending_country,
        receiving_country,
        participants
    from flow_table
),

flows as (
    select * from from_records
    union all
    select * from from_table
),

final as (
    select
        f.source,
        f.period,
        f.year_start,
        f.sending_country,
        case when f.sending_country = 'ZZ' then 'Rest of the world' else s.name end
            as sending_country_name,
        f.receiving_country,
        case when f.receiving_country = 'ZZ' then 'Rest of the world' else r.name end
            as receiving_country_name,
        s.iso3 as sending_iso3,
        r.iso3 as receiving_iso3,
        f.participants
    from flows as f
    left join countries as s on f.sending_country = s.iso2
    left join countries as r on f.receiving_country = r.iso2
)

select * from final
