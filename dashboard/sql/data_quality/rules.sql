select rule_id, name, description, applies_to, in_score
from ref_quality_rules
order by position
