"""Open chapters in a real JupyterLab with Chromium, run every cell, and look at the page."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from repo_files import shipped_files

from alliance_notebooks.chapters import read_notebook

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
SCREENS = Path("/tmp/browser_screens")
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
KERNEL_IDLE = re.compile(r"^(?!No Kernel).+ \| Idle$")
EXPLORER = "notebooks/09_explorer.py"
CHAPTER = "notebooks/01_origins.py"  # the quickest chapter
# User settings for a quiet, deterministic JupyterLab: no news or update toasts, and every
# cell kept in the DOM (no windowing) so that the page can be inspected cell by cell.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
ERROR_OUTPUTS = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
    '.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]'
)
ERROR_TEXT = re.compile(r"Traceback|^\w*(Error|Exception)\b", re.MULTILINE)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: apt-get install -y chromium"
)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_server(url: str, server: subprocess.Popen, timeout: float = 40) -> None:
    """Poll ``url`` until the server answers; fail early if it exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"jupyter lab did not answer at {url} within {timeout} s")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A headless JupyterLab on a free local port: (base URL, token, served folder).

    It serves a git repository holding a copy of this one's tracked files, as a fresh clone
    would be, with no developer set-up, so that saving in JupyterLab can be checked against
    git without touching the real repository.
    """
    home = tmp_path_factory.mktemp("lab")
    served = home / "repo"
    for path in shipped_files():
        (served / path.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, served / path.relative_to(ROOT))
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=served, check=True)
    subprocess.run([*git, "add", "-A"], cwd=served, check=True)
    subprocess.run([*git, "commit", "-qm", "copy"], cwd=served, check=True)
    for name, values in LAB_SETTINGS.items():
        (home / "settings" / name).parent.mkdir(parents=True, exist_ok=True)
        (home / "settings" / name).write_text(json.dumps(values))
    env = os.environ | {
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
               f"--ServerApp.token={token}", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--ServerApp.root_dir={served}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with (home / "jupyter.log").open("w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for_server(f"{base}/api/status?token={token}", server)
            yield base, token, served
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def raising_cells(path: str) -> set[int]:
    """Indexes of the cells tagged raises-exception (their tracebacks are expected)."""
    cells = read_notebook(ROOT / path).cells
    return {i for i, c in enumerate(cells) if "raises-exception" in c.metadata.get("tags", [])}


def run_all(page, base: str, token: str, served: Path, path: str):
    """Open a notebook, run all cells from the Run menu, wait for an idle kernel: the panel."""
    page.goto(f"{base}/lab/tree/{path}?reset&token={token}")
    panel = page.locator(f"{PANEL}:has(.jp-Notebook .jp-Cell)")
    panel.wait_for(timeout=30_000)
    # The toolbar indicator says "idle" before a kernel exists; the status bar names the kernel.
    idle = page.locator(".jp-StatusBar-TextItem", has_text=KERNEL_IDLE)
    dialog = page.locator(".jp-Dialog")
    idle.or_(dialog).first.wait_for(timeout=30_000)
    if dialog.count():
        pytest.fail(f"JupyterLab showed a dialog on opening {path}: {dialog.inner_text()[:500]}")
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    # Done when the first cell has run and no cell is queued or running ("[*]"); a run that
    # stops at an error leaves later cells unnumbered, which the test reports.
    page.wait_for_function(
        """panel => {
            const prompts = [...document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputPrompt')];
            return /\\[\\d+\\]/.test(prompts[0].textContent)
                && prompts.every(p => !p.textContent.includes('*'));
        }""",
        arg=PANEL,
        timeout=60_000,
    )
    idle.wait_for(timeout=15_000)
    return panel


def unexpected_errors(panel, path: str) -> list[str]:
    """Tracebacks in cells not tagged raises-exception, and code cells that never ran."""
    allowed = raising_cells(path)
    found = []
    for index, cell in enumerate(panel.locator(".jp-Notebook .jp-Cell").all()):
        prompt = cell.locator(".jp-InputPrompt")
        if "jp-CodeCell" in cell.get_attribute("class") and "[ ]" in prompt.inner_text():
            found.append(f"cell {index} did not run")
        for output in cell.locator(ERROR_OUTPUTS).all():
            text = output.inner_text()
            if index not in allowed and ERROR_TEXT.search(text):
                found.append(f"cell {index}: {text[-400:]}")
    return found


def screenshot(page, tmp_path: Path, name: str) -> None:
    """Save a screenshot in tmp_path and copy it to /tmp/browser_screens for people to see."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=tmp_path / name)
    shutil.copy(tmp_path / name, SCREENS / name)


def figure_sources(panel) -> list[str]:
    """The data URLs of the figures shown, in order."""
    return panel.locator(".jp-OutputArea-output img").evaluate_all("els => els.map(e => e.src)")


def check_notebook(browser, lab, tmp_path: Path, path: str):
    """Run one notebook in a fresh page; assert no errors and at least one figure."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    panel = run_all(page, *lab, path)
    images = panel.locator(".jp-OutputArea-output img")
    if images.count():
        images.first.scroll_into_view_if_needed()
    screenshot(page, tmp_path, f"{Path(path).stem}_run.png")
    assert unexpected_errors(panel, path) == [], f"{path} shows an error"
    assert images.count() > 0, f"{path} shows no figure"
    return page, panel


def test_explorer_widgets_redraw_in_jupyterlab(browser, lab, tmp_path):
    page, panel = check_notebook(browser, lab, tmp_path, EXPLORER)
    widgets = panel.locator(".jupyter-widgets")
    assert widgets.count() > 0, "the explorer shows no widgets"
    widgets.first.scroll_into_view_if_needed()
    screenshot(page, tmp_path, "09_explorer_widgets.png")
    before = figure_sources(panel)
    dropdown = panel.locator(".widget-dropdown select").first
    options = dropdown.locator("option").all_inner_texts()
    dropdown.select_option(label=options[-1])
    page.wait_for_function(
        "([panel, before]) => [...document.querySelectorAll(panel + ' .jp-OutputArea-output img')]"
        ".some((img, i) => img.src !== before[i])",
        arg=[PANEL, before],
        timeout=20_000,
    )
    screenshot(page, tmp_path, "09_explorer_changed.png")


def test_exploring_and_saving_leaves_the_repository_clean(browser, lab, tmp_path):
    """Open a chapter's .py source in JupyterLab (no developer set-up), run it (no errors, its
    figures shown) and save it, as a student would: the file on disk is unchanged and git
    sees nothing to commit."""
    served = lab[2]
    original = (served / CHAPTER).read_bytes()
    page, panel = check_notebook(browser, lab, tmp_path, CHAPTER)
    assert panel.locator(".jp-OutputArea-output").count() > 0, "the chapter showed no output"
    before = (served / CHAPTER).stat().st_mtime_ns
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.querySelector('.jp-mod-current .jp-mod-dirty')", timeout=15_000
    )
    deadline = time.monotonic() + 15
    while (served / CHAPTER).stat().st_mtime_ns == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (served / CHAPTER).stat().st_mtime_ns != before, "the save did not reach the disk"
    assert (served / CHAPTER).read_bytes() == original
    status = subprocess.check_output(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=served, text=True
    )
    assert status == "", status
    screenshot(page, tmp_path, f"{Path(CHAPTER).stem}_saved.png")
