"""The ``alliance-notebooks`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

import alliance_data as ad
from alliance_data.catalog import resource
from alliance_data.citation import STYLES
from alliance_notebooks import chapters
from alliance_notebooks.parameters import ParameterError

console = Console()


def data_list(_: argparse.Namespace) -> int:
    table = Table(title=f"alliance_data {ad.__version__} · data version {ad.data_version()}")
    for column in ("table", "rows", "coverage", "title"):
        table.add_column(column, overflow="fold")
    damaged = []
    for name in ad.list_tables():
        res = resource(name)
        try:
            rows = str(len(ad.load(name)))
        except ad.DataIntegrityError as error:
            damaged.append(str(error))
            rows = "DAMAGED"
        table.add_row(name, rows, res["coverage"], res["title"])
    console.print(table)
    for message in damaged:
        print(f"alliance-notebooks: error: {message}", file=sys.stderr)
    return 2 if damaged else 0


def data_describe(args: argparse.Namespace) -> int:
    ad.load(args.name)  # raises DataIntegrityError for a missing or damaged file
    print(ad.describe(args.name))
    return 0


def data_cite(args: argparse.Namespace) -> int:
    print(ad.cite(args.name, style=args.style))
    return 0


def notebooks_list(args: argparse.Namespace) -> int:
    import papermill

    from alliance_notebooks.runner.params import expected_type, resolve

    table = Table(title=f"Notebooks in {args.notebooks_dir}")
    for column in ("notebook", "parameter", "type", "default", "help"):
        table.add_column(column, overflow="fold")
    for path in resolve(args.notebooks, args.notebooks_dir):
        for name, spec in papermill.inspect_notebook(str(path)).items():
            table.add_row(path.stem, name, expected_type(spec), spec["default"], spec["help"])
    console.print(table)
    return 0


def notebooks_run(args: argparse.Namespace) -> int:
    from alliance_notebooks import runner
    from alliance_notebooks.runner import params

    scoped = params.load_file(args.params_file) if args.params_file else {}
    for notebook, values in params.parse_assignments(args.parameters).items():
        scoped.setdefault(notebook, {}).update(values)
    plans = params.plan(params.resolve(args.notebooks, args.notebooks_dir), scoped)
    return runner.run(plans, args.output_dir, args.jobs, args.timeout)


def copy(args: argparse.Namespace) -> int:
    from alliance_notebooks.copying import copy_chapters

    for path in copy_chapters(args.notebooks_dir, args.destination, force=args.force):
        print(f"wrote {path}")
    return 0


def student(args: argparse.Namespace) -> int:
    from alliance_notebooks.runner.params import resolve
    from alliance_notebooks.student import build_student_editions

    written = build_student_editions(resolve(args.notebooks, args.notebooks_dir), args.output_dir)
    for path in written:
        print(f"wrote {path}")
    return 0


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1; got {text}")
    return value


def _notebook_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "notebooks",
        nargs="*",
        metavar="NOTEBOOK",
        help="notebook stems or files (default: all numbered notebooks)",
    )
    command.add_argument(
        "--notebooks-dir",
        type=Path,
        default=None,
        help="folder holding the chapters (default: ./notebooks if it exists, "
        "else the chapters installed with the package)",
    )


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

    run = commands.add_parser("run", help="execute notebooks with papermill into runs/<run-id>/")
    _notebook_arguments(run)
    run.add_argument(
        "-p",
        "--parameter",
        dest="parameters",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a parameter for every notebook that declares it; "
        "NOTEBOOK:NAME=VALUE sets it for one notebook (values are YAML literals)",
    )
    run.add_argument(
        "-f",
        "--params-file",
        type=Path,
        help="YAML file of parameters: top-level values, or mappings per notebook",
    )
    run.add_argument("--output-dir", type=Path, default=Path("runs"))
    run.add_argument(
        "--jobs",
        type=positive_int,
        default=None,
        help="notebooks run in parallel (default: one per CPU core)",
    )
    run.add_argument(
        "--timeout", type=positive_int, default=600, help="seconds allowed per cell (default: 600)"
    )
    run.set_defaults(handler=notebooks_run)

    listing = commands.add_parser("list", help="notebooks with their parameters and defaults")
    _notebook_arguments(listing)
    listing.set_defaults(handler=notebooks_list)

    copying = commands.add_parser("copy", help="copy the chapters into a folder to edit them")
    copying.add_argument("destination", type=Path, help="folder to create or fill")
    copying.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    copying.add_argument("--force", action="store_true", help="overwrite existing files")
    copying.set_defaults(handler=copy)

    teach = commands.add_parser("student", help="write student editions without solutions")
    _notebook_arguments(teach)
    teach.add_argument("--output-dir", type=Path, default=Path("student"))
    teach.set_defaults(handler=student)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "notebooks_dir", 0) is None:
        args.notebooks_dir = chapters.default_dir()
    if getattr(args, "jobs", 0) is None:
        from alliance_notebooks.runner import default_jobs

        args.jobs = default_jobs()
    try:
        return args.handler(args)
    except (ad.UnknownTableError, ad.DataIntegrityError, ParameterError) as error:
        print(f"alliance-notebooks: error: {error.args[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
