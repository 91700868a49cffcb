-- Staging: the EC list of Erasmus charter holders as imported, with a join key that ignores
-- spacing ('D  KOELN 03' meets 'D  KOELN03'). Grain: one row per institution code.
with source as (
    select * from ec_institutions
),

final as (
    select
        * exclude (_row_hash, _source_row, _import_id),
        upper(regexp_replace(erasmus_code, '\s+', '', 'g')) as code_key,
        _import_id as import_id
    from source
)

select * from final
