"""A released table of a case register drawn as a chart: bars by its first dimension, coloured by
its second, the other dimension added up (its published totals). Suppressed cells are left out,
and the chart says so under its title."""

from __future__ import annotations

from collections.abc import Callable

import altair as alt

from vigia.evaluate.disclosure import TOTAL, Key
from vigia.languages import translations
from vigia.publish.charts import WIDTH, Chart, inline_data


def release_chart(
    release_id: int,
    dimensions: tuple[str, ...],
    cells: dict[Key, int | None],
    names: Callable[[str, str], str],
    title: str,
    language: str,
) -> Chart:
    """``names(dimension, category)`` gives a category's words in ``language``."""
    gettext = translations(language).gettext
    rows = [
        {
            "category": names(dimensions[0], key[0]),
            "group": names(dimensions[1], key[1]),
            "count": value,
        }
        for key, value in cells.items()
        if key[0] != TOTAL and key[1] != TOTAL and all(part == TOTAL for part in key[2:])
        if value is not None
    ]
    order = list(dict.fromkeys(str(row["category"]) for row in rows))
    hidden = sum(
        1
        for key, value in cells.items()
        if value is None
        and key[0] != TOTAL
        and key[1] != TOTAL
        and all(part == TOTAL for part in key[2:])
    )
    subtitle = gettext("Suppressed cells are not drawn.") if hidden else ""
    chart = (
        alt.Chart(inline_data(rows), title=alt.Title(title, subtitle=subtitle), width=WIDTH)
        .mark_bar()
        .encode(
            x=alt.X("category:N", title=None, sort=order),
            y=alt.Y("sum(count):Q", title=gettext("Count")),
            color=alt.Color("group:N", title=None),
        )
    )
    return Chart(f"release-{release_id}", title, rows, chart.to_dict(validate=False), language)
