-- A faculty gives its students and graduates either per study level or as one total row,
-- and either per degree programme or as totals, never both in the same year: otherwise
-- every rate's denominator would count them twice.
with counted as (
    select *
    from raw_headcounts
    where enrolled_students is not null or graduates is not null
)

select academic_year, faculty, 'study level' as given_both_ways
from counted
group by academic_year, faculty
having count(*) filter (where study_level is null) > 0
   and count(*) filter (where study_level is not null) > 0
union all
select academic_year, faculty, 'degree programme'
from counted
group by academic_year, faculty
having count(*) filter (where degree_programme is null) > 0
   and count(*) filter (where degree_programme is not null) > 0
