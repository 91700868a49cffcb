-- The mobilities every page counts, narrowed by the sidebar filters; bound from
-- Filters.params() ($year_from ... $directions, null = no filter). It opens a `with` list and
-- ends with a comma: a filtered page query continues the list (dashboard/data/loader.py,
-- `filtered`), so it can use `filtered` and `realised`.
with filtered as (
    select *
    from mobilities as m
    where m.year_start between $year_from and $year_to
      and ($faculties is null or list_contains($faculties, m.faculty_label))
      and ($levels is null or list_contains($levels, m.study_level))
      and ($programmes is null or list_contains($programmes, m.programme_label))
      and ($degree_programmes is null
           or list_contains($degree_programmes, m.degree_programme_label))
      and ($kinds is null or list_contains($kinds, m.kind))
      and ($directions is null or list_contains($directions, m.direction))
),

realised as (
    select * from filtered where is_realised
),
