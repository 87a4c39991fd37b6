"""Per-notebook progress: a live display on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import datetime

from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


def one_line(result: dict) -> str:
    """``failed in 2.1 s (ValueError: …)`` on one line, whatever the error says."""
    error = result.get("error") or {}
    detail = ""
    if error:
        where = f"cell {error['cell_index']}: " if error.get("cell_index") is not None else ""
        text = " ".join(f"{error.get('ename')}: {error.get('evalue')}".split())
        detail = f" ({where}{text[:300]})"
    return f"{result['status']} in {result['duration_s']} s{detail}"


class LogLines:
    """One timestamped line per event, for cron logs and CI."""

    def _say(self, text: str) -> None:
        print(f"{datetime.now().strftime('%H:%M:%S')} {text}", flush=True)

    def started(self, label: str) -> None:
        self._say(f"{label}: started")

    def cached(self, label: str, run_id: str) -> None:
        self._say(f"{label}: cached (unchanged since run {run_id})")

    def finished(self, label: str, result: dict) -> None:
        self._say(f"{label}: {one_line(result)}")


class LiveDisplay:
    """A rich progress display with one row per notebook."""

    def __init__(self, progress: Progress, labels: list[str]):
        self.progress = progress
        self.tasks = {
            s: progress.add_task(f"{escape(s)}: waiting", total=1, start=False) for s in labels
        }

    def started(self, label: str) -> None:
        self.progress.start_task(self.tasks[label])
        self.progress.update(self.tasks[label], description=f"{escape(label)}: running")

    def cached(self, label: str, run_id: str) -> None:
        text = f"{escape(label)}: [cyan]cached[/] (from run {run_id})"
        self.progress.update(self.tasks[label], completed=1, description=text)

    def finished(self, label: str, result: dict) -> None:
        mark = "[green]succeeded" if result["status"] == "succeeded" else "[red]failed"
        self.progress.update(self.tasks[label], completed=1, description=f"{escape(label)}: {mark}")


@contextmanager
def progress_display(labels: list[str]):
    if not sys.stdout.isatty():
        yield LogLines()
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns) as progress:
        yield LiveDisplay(progress, labels)
