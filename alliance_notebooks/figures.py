"""Making and finishing a house figure: title, units, a source caption, and alt text.

>>> from alliance_notebooks import figures
>>> fig, ax = figures.new_figure()
>>> figures.finish(ax, title="…", ylabel="Personnel (persons)", sources=rows.source_id)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

import alliance_data as ad
from alliance_notebooks import citations
from alliance_notebooks.style import MIN_FONT_PT, use_house_style

CAPTION_COLOUR = "#444444"


class HouseFigure(Figure):
    """A figure that, shown in a notebook, carries its caption as the image's alt text."""

    alt_text = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        from IPython.core.pylabtools import print_figure

        png = print_figure(self, "png", base64=True)
        return {"image/png": png}, {"image/png": {"alt": self.alt_text}}


def new_figure(**kwargs):
    """A house-style figure and axes (``plt.subplots`` arguments)."""
    use_house_style()
    return plt.subplots(FigureClass=HouseFigure, **kwargs)


def thousands(ax, axis: str = "y") -> None:
    """Thousands separators on an axis (12,000 rather than 12000)."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def source_caption(source_ids: Iterable[str], limit: int = 3) -> str:
    """'Source: …' naming up to ``limit`` sources by publisher and title, then how many more."""
    sources = ad.load("sources").set_index("source_id")
    ids = sorted({s for s in source_ids if isinstance(s, str)})
    if not ids:
        return ""
    names = [f"{sources.loc[s, 'publisher']}, {sources.loc[s, 'title']}" for s in ids]
    if len(names) > limit:
        names = [*names[:limit], f"and {len(names) - limit} more (listed under Sources)"]
    return ("Source: " if len(ids) == 1 else "Sources: ") + "; ".join(names) + "."


def finish(
    ax,
    *,
    title: str,
    ylabel: str,
    xlabel: str = "",
    sources: Iterable[str] | pd.Series = (),
    note: str = "",
    number: str = "",
) -> None:
    """Title, axis labels and a source caption inside the figure.

    ``number`` ("2.1") puts "Figure 2.1." before the title and in the alt text, so prose can
    refer to it (tests/test_prose.py checks every reference). The caption describes the
    figure in words; with the title it becomes the image's alt text. The sources are noted
    for the chapter's Sources cell.
    """
    sources = citations.note(sources)
    label = f"Figure {number}. " if number else ""
    ax.set_title(label + title, pad=6 + 16 * getattr(ax, "event_label_rows", 0))
    ax.set_ylabel(ylabel)
    ax.set_xlabel(xlabel)
    caption = " ".join(part for part in (note, source_caption(sources)) if part)
    fig = ax.figure
    width = int(fig.get_figwidth() * 72 / (0.6 * MIN_FONT_PT))
    fig.supxlabel(
        wrap(caption, width), x=0.0, ha="left", fontsize=MIN_FONT_PT, color=CAPTION_COLOUR
    )
    fig.alt_text = f"{label}{title.rstrip('.')}. {caption}".strip()


def _columns(text: str) -> int:
    """Width in columns: East Asian wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> str:
    """Wrap ``text`` to ``width`` columns, breaking long Japanese runs between characters."""
    lines, line = [], ""
    for word in text.split():
        while _columns(word) > width:  # a run with no spaces, wider than a line
            room = width - _columns(line) - (1 if line else 0)
            cut = max(i for i in range(len(word) + 1) if _columns(word[:i]) <= max(room, 0))
            if cut == 0:
                lines.append(line)
                line = ""
                continue
            lines.append(f"{line} {word[:cut]}".strip())
            line, word = "", word[cut:]
        candidate = f"{line} {word}".strip()
        if _columns(candidate) > width:
            lines.append(line)
            candidate = word
        line = candidate
    return "\n".join([*lines, line]) if line else "\n".join(lines)
