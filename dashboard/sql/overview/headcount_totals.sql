select
    case when grouping(faculty) = 1 then 'all' else faculty end as faculty,
    sum(enrolled_students) as enrolled_students,
    sum(graduates) as graduates,
    sum(academic_staff) as academic_staff
from headcounts
where year_start = $year
group by grouping sets ((faculty), ())
