-- the academic year with the most participants (partial years are not the default)
select academic_year
from benchmark_mobilities
group by academic_year
order by sum(participants) desc, academic_year desc
limit 1
