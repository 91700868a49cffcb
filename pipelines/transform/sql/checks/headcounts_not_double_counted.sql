-- A faculty gives its students and graduates either per study level or as one total row,
-- never both in the same year: otherwise every rate's denominator would count them twice.
select academic_year, faculty
from raw_headcounts
group by academic_year, faculty
having count(*) filter (where study_level is null and (enrolled_students is not null or graduates is not null)) > 0
   and count(*) filter (where study_level is not null and (enrolled_students is not null or graduates is not null)) > 0
