"""Keystroke to page on screen in `vanban edit`, measured in the browser.

Types KEYS characters, one at a time, into a directive of the reference
example, as a person types (one key every 120 ms, about 100 words a
minute), and reads from the page how long each change took from the
keystroke until its new page image was decoded, in the document and
painted (the next animation frame). Prints the median and the 95th
percentile.

    cargo build --release
    VANBAN_BIN=target/release/vanban python3 benches/editor-latency.py [KEYS]
"""

import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
import harness as h  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402


def main():
    folder = h.reference_folder()
    try:
        measure(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(folder):
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    keys = numbers[0] if numbers else 200
    # --svg: pages as SVG instead of PNG, to compare.
    svg = "--svg" in sys.argv
    with sync_playwright() as p, h.browser(p) as b, h.editor(folder, "ket-luan.toml") as (_, url):
        page = h.open_editor(b, url + ("?svg" if svg else ""))
        h.wait_pages(page, 3)
        box = h.field(page, "directives.items[1]")
        box.click()
        box.press("Control+End")
        samples = []
        server = []
        text = "Kiểm tra độ trễ khi gõ chữ tiếng Việt có dấu. " * 20
        for ch in text[:keys]:
            shown = page.evaluate("() => App.latencies.length")
            # Letters with Vietnamese marks come as an input method sends
            # them: text without a key event.
            page.keyboard.type(ch)
            # Polled every 20 ms, not every frame, so as not to load the page.
            page.wait_for_function(
                "n => App.latencies.length > n", arg=shown, timeout=10000, polling=20
            )
            samples.append(page.evaluate("() => App.latencies[App.latencies.length - 1]"))
            server.append(page.evaluate("() => App.serverMs[App.serverMs.length - 1]"))
            time.sleep(0.12)
        server.sort()
        samples.sort()
        p95 = samples[int(0.95 * (len(samples) - 1))]
        print(f"keystrokes: {len(samples)}")
        print(f"median: {statistics.median(samples):.1f} ms")
        print(f"p95: {p95:.1f} ms")
        print(f"max: {samples[-1]:.1f} ms")
        phases = page.evaluate("() => App.phases")
        for name in ("queued", "answer", "images", "frame"):
            values = sorted(p[name] for p in phases)
            print(f"  {name}: median {statistics.median(values):.1f} ms,"
                  f" p95 {values[int(0.95 * (len(values) - 1))]:.1f} ms")
        sizes = sorted(p["size"] for p in phases)
        print(f"  answer's size: median {statistics.median(sizes) / 1000:.1f} KB,"
              f" p95 {sizes[int(0.95 * (len(sizes) - 1))] / 1000:.1f} KB")
        print(f"server's share (check, compile, images): median {statistics.median(server):.1f} ms,"
              f" p95 {server[int(0.95 * (len(server) - 1))]:.1f} ms")


if __name__ == "__main__":
    main()
