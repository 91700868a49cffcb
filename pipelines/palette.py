"""The colours of every chart, on the dashboard (dashboard/charts/style.py) and in the
report's PDF (pipelines/report/charts.py): one palette, so a reader sees outbound and
inbound, and each category, in the same colour on screen and on paper.

Chosen for readers with a colour-vision deficiency and for contrast (WCAG 2.1 AA,
docs/accessibility.md): every colour reaches 3:1 against white, the contrast chart marks
need, and the categorical colours stay apart under deuteranopia and protanopia
(tests/dashboard/test_accessibility.py measures both).
"""

from __future__ import annotations

OUTBOUND = "#1f5fa8"
# Okabe-Ito's vermillion: the earlier orange (#e07b24) was 2.99:1 on white, below 3:1;
# blue against vermillion stays apart in every kind of colour vision.
INBOUND = "#d55e00"
NEUTRAL = "#5b6b7a"
# Categories that are not directions (kinds, activities, gender, ...): Okabe and Ito's
# colour-blind-safe set (https://jfly.uni-koeln.de/color/), with the orange and the sky blue
# darkened to 3:1 on white, the yellow left out (1.3:1), and their blue and vermillion left
# to the directions; a wine red from Paul Tol's set takes the seventh place.
CATEGORIES = ("#009e73", "#cc79a7", "#9a6b00", "#332288", "#4999c6", "#882255", "#000000")
