"""The ``alliance-notebooks`` command line."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.table import Table

import alliance_data as ad
from alliance_data.catalog import resource
from alliance_data.citation import STYLES

console = Console()


def data_list(_: argparse.Namespace) -> int:
    table = Table(title=f"alliance_data {ad.__version__} · data version {ad.DATA_VERSION}")
    for column in ("table", "rows", "coverage", "title"):
        table.add_column(column, overflow="fold")
    for name in ad.list_tables():
        res = resource(name)
        table.add_row(name, str(res["rows"]), res["coverage"], res["title"])
    console.print(table)
    return 0


def data_describe(args: argparse.Namespace) -> int:
    print(ad.describe(args.name))
    return 0


def data_cite(args: argparse.Namespace) -> int:
    print(ad.cite(args.name, style=args.style))
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="alliance-notebooks",
        description="Data and notebooks on the U.S.–Japan security alliance.",
    )
    root.add_argument("--version", action="version", version=f"%(prog)s {ad.__version__}")
    commands = root.add_subparsers(dest="command", required=True)

    data = commands.add_parser("data", help="list, describe and cite the tables")
    data_commands = data.add_subparsers(dest="data_command", required=True)
    data_commands.add_parser("list", help="tables with row counts and coverage").set_defaults(
        handler=data_list
    )
    describe = data_commands.add_parser("describe", help="columns, units, caveats, sources")
    describe.add_argument("name", help="table name (see `data list`)")
    describe.set_defaults(handler=data_describe)
    cite = data_commands.add_parser("cite", help="citation for a table and its sources")
    cite.add_argument("name", help="table name (see `data list`)")
    cite.add_argument("--style", choices=STYLES, default="text")
    cite.set_defaults(handler=data_cite)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (ad.UnknownTableError, ad.ParameterError) as error:
        print(f"alliance-notebooks: error: {error.args[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
