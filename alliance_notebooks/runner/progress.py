"""Per-notebook progress: a live display on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import datetime

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class LogLines:
    """One timestamped line per event, for cron logs and CI."""

    def _say(self, text: str) -> None:
        print(f"{datetime.now().strftime('%H:%M:%S')} {text}", flush=True)

    def started(self, stem: str) -> None:
        self._say(f"{stem}: started")

    def finished(self, stem: str, result: dict) -> None:
        error = result.get("error") or {}
        detail = f" ({error.get('ename')}: {error.get('evalue')})" if error else ""
        self._say(f"{stem}: {result['status']} in {result['duration_s']} s{detail}")


class LiveDisplay:
    """A rich progress display with one row per notebook."""

    def __init__(self, progress: Progress, stems: list[str]):
        self.progress = progress
        self.tasks = {s: progress.add_task(f"{s}: waiting", total=1, start=False) for s in stems}

    def started(self, stem: str) -> None:
        self.progress.start_task(self.tasks[stem])
        self.progress.update(self.tasks[stem], description=f"{stem}: running")

    def finished(self, stem: str, result: dict) -> None:
        mark = "[green]succeeded" if result["status"] == "succeeded" else "[red]failed"
        self.progress.update(self.tasks[stem], completed=1, description=f"{stem}: {mark}")


@contextmanager
def progress_display(stems: list[str]):
    if not sys.stdout.isatty():
        yield LogLines()
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns) as progress:
        yield LiveDisplay(progress, stems)
