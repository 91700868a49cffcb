-- Institution resolution never drops a code: every code in the EC records has a row in
-- benchmark_institutions (resolved against the EC list or flagged as unknown).
select r.home_erasmus_code as erasmus_code
from benchmark_mobilities as r
where r.home_erasmus_code is not null
    and not exists (
        select 1 from benchmark_institutions as i
        where i.code_key = upper(regexp_replace(r.home_erasmus_code, '\s+', '', 'g'))
    )
union all
select r.host_erasmus_code
from benchmark_mobilities as r
where r.host_erasmus_code is not null
    and not exists (
        select 1 from benchmark_institutions as i
        where i.code_key = upper(regexp_replace(r.host_erasmus_code, '\s+', '', 'g'))
    )
