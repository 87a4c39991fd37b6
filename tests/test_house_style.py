"""The shared chapter helpers: one look per entity, tables for people, prose at the edges,
the Sources section and exercise answers computed from the data."""

import pandas as pd
import pytest

import alliance_data as ad
from alliance_notebooks import citations, exercises, prose, style
from alliance_notebooks.tables import for_people

FLAGGED_TABLES = [name for name in ad.list_tables() if "flag" in ad.load(name).columns]


def test_entities_have_distinct_colours():
    colours = [look.colour for look in style.ENTITIES.values()]
    assert len(colours) == len(set(colours))


@pytest.mark.parametrize("group", sorted(style.CATEGORIES))
def test_no_category_borrows_an_entitys_colour(group):
    entity_colours = {look.colour for look in style.ENTITIES.values()}
    colours = [look.colour for look in style.CATEGORIES[group].values()]
    assert not set(colours) & entity_colours
    assert len(colours) == len(set(colours))


def test_every_survey_of_the_opinion_table_has_its_own_look():
    for survey in ad.load("opinion")["survey"].unique():
        assert survey in style.SURVEYS, survey
        assert style.look(survey) == style.look(style.SURVEYS[survey])


@pytest.mark.parametrize("table", FLAGGED_TABLES)
def test_every_flag_has_a_fixed_marker_unique_in_its_table(table):
    flags = list(ad.labels(table, "flag"))
    markers = [style.flag(table, flag).marker for flag in flags]
    assert all(flag in style.FLAG_MARKERS for flag in flags)
    assert len(markers) == len(set(markers))


def test_a_flag_is_named_by_the_catalogue():
    words = ad.labels("troops", "flag")["afloat_included"]
    assert style.flag("troops", "afloat_included") == style.Look("white", "D", words)


def test_category_names_come_from_the_catalogue():
    label = ad.labels("host_nation_support", "scope")["hns_mod"]
    assert style.name("hns_mod", "hns_scope") == label[:1].upper() + label[1:]


def test_tables_are_written_for_people():
    frame = pd.DataFrame(
        {
            "year": [1953, 1954],
            "from": [1950, 1955],
            "personnel": [260000.0, None],
            "value_pct": [39.2, 4.0],
            "amount": [0.168, 9.0],
            "date": pd.to_datetime(["1960-06-23", None]),
        }
    )
    html = for_people(frame).to_html()
    for shown in ("1953", "1950", "260,000", "39.2", "4.0", "0.168", "9", "1960-06-23", "–"):
        assert f">{shown}</td>" in html, shown
    for raw in (
        "1,953",
        "1,950",
        "260000.0",
        "39.200000",
        "nan",
        "NaN",
        "00:00:00",
        "NaT",
        "9.000",
    ):
        assert raw not in html, raw


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (prose.count(0, "agreement"), "0 agreements"),
        (prose.count(1, "agreement"), "1 agreement"),
        (prose.count(1200, "person", "people"), "1,200 people"),
        (prose.listing([]), ""),
        (prose.listing([1990]), "1990"),
        (prose.listing(["a", "b", "c"], "or"), "a, b or c"),
        (prose.span(2025, 2025), "2025"),
        (prose.span(1970, 1990), "1970–1990"),
        (prose.signed_percent(0.3), "no change"),
        (prose.signed_percent(-12.4), "−12%"),
        (prose.possessive("United States"), "United States'"),
        (prose.when(pd.Timestamp("1991-04-01"), "month"), "in April 1991"),
        (prose.when(pd.Timestamp("1990-08-02"), "day"), "on 2 August 1990"),
    ],
)
def test_prose_at_the_edges(words, expected):
    assert words == expected


def test_sources_cell_cites_the_package_once_and_only_noted_sources():
    citations.reset()
    rows = ad.load("troops").head(3)
    citations.note(rows["source_id"])
    assert citations.noted() == sorted(set(rows["source_id"]))
    text = citations.sources_markdown()
    assert text.count(ad.cite()) == 1
    assert text.count("\n- ") == rows["source_id"].nunique()
    with pytest.raises(KeyError, match="no_such_source"):
        citations.note(["no_such_source"])
    citations.reset()


@pytest.mark.parametrize("exercise_id", sorted(exercises.REGISTRY))
def test_every_expected_answer_is_computed_and_checks(exercise_id, capsys):
    entry = exercises.REGISTRY[exercise_id]
    exercises.check(exercise_id, entry.compute())
    assert capsys.readouterr().out == f"Exercise {exercise_id}: correct.\n"


def test_an_answer_follows_the_data():
    """06.1 was stored as a hash and went stale when the data moved; now it is computed."""
    opinion = ad.load("opinion")
    rows = opinion[
        opinion["survey"].str.startswith("Cabinet Office")
        & opinion["measure"].eq("affinity_toward_us")
    ]
    mail = rows.loc[rows["mode"] == "mail", "value_pct"].mean()
    interviews = rows.loc[rows["year"].between(2008, 2015), "value_pct"].mean()
    assert exercises.is_correct("06.1", mail - interviews)
    assert exercises.is_correct("06.1", mail - interviews + 1) is False
    assert exercises.is_correct("06.1", "many") is None
