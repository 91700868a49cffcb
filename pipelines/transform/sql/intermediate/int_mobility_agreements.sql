-- Intermediate: the agreement each mobility falls under. The agreement_id given in the data
-- wins when it exists; otherwise the one agreement of the same partner, for the same
-- activity (or any), valid on the start date - if exactly one matches. Grain: one row per
-- mobility that falls under an agreement.
with mobilities as (
    select mobility_id, agreement_id, partner_key, activity, start_date from int_mobilities
),

agreements as (
    select * from int_agreements
),

explicit as (
    select m.mobility_id, a.agreement_id, 'given' as how
    from mobilities as m
    inner join agreements as a on m.agreement_id = a.agreement_id
),

candidates as (
    select m.mobility_id, a.agreement_id
    from mobilities as m
    inner join agreements as a
        on m.partner_key = a.partner_key
        and m.start_date between a.valid_from and a.valid_to
        and (
            a.activity = 'any'
            or a.activity = case m.activity when 'dual_degree' then 'study' else m.activity end
        )
    where m.agreement_id is null
),

matched as (
    select mobility_id, min(agreement_id) as agreement_id, 'matched' as how
    from candidates
    group by mobility_id
    having count(*) = 1
),

final as (
    select * from explicit
    union all
    select * from matched
)

select * from final
