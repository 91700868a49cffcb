-- Staging: partner mappings made in the app (source partner key -> the partner it means).
-- Grain: one row per source key.
with source as (
    select * from partner_mappings
),

final as (
    select source_key, partner_key, mapped_at
    from source
)

select * from final
