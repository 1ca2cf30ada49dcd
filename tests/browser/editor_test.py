"""`vanban edit` in a real browser (Debian's Chromium, driven by Playwright):
what a secretary does, step by step, checked on the pages, in the saved
file and in the downloaded PDF. Takes the README's screenshots: into docs/
with VANBAN_UPDATE_SCREENSHOTS=1, else into a temporary folder.

Run by `cargo test` (tests/it/browser.rs), which passes VANBAN_BIN."""

import os
import shutil
import subprocess
import tempfile
import tomllib
from pathlib import Path

from playwright.sync_api import sync_playwright

import harness as h

SHOTS = (
    h.ROOT / "docs"
    if os.environ.get("VANBAN_UPDATE_SCREENSHOTS") == "1"
    else Path(tempfile.mkdtemp(prefix="vanban-screenshots-"))
)
results = []


def step(name):
    def wrap(f):
        def run(*args):
            f(*args)
            results.append(name)
            print(f"ok: {name}", flush=True)
        return run
    return wrap


@step("sửa nội dung một nhiệm vụ và thấy nó trên trang")
def change_a_directive(page):
    box = h.field(page, "directives.items[0]")
    box.click()
    box.press("Control+a")
    box.type("Thống nhất tập trung lãnh đạo, chỉ đạo ĐỢT THI ĐUA MỚI.")
    h.wait_text(page, "chỉ đạo ĐỢT THI ĐUA MỚI.")


@step("thêm mục con bằng nút, lùi một mục vào bằng bàn phím")
def add_nested_items(page):
    directives = page.get_by_role("group", name="Nhiệm vụ thời gian tới")
    directives.get_by_role("button", name="Thêm mục con cho Mục 3", exact=True).click()
    child = h.field(page, "directives.items[2].items[0]")
    child.wait_for()
    assert child.evaluate("e => e === document.activeElement"), "the new item has the focus"
    child.type("Rà soát diện tích cây trồng bị sâu bệnh.")
    h.wait_text(page, "- Rà soát diện tích cây trồng bị sâu bệnh.")
    # Alt+→ on item 5 makes it the second sub-item of item 4.
    fifth = h.field(page, "directives.items[4]")
    fifth.focus()
    fifth.press("Alt+ArrowRight")
    moved = h.field(page, "directives.items[3].items[0]")
    moved.wait_for()
    assert moved.input_value().startswith("Tăng cường công tác chỉ đạo đầy mạnh")
    h.wait_text(page, "- Tăng cường công tác chỉ đạo")


@step("thêm chú thích tại con trỏ")
def add_a_footnote(page):
    item = h.field(page, "findings.items[0]")
    item.click()
    item.press("Control+End")
    item.press("Control+Alt+f")
    note = h.field(page, "footnotes.2")
    note.wait_for()
    assert item.input_value().endswith("kết quả quan trọng.[^2]"), item.input_value()
    note.fill("Chú thích thêm trong trình soạn thảo.")
    h.wait_text(page, "Chú thích thêm trong trình soạn thảo.")


@step("lỗi hiện ở trường của nó, các trang cũ vẫn còn")
def an_error_at_its_field(page):
    h.wait_idle(page)
    before = page.eval_on_selector_all("#pages .page", "ps => ps.map(p => p.dataset.hash)")
    name = h.field(page, "signature.name")
    name.scroll_into_view_if_needed()
    name.fill("")
    message = page.locator('#form .diag.error:has-text("trường này không được để trống")')
    message.wait_for()
    assert name.get_attribute("aria-invalid") == "true"
    # The message stands right under the field.
    assert name.evaluate("e => e.closest('.field').nextElementSibling.classList.contains('diag')")
    page.wait_for_selector("#pages.stale")
    after = page.eval_on_selector_all("#pages .page", "ps => ps.map(p => p.dataset.hash)")
    assert after == before and len(after) >= 3, (before, after)
    assert "Phan Hữu Hoàn" in h.page_text(page)
    page.screenshot(path=str(SHOTS / "editor-error.png"))
    name.fill("Phan Hữu Hoàn")
    page.wait_for_selector("#pages:not(.stale)")
    page.wait_for_selector("#form .diag.error", state="detached")


# Pixels of the last page (where the signature block is) that are clearly
# red (the seal) and clearly blue (the signature), as drawn on screen.
COLOURS = """() => {
  const pages = document.querySelectorAll('#pages .page canvas');
  const canvas = pages[pages.length - 1];
  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let red = 0, blue = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i] > 150 && d[i + 1] < 110 && d[i + 2] < 110) red++;
    else if (d[i + 2] > 120 && d[i] < 110 && d[i + 1] < 140) blue++;
  }
  return [red, blue];
}"""


@step("chọn ảnh chữ ký và ảnh dấu trong thư mục, và thấy chúng trên trang")
def choose_pictures(page, folder):
    h.wait_idle(page)
    assert page.evaluate(COLOURS) == [0, 0], "black on white before"
    image = h.field(page, "signature.image")
    image.scroll_into_view_if_needed()
    options = image.locator("option").all_text_contents()
    assert options == ["(không có ảnh)", "chu-ky.png", "dau.png"], options
    # From the keyboard: the first picture after "none".
    image.focus()
    image.press("ArrowDown")
    assert image.input_value() == "chu-ky.png"
    h.wait_idle(page)
    page.wait_for_function(f"() => ({COLOURS})()[1] > 50")
    # A picture copied in after the page opened is found with ↻.
    shutil.copy(folder / "dau.png", folder / "dau-moi.png")
    seal = h.field(page, "signature.seal")
    page.get_by_role("button", name="Tìm lại các ảnh PNG trong thư mục của văn bản (Ảnh dấu)").click()
    page.wait_for_selector('#form [data-path="signature.seal"] option[value="dau-moi.png"]', state="attached")
    (folder / "dau-moi.png").unlink()
    seal.select_option("dau.png")
    diameter = h.field(page, "signature.seal_diameter_mm")
    diameter.wait_for()
    assert diameter.get_attribute("placeholder") == "36 (nếu để trống)"
    assert seal.evaluate("e => e === document.activeElement"), "the focus stays on the seal"
    h.wait_idle(page)
    page.wait_for_function(f"() => ({COLOURS})()[0] > 200")
    red, blue = page.evaluate(COLOURS)
    assert blue > 50, (red, blue)
    diameter.fill("24")
    h.wait_idle(page)
    page.wait_for_function(f"r => ({COLOURS})()[0] < r * 2 / 3", arg=red)


@step("chọn hướng dẫn 05: dấu cuối dòng nơi nhận và ký hiệu người soạn đổi theo")
def guide_hd05(page):
    h.field(page, "recipients.drafter").fill("Nguyễn Văn An")
    h.field(page, "recipients.copies").fill("26")
    h.wait_text(page, "NGUYỄN VĂN AN-26")
    assert "- Văn phòng Tỉnh ủy," in " ".join(h.page_text(page).split())
    guide = h.field(page, "guide")
    guide.scroll_into_view_if_needed()
    assert guide.locator("option").all_text_contents() == [
        "theo ngày của văn bản",
        "hd36 — Hướng dẫn 36-HD/VPTW",
        "hd05 — Hướng dẫn 05-HD/VPTW",
        "nd30 — Nghị định 30/2020/NĐ-CP",
    ]
    guide.select_option("hd05")
    h.wait_text(page, "NguyenVanAn-26")
    h.wait_text(page, "- Văn phòng Tỉnh ủy;")
    page.wait_for_selector('#form [data-guide-now]:has-text("đang theo Hướng dẫn 05-HD/VPTW")')
    # Not the guide of the document's date (2020): a warning at the field.
    page.wait_for_selector('#form .diag.warning:has-text("guide-date")')


@step("khoảng cách dòng ngoài khoảng của hướng dẫn: lỗi hiện ở trường")
def pitch_out_of_range(page):
    page.get_by_role("button", name="Thêm trình bày (lề, cỡ chữ, khoảng cách dòng)").click()
    pitch = h.field(page, "layout.body_pitch_pt")
    pitch.wait_for()
    # The range of the guide in force, HD05, from the server.
    assert (pitch.get_attribute("min"), pitch.get_attribute("max")) == ("18", "22")
    help = pitch.evaluate("e => e.closest('.field').querySelector('small').textContent")
    assert help == "từ 18 đến 22", help
    pitch.fill("23")
    message = page.locator(
        '#form .diag.error:has-text("23 pt nằm ngoài mức Hướng dẫn 05-HD/VPTW cho phép: 18–22 pt")')
    message.wait_for()
    assert pitch.get_attribute("aria-invalid") == "true"
    assert pitch.evaluate("e => e.closest('.field').nextElementSibling.classList.contains('diag')")
    page.wait_for_selector("#pages.stale")
    # By the date (2020), HD36: 23 pt is allowed, and the range follows.
    guide = h.field(page, "guide")
    guide.select_option("")
    page.wait_for_selector("#form .diag.error", state="detached")
    assert pitch.get_attribute("max") == "24"
    assert pitch.evaluate("e => e.closest('.field').querySelector('small').textContent") == "từ 18 đến 24"
    guide.select_option("hd05")
    message.wait_for()
    assert pitch.get_attribute("max") == "22"
    pitch.fill("20")
    page.wait_for_selector("#pages:not(.stale)")
    page.wait_for_selector("#form .diag.error", state="detached")


@step("lưu, và tệp giữ nguyên ghi chú của những phần không sửa")
def save_and_compare(page, folder, original):
    page.keyboard.press("Control+s")
    page.wait_for_selector('#status:has-text("Đã lưu ket-luan.toml")')
    saved = (folder / "ket-luan.toml").read_text(encoding="utf-8")
    doc = tomllib.loads(saved)
    assert doc["directives"]["items"][0] == "Thống nhất tập trung lãnh đạo, chỉ đạo ĐỢT THI ĐUA MỚI."
    assert doc["directives"]["items"][2]["items"] == ["Rà soát diện tích cây trồng bị sâu bệnh."]
    assert doc["directives"]["items"][3]["items"][0].startswith("Tăng cường công tác chỉ đạo")
    assert doc["footnotes"]["2"] == "Chú thích thêm trong trình soạn thảo."
    assert doc["signature"]["name"] == "Phan Hữu Hoàn"
    assert (doc["signature"]["image"], doc["signature"]["seal"]) == ("chu-ky.png", "dau.png")
    assert doc["signature"]["seal_diameter_mm"] == 24
    assert doc["guide"] == "hd05"
    assert doc["layout"] == {"body_pitch_pt": 20}
    assert (doc["recipients"]["drafter"], doc["recipients"]["copies"]) == ("Nguyễn Văn An", 26)
    kept = [l for l in original.splitlines() if l.startswith("#") or "  # " in l]
    missing = [l for l in kept if l not in saved.splitlines()]
    assert not missing, missing


# A fingerprint of each page's pixels as drawn on screen.
PIXELS = """() => [...document.querySelectorAll('#pages .page canvas')].map((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let h = 2166136261;
  for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619);
  return `${c.width}x${c.height}:${h >>> 0}`;
})"""


@step("các trang vẽ dần từng dải giống hệt các trang mở mới")
def bands_add_up_to_the_page(page, url):
    # Every edit so far sent the band of rows that changed, drawn over the
    # page on screen; a new tab on the saved file gets each page whole.
    h.wait_idle(page)
    assert page.evaluate("() => App.bands") > 10, page.evaluate("() => App.bands")
    drawn = page.evaluate(PIXELS)
    fresh = h.open_editor(page.context.browser, url)
    h.wait_pages(fresh, len(drawn))
    h.wait_idle(fresh)
    assert fresh.evaluate(PIXELS) == drawn
    assert not fresh.errors, fresh.errors
    fresh.context.close()


@step("tải PDF, giống từng byte với vanban render")
def download_pdf(page, folder):
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải PDF").click()
    download = info.value
    assert download.suggested_filename == "ket-luan.pdf"
    downloaded = folder / "tai-ve.pdf"
    download.save_as(downloaded)
    subprocess.run(
        [h.vanban_binary(), "render", "ket-luan.toml", "-o", "render.pdf"],
        cwd=folder, check=True, capture_output=True,
    )
    assert downloaded.read_bytes() == (folder / "render.pdf").read_bytes()


@step("văn bản mới từ văn bản mẫu")
def new_document(b, folder):
    with h.editor(folder) as (process, url):
        page = h.open_editor(b, url)
        assert page.locator("#file-name").inner_text().startswith("văn bản mới")
        h.wait_text(page, "«TÊN CƠ QUAN BAN HÀNH»".upper())
        page.wait_for_selector('#form .diag.warning:has-text("placeholder")')
        page.screenshot(path=str(SHOTS / "editor-new.png"))
        assert not page.errors, page.errors
        page.context.close()


@step("đóng thẻ cuối cùng thì vanban edit dừng")
def stops_with_the_last_tab(page, process):
    # As a tab closes: the page's "pagehide" tells the server goodbye.
    page.close(run_before_unload=True)
    assert h.wait_until(lambda: process.poll() is not None, 30), "still running"
    assert process.returncode == 0


def main():
    folder = h.reference_folder()
    for picture in (h.ROOT / "examples" / "anh").glob("*.png"):
        shutil.copy(picture, folder)
    empty = Path(tempfile.mkdtemp(prefix="vanban-new-"))
    original = (folder / "ket-luan.toml").read_text(encoding="utf-8")
    try:
        run(folder, empty, original)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(empty, ignore_errors=True)
    print(f"{len(results)} passed, 0 failed")


def run(folder, empty, original):
    with sync_playwright() as p, h.browser(p) as b:
        with h.editor(folder, "ket-luan.toml") as (process, url):
            page = h.open_editor(b, url, downloads=True)
            h.wait_pages(page, 3)
            assert "HUYỆN ỦY ĐƠN DƯƠNG" in h.page_text(page)
            page.screenshot(path=str(SHOTS / "editor-reference.png"))
            change_a_directive(page)
            add_nested_items(page)
            add_a_footnote(page)
            an_error_at_its_field(page)
            choose_pictures(page, folder)
            guide_hd05(page)
            pitch_out_of_range(page)
            save_and_compare(page, folder, original)
            bands_add_up_to_the_page(page, url)
            download_pdf(page, folder)
            assert not page.errors, page.errors
            stops_with_the_last_tab(page, process)
        new_document(b, empty)


if __name__ == "__main__":
    main()
