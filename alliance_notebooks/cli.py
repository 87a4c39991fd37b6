"""The ``alliance-notebooks`` command line.

Exit codes: 0 success; 1 a notebook failed; 2 bad input (parameters, files, a damaged
table); 3 key figures changed (``run --fail-on-change``); 4 the environment (a full or
read-only disk, an unsupported platform, a missing optional module); 5 another run holds
the output folder; 130 interrupted (Ctrl-C or SIGTERM).

With pandas alone (``pip install alliance-data``) ``--help``, ``--version`` and the
``data`` commands work; the others import their extra's modules only when they run, and
name the extra to install when one is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import signal
import sys
from pathlib import Path

BAD_INPUT, ENVIRONMENT, BUSY, INTERRUPTED = 2, 4, 5, 130
# Top-level modules of each extra (and of the packages they pull in), by import name.
BOOK_MODULES = {"sphinx", "myst_nb", "myst_parser", "sphinx_book_theme", "pydata_sphinx_theme",
                "docutils"}  # fmt: skip
NOTEBOOK_MODULES = {"matplotlib", "matplotlib_fontja", "numpy", "jupyterlab", "ipykernel",
                    "IPython", "ipywidgets", "papermill", "psutil", "nbclient", "jupyter_client",
                    "jupyter_core", "nbconvert", "nbformat", "jinja2", "jupytext", "yaml",
                    "rich"}  # fmt: skip


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A rich table on a terminal; when piped, ``# title`` and unwrapped tab-separated lines."""
    if not sys.stdout.isatty() or importlib.util.find_spec("rich") is None:
        print(f"# {title}")
        print("\t".join(columns))
        for row in rows:
            print("\t".join(" ".join(str(cell).split()) for cell in row))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*map(str, row))
    Console().print(table)


def data_list(_: argparse.Namespace) -> int:
    import alliance_data as ad
    from alliance_data.catalog import resource

    rows, damaged = [], []
    for name in ad.list_tables():
        res = resource(name)
        try:
            count = str(len(ad.load(name)))
        except ad.DataIntegrityError as error:
            damaged.append(str(error))
            count = "DAMAGED"
        rows.append((name, count, res["coverage"], res["title"]))
    title = f"alliance_data {ad.__version__} · data version {ad.data_version()}"
    _table(title, ("table", "rows", "coverage", "title"), rows)
    for message in damaged:
        print(f"alliance-notebooks: error: {message}", file=sys.stderr)
    return BAD_INPUT if damaged else 0


def data_describe(args: argparse.Namespace) -> int:
    import alliance_data as ad

    ad.load(args.name)  # raises DataIntegrityError for a missing or damaged file
    print(ad.describe(args.name))
    return 0


def data_cite(args: argparse.Namespace) -> int:
    import alliance_data as ad

    print(ad.cite(args.name, style=args.style))
    return 0


def notebooks_list(args: argparse.Namespace) -> int:
    from alliance_notebooks import parameters_cell  # not papermill: it takes seconds to import
    from alliance_notebooks.runner.plan import expected_type, resolve

    rows = [
        (path.stem, name, expected_type(spec), spec["default"], spec["help"])
        for path in resolve(args.notebooks, args.notebooks_dir)
        for name, spec in parameters_cell.inspect(path).items()
    ]
    columns = ("notebook", "parameter", "type", "default", "help")
    _table(f"Notebooks in {args.notebooks_dir}", columns, rows)
    return 0


def notebooks_run(args: argparse.Namespace) -> int:
    import os

    from alliance_notebooks import parameter_input, runner
    from alliance_notebooks.runner import plan

    scoped = parameter_input.load_file(args.params_file) if args.params_file else {}
    for notebook, values in parameter_input.parse_assignments(args.parameters).items():
        if isinstance(scoped.get(notebook), list):
            scoped[notebook] = [{**s, **values} for s in scoped[notebook]]
        else:
            scoped.setdefault(notebook, {}).update(values)
    plans = plan.plan(plan.resolve(args.notebooks, args.notebooks_dir), scoped)
    return runner.run(
        plans,
        args.output_dir,
        args.jobs,
        args.timeout,
        cluster=args.cluster or os.environ.get("DASK_SCHEDULER_ADDRESS") or None,
        force=args.force,
        fail_on_change=args.fail_on_change,
    )


def cache_command(args: argparse.Namespace) -> int:
    from alliance_notebooks.runner import cache, folder

    where = args.output_dir / ".cache"
    if args.action == "clear":
        with folder.locked(args.output_dir):
            print(f"removed {cache.info(args.output_dir, clear=True)[0]} entries from {where}")
        return 0
    count, size = cache.info(args.output_dir)
    print(f"{where}: {count} entries, {size / 2**20:.1f} MiB of {cache.limit() / 2**20:.0f} MiB")
    return 0


def copy(args: argparse.Namespace) -> int:
    from alliance_notebooks.copying import copy_chapters

    for path in copy_chapters(args.notebooks_dir, args.destination, force=args.force):
        print(f"wrote {path}")
    return 0


def student(args: argparse.Namespace) -> int:
    from alliance_notebooks.runner.plan import resolve
    from alliance_notebooks.student import build_student_editions

    sources = resolve(args.notebooks, args.notebooks_dir)
    for path in build_student_editions(sources, args.output_dir, force=args.force):
        print(f"wrote {path}")
    return 0


def book(args: argparse.Namespace) -> int:
    from alliance_notebooks.book import build_book

    run_dir = args.run or args.runs_dir / "latest"
    if not (run_dir / "manifest.json").is_file():
        print(f"alliance-notebooks: error: {run_dir} is not a finished run", file=sys.stderr)
        return BAD_INPUT
    print(f"wrote {build_book(run_dir.resolve(), args.output_dir, args.student)}")
    return 0


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number; got {text[:20]!r}") from None
    if not 1 <= value <= 10**6:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 1000000; got {text}")
    return value


def _notebook_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "notebooks",
        nargs="*",
        metavar="NOTEBOOK",
        help="chapter stems, or paths to notebook files (default: all numbered notebooks)",
    )
    command.add_argument(
        "--notebooks-dir",
        type=Path,
        default=None,
        help="folder holding the chapters (default: ./notebooks if it exists, "
        "else the chapters installed with the package)",
    )


def _run_parser(commands) -> None:
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
        help="YAML file of parameters: top-level values, mappings per notebook, or lists of "
        "parameter sets per notebook",
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
    run.add_argument(
        "--cluster",
        metavar="tcp://HOST:PORT",
        help="send the jobs to this Dask scheduler (default: $DASK_SCHEDULER_ADDRESS if set, "
        "else a pool of --jobs processes on this machine)",
    )
    run.add_argument("--force", action="store_true", help="re-execute even unchanged notebooks")
    run.add_argument(
        "--fail-on-change",
        action="store_true",
        help="exit 3 when a key figure changed since the previous successful run",
    )
    run.set_defaults(handler=notebooks_run)


def parser() -> argparse.ArgumentParser:
    from alliance_data import __version__
    from alliance_data.citation import STYLES

    root = argparse.ArgumentParser(
        prog="alliance-notebooks",
        description="Data and notebooks on the U.S.–Japan security alliance.",
    )
    root.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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

    _run_parser(commands)

    stored = commands.add_parser("cache", help="size of the execution cache, or clear it")
    stored.add_argument("action", choices=("info", "clear"))
    stored.add_argument("--output-dir", type=Path, default=Path("runs"))
    stored.set_defaults(handler=cache_command)

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
    teach.add_argument("--force", action="store_true", help="overwrite existing editions")
    teach.set_defaults(handler=student)

    site = commands.add_parser("book", help="build a static website of a run")
    site.add_argument("--run", type=Path, default=None, help="run folder (default: runs/latest)")
    site.add_argument("--runs-dir", type=Path, default=Path("runs"), help=argparse.SUPPRESS)
    site.add_argument(
        "--output-dir",
        type=Path,
        default=Path("book"),
        help="folder for the site, replaced whole: a new or empty folder, or an earlier book "
        "(default: book)",
    )
    site.add_argument("--student", action="store_true", help="leave out the solutions")
    site.set_defaults(handler=book)
    return root


def _fail(code: int, message: str) -> int:
    print(f"alliance-notebooks: error: {message}", file=sys.stderr)
    return code


def _missing(error: ModuleNotFoundError, command: str) -> str:
    """One line naming the missing module and the extra that brings it."""
    module = (error.name or "").partition(".")[0] or "?"
    book = command == "book"
    extra = "book" if module in BOOK_MODULES or (book and module not in NOTEBOOK_MODULES) else ""
    extras = ",".join(e for e in ("notebooks" if not extra else "", extra) if e)
    extras = "notebooks,book" if book and extras == "notebooks" else extras
    who = "the book" if book else f"`{command}`"
    return f'{who} needs an optional module ({module}): pip install "alliance-data[{extras}]"'


def _loaded(module: str, *names: str) -> tuple[type[BaseException], ...]:
    """Exception classes of a module if it has been imported (else none can be raised)."""
    return tuple(getattr(sys.modules[module], n) for n in names) if module in sys.modules else ()


def main(argv: list[str] | None = None) -> int:
    previous = signal.signal(signal.SIGTERM, _interrupt)  # before anything slow
    if argv is None:  # a process of its own, not a call from Python
        from alliance_notebooks.fast_start import skip_iri_grammars

        skip_iri_grammars()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("alliance-notebooks: interrupted", file=sys.stderr)
        return INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    try:
        if getattr(args, "notebooks_dir", 0) is None:
            from alliance_notebooks import chapters

            args.notebooks_dir = chapters.default_dir()
        if getattr(args, "jobs", 0) is None:
            from alliance_notebooks.runner import default_jobs

            args.jobs = default_jobs()
        return args.handler(args)
    except ModuleNotFoundError as error:
        return _fail(ENVIRONMENT, _missing(error, args.command))
    except _loaded("alliance_data.catalog", "UnknownTableError", "DataIntegrityError") as error:
        return _fail(BAD_INPUT, str(error.args[0])[:1000])
    except _loaded("alliance_notebooks.parameters", "ParameterError") as error:
        return _fail(BAD_INPUT, str(error.args[0])[:1000])
    except _loaded("alliance_notebooks.runner", "Busy") as error:
        return _fail(BUSY, str(error))
    except (*_loaded("alliance_notebooks.runner", "EnvironmentProblem"), OSError) as error:
        return _fail(ENVIRONMENT, str(error)[:1000])


if __name__ == "__main__":
    sys.exit(main())
