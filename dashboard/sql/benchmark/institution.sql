select name, country, country_name from benchmark_institutions where erasmus_code = $erasmus_code
