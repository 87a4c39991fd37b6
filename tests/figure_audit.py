"""An IPython startup script that audits every matplotlib figure a kernel draws.

The suite's ``chapter_runs`` fixture copies this file into ``$IPYTHONDIR/profile_default/
startup/`` and names a JSON-lines file in ``ALLIANCE_FIGURE_AUDIT``; kernels started by the
runner inherit both. The chapters and the package know nothing of it.

Every cell the kernel runs appends ``{"kernel", "cell"}`` (a token of this kernel, and a
hash of the cell's source), and every figure appends ``{"kernel", "cell", "figure": {...}}``
with its titles, its text problems (smaller than 9 pt, off the canvas, cut off by the axes,
overlapping other text), whether it has a caption (alt text), and the (label, colour,
marker) of each labelled artist and legend entry. The figure is audited just before it is
closed (by the inline backend after its cell, by ``plt.show()`` or by ``plt.close``), so the
audit sees it complete and changes nothing the notebook displays. The tests match a
kernel to its job by the sequence of cell hashes, which differ between parameter sets
because papermill's injected cell holds the values.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid

import matplotlib as mpl
import matplotlib.text
from IPython import get_ipython
from matplotlib._pylab_helpers import Gcf

MIN_FONT_PT = 9  # nothing smaller: the figures must be readable on a projector
MARKERS = ("o", "s", "^", "v", "<", ">", "D", "d", "p", "h", "H", "8", "*", "P", "X", "+", "x")
NO_MARKER = (None, "", " ", "None", "none")

_kernel = uuid.uuid4().hex
_cell = {"hash": None}


def _write(record: dict) -> None:
    path = os.environ.get("ALLIANCE_FIGURE_AUDIT")
    if path:
        with open(path, "a", encoding="utf-8") as out:  # one write per line (O_APPEND)
            out.write(json.dumps({"kernel": _kernel, "cell": _cell["hash"], **record}) + "\n")


def _overlap_area(a, b) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(width, 0) * max(height, 0)


def text_problems(fig) -> list[str]:
    """Text in ``fig`` that is smaller than ``MIN_FONT_PT``, off the canvas, clipped, or
    overlapping other text (tick labels aside)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    canvas = fig.bbox
    undrawn = set()  # labels of ticks outside the view limits, which matplotlib does not draw
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    undrawn.update({id(tick.label1), id(tick.label2)})
    problems = []
    placed = []  # (label, box) of texts that are not tick labels
    ticks = {id(t) for ax in fig.axes for t in ax.get_xticklabels() + ax.get_yticklabels()}
    for text in fig.findobj(matplotlib.text.Text):
        if not text.get_visible() or not text.get_text().strip() or id(text) in undrawn:
            continue
        label = repr(text.get_text()[:40])
        if text.get_fontsize() < MIN_FONT_PT - 0.01:
            problems.append(f"{label} is {text.get_fontsize():.1f} pt (minimum {MIN_FONT_PT})")
        box = matplotlib.text.Text.get_window_extent(text, renderer)  # the words, not an arrow
        inside = (
            box.x0 >= canvas.x0 - 1
            and box.y0 >= canvas.y0 - 1
            and box.x1 <= canvas.x1 + 1
            and box.y1 <= canvas.y1 + 1
        )
        if not inside:
            problems.append(f"{label} falls outside the canvas")
        clip = text.get_clip_box()
        if (
            text.get_clip_on()
            and clip is not None
            and not (
                clip.x0 - 1 <= box.x0
                and box.x1 <= clip.x1 + 1
                and clip.y0 - 1 <= box.y0
                and box.y1 <= clip.y1 + 1
            )
        ):
            problems.append(f"{label} is cut off by the axes")
        if id(text) not in ticks:
            for other, other_box in placed:
                if box.overlaps(other_box) and _overlap_area(box, other_box) > 4:
                    problems.append(f"{label} overlaps {other}")
            placed.append((label, box))
    return problems


def _hex(colours) -> str | None:
    colours = mpl.colors.to_rgba_array(colours)
    return mpl.colors.to_hex(colours[0], keep_alpha=False) if len(colours) else None


def _scatter_marker(collection) -> str | None:
    """The marker of a scatter: the standard marker whose path it draws."""
    paths = collection.get_paths()
    if not paths:
        return None
    drawn = paths[0].vertices
    for marker in MARKERS:
        style = mpl.markers.MarkerStyle(marker)
        path = style.get_path().transformed(style.get_transform()).vertices
        if path.shape == drawn.shape and abs(path - drawn).max() < 1e-6:
            return marker
    return "other"


def _look(artist) -> tuple[str | None, str | None]:
    """(colour, marker) of a line, scatter, patch or bar container; marker None if none."""
    if isinstance(artist, mpl.lines.Line2D):
        marker = artist.get_marker()
        return _hex(artist.get_color()), None if marker in NO_MARKER else str(marker)
    if isinstance(artist, mpl.collections.PathCollection):
        face = artist.get_facecolor()
        return _hex(face if len(face) else artist.get_edgecolor()), _scatter_marker(artist)
    if isinstance(artist, mpl.collections.Collection):
        face = artist.get_facecolor()
        return _hex(face if len(face) else artist.get_edgecolor()), None
    if isinstance(artist, mpl.patches.Patch):
        return _hex(artist.get_facecolor()), None
    if isinstance(artist, mpl.container.Container) and len(artist):
        return _look(artist[0])
    return None, None


def labelled_looks(fig) -> list[dict]:
    """(label, colour, marker) of every labelled artist and every legend entry."""
    pairs = []
    for ax in fig.axes:
        for artist in [*ax.lines, *ax.collections, *ax.patches, *ax.containers]:
            pairs.append((artist.get_label(), artist))
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
    for legend in filter(None, legends):
        handles = getattr(legend, "legend_handles", None) or legend.legendHandles
        pairs += [(t.get_text(), h) for t, h in zip(legend.get_texts(), handles, strict=False)]
    found = []
    for label, artist in pairs:
        if not isinstance(label, str) or not label.strip() or label.startswith("_"):
            continue
        colour, marker = _look(artist)
        record = {"label": label, "colour": colour, "marker": marker}
        if colour and record not in found:
            found.append(record)
    return found


def audit(fig) -> dict:
    """What the tests check about one figure."""
    titles = [
        ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right")
        if ax.get_title(loc)
    ]  # fmt: skip
    if fig._suptitle is not None:
        titles.insert(0, fig._suptitle.get_text())
    return {
        "number": getattr(fig, "number", None),
        "titles": titles,
        "problems": text_problems(fig),
        "caption": bool(str(getattr(fig, "alt_text", "") or "").strip()),
        "artists": labelled_looks(fig),
    }


def _audit_once(manager) -> None:
    fig = manager.canvas.figure
    if getattr(fig, "_audited", False):
        return
    fig._audited = True
    try:
        _write({"figure": audit(fig)})
    except Exception as error:  # the audit must never break a chapter; the tests see this
        _write({"figure": {"audit_error": f"{type(error).__name__}: {error}"}})


def _wrap_destroy(original):
    def destroy(num):
        manager = num if hasattr(num, "canvas") else Gcf.figs.get(num)
        if manager is not None:
            _audit_once(manager)
        return original(num)

    return destroy


def _wrap_destroy_all(original):
    def destroy_all():
        for manager in list(Gcf.figs.values()):
            _audit_once(manager)
        return original()

    return destroy_all


def _before_cell(info) -> None:
    _cell["hash"] = hashlib.sha256(info.raw_cell.encode()).hexdigest()[:16]
    _write({})


def _after_cell(result) -> None:
    """Figures still open after a cell (none with the inline backend) are audited too."""
    for manager in list(Gcf.figs.values()):
        _audit_once(manager)


if get_ipython() is not None and os.environ.get("ALLIANCE_FIGURE_AUDIT"):
    Gcf.destroy = staticmethod(_wrap_destroy(Gcf.destroy))
    Gcf.destroy_all = staticmethod(_wrap_destroy_all(Gcf.destroy_all))
    get_ipython().events.register("pre_run_cell", _before_cell)
    get_ipython().events.register("post_run_cell", _after_cell)
