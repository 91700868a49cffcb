-- what an unknown partner can be mapped to: every known partner, and the institutions of the
-- EC list in $countries that are not known partners yet (not the university's own code)
with known as (
    select partner_key, partner_name, partner_country,
           case known_from when 'agreement' then 'agreement'
               else 'confirmed partner' end as source
    from known_partners
),

listed as (
    select 'erasmus:' || i.code_key as partner_key, i.name as partner_name,
           i.country as partner_country, 'EC institution list' as source
    from stg_ec_institutions as i
    cross join stg_settings as s
    where list_contains($countries, i.country)
        and (s.own_erasmus_code is null
            or i.code_key <> upper(regexp_replace(s.own_erasmus_code, '\s+', '', 'g')))
    qualify row_number() over (
        partition by i.code_key order by i.import_id desc, i.erasmus_code
    ) = 1
)

select * from known
union all
select * from listed where partner_key not in (select partner_key from known)
order by partner_country, partner_name, partner_key
