select * from data_quality_scores order by year_start
