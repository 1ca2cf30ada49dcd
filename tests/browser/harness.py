"""Shared by the browser test and the latency benchmark: start `vanban edit`
on a folder, and Debian's Chromium through Playwright (never a browser
that Playwright downloads)."""

import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "examples" / "ket-luan-thuong-truc-huyen-uy-2020-11.toml"
CHROMIUM = os.environ.get("VANBAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def vanban_binary():
    binary = os.environ.get("VANBAN_BIN")
    if not binary:
        raise SystemExit("VANBAN_BIN must name the vanban binary")
    # The editor runs in the document's folder: a relative path is taken
    # from where the script was started.
    return str(Path(binary).resolve())


@contextmanager
def editor(folder, file=None):
    """`vanban edit` on `file` in `folder`; yields (process, address)."""
    args = [vanban_binary(), "edit", "--no-open"]
    if file:
        args.append(file)
    process = subprocess.Popen(
        args, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise AssertionError(f"no address: {url!r} {process.stderr.read()}")
        yield process, url
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def reference_folder():
    folder = Path(tempfile.mkdtemp(prefix="vanban-editor-"))
    shutil.copy(REFERENCE, folder / "ket-luan.toml")
    return folder


@contextmanager
def browser(playwright):
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield b
    finally:
        b.close()


def open_editor(b, url, downloads=False):
    context = b.new_context(
        viewport={"width": 1440, "height": 900}, accept_downloads=downloads, locale="vi-VN"
    )
    page = context.new_page()
    # Script errors and failed requests, which the test must not leave.
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    wait_pages(page)
    return page


def wait_pages(page, count=None, timeout=30000):
    """Until the pages are on screen (and, if given, this many of them)."""
    page.wait_for_function(
        "n => { const p = document.querySelectorAll('#pages .page canvas[aria-label]');"
        " return p.length > 0 && (n === null || p.length === n); }",
        arg=count,
        timeout=timeout,
    )


def wait_idle(page):
    """Until no preview is under way or waiting."""
    page.wait_for_function("() => !App.busy")


def page_text(page):
    return " ".join(page.locator("#pages .sr-only").all_text_contents())


def wait_text(page, needle, timeout=30000):
    page.wait_for_function(
        "t => [...document.querySelectorAll('#pages .sr-only')]"
        ".map(e => e.textContent).join(' ').replace(/\\s+/g, ' ').includes(t)",
        arg=needle,
        timeout=timeout,
    )


def field(page, path):
    """The control (input, text box, list) of a field."""
    return page.locator(f'#form :is(input, textarea, select)[data-path="{path}"]')


def wait_until(check, timeout=20.0):
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return True
        time.sleep(0.1)
    return False
