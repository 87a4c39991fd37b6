"""Chapter 0, A tour of the data."""

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "00.1",
    rule="text",
    expects="a table name",
    hint="Loop over ad.list_tables(), keep the tables where 'flag' in frame.columns, compute "
    "frame['flag'].notna().mean() for each and take the name with the largest share.",
)
def most_flagged_table():
    shares = {
        name: frame["flag"].notna().mean()
        for name in ad.list_tables()
        if "flag" in (frame := ad.load(name)).columns
    }
    return max(shares, key=shares.get)


@answer(
    "00.2",
    rule="name",
    expects="a person's name",
    hint="Filter leaders to country_iso3 == 'JPN', then keep rows with term_start <= the date "
    "and (term_end.isna() or term_end >= the date).",
)
def prime_minister_at_1960_treaty():
    when = ad.events_titled(["1960 treaty enters into force"])["date"].iloc[0]
    leaders = ad.load("leaders")
    japan = leaders[leaders["country_iso3"] == "JPN"]
    serving = japan[(japan["term_start"] <= when) & ~(japan["term_end"] < when)]
    return serving["name"].iloc[0]


@answer(
    "00.3",
    rule="int",
    expects="a year",
    hint="Pivot with index='year', columns='area', values='personnel', compare the okinawa "
    "and mainland columns and take the smallest index where okinawa is larger.",
)
def first_okinawa_majority():
    areas = ad.load("troops_japan_by_area")
    okinawa = areas[areas["area"] == "okinawa"].set_index("year")["personnel"]
    mainland = areas[areas["area"] == "mainland"].set_index("year")["personnel"]
    return int(min(year for year in okinawa.index if okinawa[year] > mainland.get(year, 0)))
