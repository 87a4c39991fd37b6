"""The house style: matplotlib settings and one look (colour, marker, name) per entity.

>>> from alliance_notebooks import style
>>> style.use_house_style()
>>> ax.plot(years, values, **style.look("JPN"))             # a country, area or survey
>>> ax.bar(x, y, **style.look("press", "source_quality"))   # a category of one table
>>> style.flag("troops", "definition_break").marker          # a flag's fixed open marker

Every entity has its own entry, used in every chapter: countries, areas of Japan and
surveys have colours of their own, and categories use colours that no country, area or
survey uses. Colours are Okabe–Ito first, then Paul Tol's palettes.
"""

from __future__ import annotations

import logging
from typing import NamedTuple

import matplotlib as mpl
import matplotlib_fontja  # noqa: F401  (registers IPAexGothic, for Japanese source titles)

MIN_FONT_PT = 9  # nothing smaller: the figures must be readable on a projector
GREY = "#666666"  # things that are not an entity: reference lines, unknown categories
INK = "#333333"  # annotations


class Look(NamedTuple):
    """How one entity is drawn."""

    colour: str
    marker: str
    name: str


def _looks(entries: dict[str, tuple[str, str, str]]) -> dict[str, Look]:
    return {key: Look(*entry) for key, entry in entries.items()}


# Countries (ISO3), areas of Japan and surveys: the entities a reader follows across chapters.
ENTITIES = _looks(
    {
        "JPN": ("#0072B2", "o", "Japan"),
        "USA": ("#D55E00", "s", "United States"),
        "CHN": ("#CC79A7", "D", "China"),
        "KOR": ("#009E73", "^", "South Korea"),
        "PRK": ("#117733", "v", "North Korea"),
        "DEU": ("#000000", "v", "Germany"),
        "GBR": ("#882255", "P", "United Kingdom"),
        "ITA": ("#999933", "X", "Italy"),
        "PHL": ("#44AA99", "h", "Philippines"),
        "AUS": ("#DDCC77", "*", "Australia"),
        "FRA": ("#332288", "p", "France"),
        "IND": ("#AA4499", "<", "India"),
        "RUS": ("#777777", ">", "Russia"),
        "TWN": ("#88CCEE", "d", "Taiwan"),
        "SUN": ("#555555", "8", "Soviet Union"),
        "SWE": ("#F0E442", "H", "Sweden"),
        "CHE": ("#661100", "d", "Switzerland"),
        "NLD": ("#6699CC", "p", "Netherlands"),
        "mainland": ("#56B4E9", "o", "Mainland Japan"),
        "okinawa": ("#E69F00", "s", "Okinawa"),
        "bonin_volcano": ("#999999", "^", "Bonin and Volcano Islands"),
        "cabinet_office": ("#EE3377", "D", "Cabinet Office survey"),
        "pew": ("#33BBEE", "P", "Pew Research Center"),
        "yomiuri_gallup": ("#8C564B", "X", "Yomiuri–Gallup poll"),
        "unnamed_2007_poll": ("#AAAAAA", "*", "Unnamed 2007 poll"),
    }
)

# The opinion table's survey names, mapped to their entity keys.
SURVEYS = {
    "Cabinet Office, Public Opinion Survey on Diplomacy": "cabinet_office",
    "Pew Research Center, Global Attitudes Survey": "pew",
    "Yomiuri Shimbun–Gallup joint poll": "yomiuri_gallup",
    "Unnamed 2007 poll cited by Wikipedia": "unnamed_2007_poll",
}

# Categories of one column: colours that no entity above uses (Paul Tol's bright, vibrant
# and light schemes), so a category is never read as a country. Groups that are a column of
# a table take their names from the catalogue (CATALOGUE_NAMES); the others name them here.
CATEGORIES = {
    "source_quality": _looks(
        {
            "official": ("#4477AA", "o", ""),
            "scholarly": ("#228833", "^", ""),
            "press": ("#EE7733", "s", ""),
            "other_web": ("#BBBBBB", "D", ""),
        }
    ),
    "verdict": _looks(
        {
            "consistent": ("#009988", "o", ""),
            "approximate": ("#99DDFF", "^", ""),
            "conflicting": ("#CC3311", "X", ""),
            "unverifiable": ("#BBBBBB", "s", ""),
        }
    ),
    "hns_scope": _looks(
        {
            "hns_mod": ("#4477AA", "o", ""),
            "sma_covered": ("#EE7733", "^", ""),
            "stationing_costs_all": ("#AA3377", "s", ""),
        }
    ),
    "budget_basis": _looks(
        {
            "expenditure": ("#222255", "o", ""),
            "contract": ("#CC3311", "s", ""),
            "budget (basis not stated)": ("#BBBBBB", "D", ""),
            "approximate": ("#CCBB44", "^", ""),
        }
    ),
    "share_basis": _looks(
        {
            "count": ("#4477AA", "s", "Count"),
            "land area": ("#228833", "^", "Land area"),
            "basis not stated": ("#BBBBBB", "D", "Basis not stated"),
        }
    ),
    "trade_basis": _looks(
        {
            "census_total_exports_general_imports": ("#4477AA", "o", ""),
            "census_basis_cited_by_crs": ("#EE6677", "s", ""),
            "census_balance_reported_by_press": ("#228833", "D", ""),
            "usitc_trade_shifts": ("#CCBB44", "^", ""),
            "ita_rounded": ("#AA3377", "v", ""),
            "ustr_rounded": ("#009988", "P", ""),
        }
    ),
    "mission_kind": _looks(
        {
            "airlift": ("#4477AA", "o", ""),
            "anti_piracy": ("#EE6677", "s", ""),
            "disaster_relief": ("#228833", "D", ""),
            "financial": ("#CCBB44", "^", ""),
            "maritime_support": ("#66CCEE", "v", ""),
            "minesweeping": ("#AA3377", "P", ""),
            "peacekeeping": ("#EE7733", "X", ""),
            "reconstruction": ("#009988", "h", ""),
        }
    ),
    "service": _looks(
        {
            "army": ("#666633", "s", ""),
            "navy": ("#222255", "o", ""),
            "marine_corps": ("#CC3311", "^", ""),
            "air_force": ("#77AADD", "D", ""),
            "space_force": ("#AA3377", "*", ""),
            "coast_guard": ("#EEDD88", "v", ""),
        }
    ),
    "supplier": _looks({"others": ("#CCCCCC", "o", "All other suppliers")}),
    "event_group": _looks(
        {
            "legislation": ("#4477AA", "o", "Legislation"),
            "policy": ("#EE7733", "s", "Policy and guidelines"),
            "operation": ("#228833", "D", "Operation"),
            "exercise": ("#AA3377", "^", "Exercise"),
        }
    ),
}

CATALOGUE_NAMES = {  # group -> (table, column) whose catalogue labels name its categories
    "source_quality": ("sources", "source_quality"),
    "verdict": ("claims", "verdict"),
    "hns_scope": ("host_nation_support", "scope"),
    "budget_basis": ("host_nation_support", "basis"),
    "trade_basis": ("trade", "basis"),
    "mission_kind": ("overseas_missions", "kind"),
    "service": ("us_forces_by_service", "service"),
}

# Flags: each flag keeps one open marker wherever it is drawn (the colour is that of the
# series it sits on); its words come from the catalogue (``ad.labels(table, "flag")``).
# A marker is unique within each table's flags.
FLAG_MARKERS = {
    # troops (afloat_included also in troops_japan_by_area)
    "afloat_included": "D",
    "report_month_change": "s",
    "compilation_value": "^",
    "additional_location_row_excluded": "v",
    "definition_break": "P",
    "territory_change": "X",
    "reported_dip": "h",
    "location_excluded": "<",
    "locations_summed": ">",
    "other_report_month": "p",
    # troops_japan_by_area
    "split_distorted": "*",
    # opinion
    "mode_break": "d",
    "sample_change": "H",
    "derived_from_stated_change": "8",
    "fieldwork_following_january": "D",
    "preliminary": "s",
    "approximate": "^",
    "read_via_copy": "v",
    "unverified_secondary": "P",
    # us_forces_by_service
    "june_civilian_low": "D",
    "total_below_services": "s",
    "outlier_report": "^",
}

# What prose calls each marker ("open diamonds in Figure 2.1").
MARKER_NAMES = {
    "o": "circles",
    "s": "squares",
    "D": "diamonds",
    "d": "thin diamonds",
    "^": "triangles",
    "v": "downward triangles",
    "<": "left-pointing triangles",
    ">": "right-pointing triangles",
    "P": "plus signs",
    "X": "crosses",
    "h": "hexagons",
    "H": "hexagons",
    "p": "pentagons",
    "*": "stars",
    "8": "octagons",
}

STYLE = {
    "axes.prop_cycle": mpl.cycler(color=["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7"]),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "font.family": ["DejaVu Sans", "IPAexGothic"],  # Japanese glyphs fall back to IPAexGothic
    "font.size": 11,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.title_fontsize": 10,
    "legend.frameon": False,
    "figure.figsize": (9, 5),
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "savefig.bbox": "standard",
}


def use_house_style() -> None:
    """Apply the house style to every later figure."""
    mpl.rcParams.update(STYLE)
    # IPAexGothic has no bold face; matplotlib's notice about using the regular one is noise.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


def entry(key: str, group: str | None = None) -> Look:
    """The look of an entity (``group=None``) or of a category of ``group``.

    An unknown key is drawn in grey with a circle and its own text as name.
    """
    table = ENTITIES if group is None else CATEGORIES[group]
    key = SURVEYS.get(key, key) if group is None else key
    found = table.get(key, Look(GREY, "o", str(key).replace("_", " ")))
    if group in CATALOGUE_NAMES:
        import alliance_data as ad

        label = ad.labels(*CATALOGUE_NAMES[group]).get(key, found.name)
        found = found._replace(name=label[:1].upper() + label[1:])
    return found


def look(key: str, group: str | None = None) -> dict:
    """Matplotlib keyword arguments for an entity or category: colour, marker and label."""
    found = entry(key, group)
    return {"color": found.colour, "marker": found.marker, "label": found.name}


def colour(key: str, group: str | None = None) -> str:
    """The colour of an entity or category (grey if it has none)."""
    return entry(key, group).colour


def name(key: str, group: str | None = None) -> str:
    """The display name of an entity or category ('JPN' -> 'Japan')."""
    return entry(key, group).name


def flag(table: str, key: str) -> Look:
    """A flag's look: its fixed marker and the catalogue's words for it (the colour is left
    to the series it marks)."""
    import alliance_data as ad

    words = ad.labels(table, "flag").get(key, str(key).replace("_", " "))
    return Look("white", FLAG_MARKERS.get(key, "o"), words)
