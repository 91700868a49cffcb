-- Staging: the EC's Erasmus+ country flow table as imported (cumulative since 2014; 'ZZ' is
-- the EC's "Rest of the world"). Grain: one row per sending and receiving country.
with source as (
    select * from ec_country_flows
),

final as (
    select * exclude (_row_hash, _source_row, _import_id), _import_id as import_id
    from source
)

select * from final
