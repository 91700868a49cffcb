select activity, mode, study_level, min_days, max_days, source
from ref_duration_rules
order by activity, study_level nulls first
