"""Chapter 8, Weighing the sources."""

import alliance_data as ad
from alliance_notebooks.answers import answer


@answer(
    "08.1",
    rule="int",
    expects="a count of claims",
    hint="Map claims['source_id'] to sources['publisher'], keep rows equal to 'Wikipedia' whose "
    "verdict is not 'unverifiable', and take len().",
)
def checkable_wikipedia_claims():
    claims = ad.load("claims")
    publisher = claims["source_id"].map(ad.load("sources").set_index("source_id")["publisher"])
    return int((publisher.eq("Wikipedia") & claims["verdict"].ne("unverifiable")).sum())


@answer(
    "08.2",
    rule="text",
    expects="a seed label, as in the claims table's seed column",
    hint="pd.crosstab(claims['seed'], claims['verdict'], normalize='index') gives shares per "
    "seed; take .idxmax() of the 'conflicting' column.",
)
def seed_with_most_conflicts():
    claims = ad.load("claims")
    return claims["verdict"].eq("conflicting").groupby(claims["seed"]).mean().idxmax()


@answer(
    "08.3",
    rule="int",
    expects="how many fewer rows there are once each paraphrase is counted once",
    hint="drop_duplicates('paraphrase') keeps one row per claim; subtract its length from "
    "len(claims).",
)
def repeated_claims():
    claims = ad.load("claims")
    return len(claims) - claims["paraphrase"].nunique(dropna=False)
