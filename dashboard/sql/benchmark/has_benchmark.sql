select 1 from benchmark_mobilities limit 1
