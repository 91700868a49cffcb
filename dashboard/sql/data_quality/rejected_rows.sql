-- rejected rows of each file's latest active import; only rule $rule_id's if not null
select file_name, import_id, table_name, row_number, column_name, value, reason
from data_quality_rejections
where $rule_id::varchar is null or rule_id = $rule_id
order by import_id, row_number, column_name
