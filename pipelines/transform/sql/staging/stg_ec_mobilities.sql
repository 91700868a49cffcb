-- Staging: the EC Erasmus mobility records (benchmark data, kept apart from raw_mobilities) as
-- imported, without bookkeeping columns. Grain: one row per record of an EC file; a record
-- counts `participants` mobilities (Erasmus+ files aggregate similar ones).
with source as (
    select * from ec_mobilities
),

final as (
    select * exclude (_row_hash, _source_row, _import_id), _import_id as import_id
    from source
)

select * from final
