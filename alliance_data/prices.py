"""Price indexes derived from SIPRI's own deflators, for turning nominal amounts into real ones."""

from __future__ import annotations

import pandas as pd

from alliance_data.loading import load


def price_index(country_iso3: str = "JPN", base_year: int = 2023) -> pd.Series:
    """Local-currency price index by year, derived from SIPRI's series.

    SIPRI converts local-currency spending to constant US dollars with the country's
    consumer price index and the base year's exchange rate, so the ratio of local-currency
    to constant-dollar spending moves with local prices: a CPI-based deflator.

    Parameters
    ----------
    country_iso3 : str
        A country of ``defense_spending``.
    base_year : int
        The year whose index is 1.0.

    Returns
    -------
    pandas.Series
        The index by year.

    Raises
    ------
    ValueError
        If SIPRI has no figure for ``base_year``; the message gives the allowed years.
    """
    milex = load("defense_spending").query("country_iso3 == @country_iso3").set_index("year")
    ratio = (milex["milex_local_currency"] / milex["milex_usd_m_constant"]).dropna()
    if base_year not in ratio.index:
        raise ValueError(
            f"base_year={base_year} has no SIPRI data for {country_iso3}; "
            f"allowed years are {int(ratio.index.min())}–{int(ratio.index.max())}"
        )
    return (ratio / ratio[base_year]).rename(f"price_index_{country_iso3}_{base_year}")


def to_real(
    amounts: pd.Series, years: pd.Series, country_iso3: str = "JPN", base_year: int = 2023
) -> pd.Series:
    """Express nominal local-currency amounts in ``base_year`` prices.

    Parameters
    ----------
    amounts, years : pandas.Series
        Nominal amounts and the year of each.
    country_iso3, base_year
        As for :func:`price_index`.

    Returns
    -------
    pandas.Series
        ``amounts`` divided by the price index of their years (missing where SIPRI has none).
    """
    index = price_index(country_iso3, base_year)
    return amounts / years.map(index).astype(float)
