-- Report query: every KPI of the report's academic years for the whole university and per
-- faculty and degree programme, with numerator and denominator. Parameters: $first_year, $last_year.
-- Grain: one row per academic year, dimension value and KPI.
with kpi_values as (
    select * from kpi_values
),

final as (
    select
        academic_year,
        year_start,
        dimension,
        dimension_value,
        kpi_id,
        value,
        numerator,
        denominator
    from kpi_values
    where year_start between $first_year and $last_year
      and dimension in ('all', 'faculty', 'degree_programme')
)

select * from final
