"""Chapter 3, Bases and Okinawa."""

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "03.1",
    rule="text",
    expects="the prefecture's name",
    hint="Keep the rows where okinawa is False, then call value_counts() on the prefecture "
    "column and take idxmax().",
)
def prefecture_with_most_facilities_outside_okinawa():
    bases = ad.load("bases")
    return bases.loc[~bases["okinawa"], "prefecture"].value_counts().idxmax()


@answer(
    "03.2",
    rule="float:1",
    expects="Okinawa's count-based share in percent with both changes, to 1 decimal",
    hint="Set okinawa to True for the row named 'Koza' with |, drop the row whose "
    "coordinate_quality is 'shared_with_neighbour', then take 100 * okinawa.mean().",
)
def okinawa_share_with_koza_and_merge():
    bases = ad.load("bases")
    kept = bases[bases["coordinate_quality"] != "shared_with_neighbour"]
    in_okinawa = kept["okinawa"] | kept["name"].eq("Koza")
    return 100 * in_okinawa.sum() / len(kept)


@answer(
    "03.3",
    rule="float:1",
    expects="the years between the two Okinawa referendums, to 1 decimal",
    hint="Index the selected events by title, subtract the two dates, take .days and divide "
    "by 365.25.",
)
def years_between_referendums():
    first, second = ["Okinawa referendum on bases", "Okinawa referendum on Henoko"]
    dates = ad.events_titled([first, second]).set_index("title")["date"]
    return (dates[second] - dates[first]).days / 365.25
