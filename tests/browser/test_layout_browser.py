"""Nothing cut off (issue 14): every page at 1440x1000, the width a vice-rector's screen
gives, and the cards at 1024x768, in Chromium on the fixture warehouse.

What fails: a table wider than its box (columns hidden behind a horizontal scroll: the
expiry date of the expiring agreements was), a table of a few rows that hides some in an
inner scroll (the Overview's targets did), a card whose label or value is cut ("Outboun…",
"2,…"). A long table (more rows than ``components.WHOLE_TABLE_ROWS``) scrolls on purpose and
has its download. At 1024x768 the sidebar leaves 562 px: tables of many columns scroll there
sideways (docs/dashboard.md, "Screen sizes"), and only the cards are checked.
"""

from __future__ import annotations

import pytest

from dashboard.components import WHOLE_TABLE_ROWS
from tests.browser.conftest import wait_for_app

PAGES = [
    "",
    "flows",
    "partners",
    "outcomes",
    "inclusion",
    "staff",
    "programmes",
    "country",
    "targets",
    "data_quality",
    "reports",
    "data_contract",
]
ROW_PX = 35

CUT = """(rowPx) => {
  const found = [];
  document.querySelectorAll('[data-testid="stDataFrame"]').forEach((table, i) => {
    const box = table.querySelector('.dvn-scroller');
    if (!box) return;
    if (box.scrollWidth > box.clientWidth + 2)
      found.push(`table ${i} wider than its box: ${box.scrollWidth} > ${box.clientWidth} px`);
    if (box.scrollHeight > box.clientHeight + 2 && box.clientHeight < rowPx)
      found.push(`table ${i} hides rows: ${box.scrollHeight} > ${box.clientHeight} px`);
  });
  document.querySelectorAll(
    '[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] *'
  ).forEach(el => {
    if (el.scrollWidth > el.clientWidth + 1 && el.innerText.trim())
      found.push(`card text cut: "${el.innerText.trim()}"`);
  });
  return [...new Set(found)];
}"""


def cut_on(page, url: str, cards_only: bool = False) -> list[str]:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(1000)  # the grids draw after the script has finished
    found = page.evaluate(CUT, ROW_PX * (WHOLE_TABLE_ROWS + 1))
    return [f for f in found if f.startswith("card")] if cards_only else found


@pytest.fixture(scope="module")
def sized(browser):
    contexts = []

    def open_tab(width: int, height: int):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def test_nothing_is_cut_at_1440(server, sized):
    page = sized(1440, 1000)
    problems = {name or "overview": cut_on(page, f"{server.url}/{name}") for name in PAGES}
    assert not {name: found for name, found in problems.items() if found}


def test_no_card_is_cut_at_1024(server, sized):
    page = sized(1024, 768)
    problems = {
        name or "overview": cut_on(page, f"{server.url}/{name}", cards_only=True) for name in PAGES
    }
    assert not {name: found for name, found in problems.items() if found}
