-- Mart: the EC Erasmus records (the programme-wide benchmark), with academic year, home
-- institution and country, destination country and region, type, level, gender and
-- duration. A record counts `participants` mobilities: sum it, never count rows.
-- Grain: one row per record of an imported EC file.
with records as (
    select * from int_benchmark_mobilities
),

institutions as (
    select * from int_benchmark_institutions
),

countries as (
    select * from ref_countries
),

final as (
    select
        r.record_id,
        academic_year_label(r.year_start) as academic_year,
        r.year_start,
        r.home_erasmus_code,
        r.home_code_key,
        coalesce(hi.name, r.home_erasmus_code, r.home_name) as home_institution,
        r.home_country,
        hc.name as home_country_name,
        r.host_erasmus_code,
        coalesce(gi.name, r.host_erasmus_code, r.host_name) as host_institution,
        r.destination_country,
        coalesce(dc.name, 'Unknown') as destination_country_name,
        dc.region as destination_region,
        r.mobility_type,
        r.includes_placement,
        r.participant_profile,
        r.study_level,
        r.gender,
        r.age,
        r.nationality,
        r.duration_months,
        r.start_date,
        r.fewer_opportunities,
        r.special_needs,
        r.participants,
        r.import_id
    from records as r
    left join institutions as hi on r.home_code_key = hi.code_key
    left join institutions as gi on r.host_code_key = gi.code_key
    left join countries as hc on r.home_country = hc.iso2
    left join countries as dc on r.destination_country = dc.iso2
)

select * from final
