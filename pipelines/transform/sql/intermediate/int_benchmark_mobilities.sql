-- EC records with their academic year, destination country and duration derived.
-- Academic year: the file's own (Erasmus+ column, LLP raw header variant), else the year the
-- mobility starts in, with the warehouse's first month of the academic year (default
-- September). Destination: the host institution's country, else the placement's country.
-- Duration in months: Erasmus+ days / 30.4375, else LLP study + placement months (0 = none).
-- Grain: one row per record.
with records as (
    select * from stg_ec_mobilities
),

settings as (
    select * from stg_settings
),

final as (
    select
        r.record_id,
        coalesce(
            academic_year_of_label(r.reported_year),
            academic_year_start(r.start_date, s.year_start_month)
        ) as year_start,
        r.home_erasmus_code,
        upper(regexp_replace(r.home_erasmus_code, '\s+', '', 'g')) as home_code_key,
        r.home_country,
        r.home_name,
        r.home_city,
        r.host_erasmus_code,
        upper(regexp_replace(r.host_erasmus_code, '\s+', '', 'g')) as host_code_key,
        r.host_country,
        r.host_name,
        r.host_city,
        coalesce(r.host_country, r.placement_country) as destination_country,
        r.placement_country,
        r.mobility_type,
        r.mobility_type in ('placement', 'combined') as includes_placement,
        r.participant_profile,
        r.study_level,
        r.field_of_education,
        r.gender,
        r.age,
        r.nationality,
        case
            when r.duration_days is not null then r.duration_days / 30.4375
            when coalesce(r.study_months, 0) + coalesce(r.placement_months, 0) > 0
                then coalesce(r.study_months, 0) + coalesce(r.placement_months, 0)
        end as duration_months,
        r.start_date,
        r.ects_total,
        r.fewer_opportunities,
        r.special_needs,
        r.participants,
        r.project_reference,
        r.import_id
    from records as r
    cross join settings as s
)

select * from final
