-- International projects running in at least one of the selected years ($year_from, $year_to)
-- of the selected faculties ($faculties, null: all). Opens a `with` list and ends with a
-- comma: the project queries of this page continue it (loader.run_after).
with chosen as (
    select *
    from projects
    where academic_year_of_label(first_academic_year) <= $year_to
      and academic_year_of_label(last_academic_year) >= $year_from
      and ($faculties is null or list_contains($faculties, faculty_label))
),
