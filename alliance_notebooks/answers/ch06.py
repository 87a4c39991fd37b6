"""Chapter 6, Public opinion."""

import alliance_data as ad
from alliance_notebooks.answers import answer


def _survey(prefix: str):
    opinion = ad.load("opinion")
    return opinion[opinion["survey"].str.startswith(prefix)]


@answer(
    "06.1",
    rule="float:1",
    expects="the mail-era mean minus the 2008–2015 interview-era mean, in percentage points",
    hint="Select the affinity_toward_us rows of the Cabinet Office survey, take .mean() of "
    "value_pct for year.between(2008, 2015) and for mode == 'mail', and subtract in that "
    "order.",
)
def mail_minus_interview_affinity():
    rows = _survey("Cabinet Office")
    rows = rows[rows["measure"] == "affinity_toward_us"]
    interviews = rows.loc[rows["year"].between(2008, 2015), "value_pct"].mean()
    return rows.loc[rows["mode"] == "mail", "value_pct"].mean() - interviews


@answer(
    "06.2",
    rule="text",
    expects="the ISO3 code of the country whose mean rose most",
    hint="pd.cut(year, bins=[2000, 2008, 2016]) labels each survey by president; "
    "pivot_table(index='country_iso3', columns=..., aggfunc='mean'), subtract the columns and "
    "use .idxmax().",
)
def country_whose_view_rose_most_under_obama():
    rows = _survey("Pew")
    rows = rows[rows["measure"] == "favorable_view_of_us"]
    bush = rows[rows["year"].between(2001, 2008)].groupby("country_iso3")["value_pct"].mean()
    obama = rows[rows["year"].between(2009, 2016)].groupby("country_iso3")["value_pct"].mean()
    return (obama - bush).dropna().idxmax()


@answer(
    "06.3",
    rule="int",
    expects="a survey year",
    hint="pivot_table(index='year', columns='measure', values='value_pct'), keep the two "
    "affinity columns, dropna(), compute 100 minus their row sum and take .idxmax().",
)
def year_with_most_other_answers():
    rows = _survey("Cabinet Office")
    by_year = rows.groupby(["year", "measure"])["value_pct"].mean().unstack()
    both = by_year[["affinity_toward_us", "no_affinity_toward_us"]].dropna()
    return int((100 - both.sum(axis=1)).idxmax())
