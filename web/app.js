// The editor's page: loads the document, asks the server for the pages
// after every change, shows the messages at their fields, saves.
"use strict";

const App = (() => {
  const $ = (id) => document.getElementById(id);
  const tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
  let file = null;
  let dirty = false;
  // Pages on screen: { hash, box, img (a canvas), text }.
  let pages = [];
  let inflight = false;
  let pending = false;
  // When the oldest change not yet sent was made, from its keystroke.
  let changedAt = 0;
  let lastKeyAt = 0;
  // Keystroke-to-page times, for the latency benchmark.
  const latencies = [];
  // The server's share of each: check, compile, page images; and the
  // page's phases: waiting before sending, the answer, the new images;
  // and the size of each answer (JSON and images).
  const serverMs = [];
  const phases = [];
  // How many bands of rows were drawn over a page, for the tests.
  let bands = 0;
  // "?svg" in the address shows SVG pages instead of PNG, to compare.
  const SVG = new URLSearchParams(location.search).has("svg");

  // Pixels per inch that fill the pages' width on this screen, sharp.
  function resolution() {
    const width = Math.min($("pages").clientWidth || 794, 794);
    return Math.round((width * (window.devicePixelRatio || 1)) / (210 / 25.4));
  }

  function say(message, bad) {
    const s = $("status");
    s.textContent = message;
    s.classList.toggle("bad", !!bad);
  }

  async function call(path, body) {
    const response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response;
  }

  async function json(path, body) {
    const response = await call(path, body);
    let data = {};
    try { data = await response.json(); } catch (_) { data = { error: await response.text().catch(() => "") }; }
    return { status: response.status, data };
  }

  function showFile() {
    $("file-name").textContent = (file || "văn bản mới (chưa lưu)") + (dirty ? " •" : "");
    document.title = `${file || "văn bản mới"}${dirty ? " •" : ""} — vanban`;
  }

  function changed() {
    dirty = true;
    showFile();
    if (!changedAt) {
      const now = performance.now();
      changedAt = now - lastKeyAt < 200 ? lastKeyAt : now;
    }
    preview();
  }

  // One request at a time; changes made meanwhile go in the next one.
  async function preview() {
    if (inflight) { pending = true; return; }
    inflight = true;
    pending = false;
    const since = changedAt;
    changedAt = 0;
    const sent = performance.now();
    try {
      const response = await call("api/preview", {
        doc: Form.doc, have: pages.map((p) => p.hash), ppi: resolution(), svg: SVG,
      });
      const status = response.status;
      let data;
      if (status === 200) {
        // The JSON, then the PNG images it points into.
        const bytes = await response.arrayBuffer();
        const length = Number(response.headers.get("X-Vanban-Json-Length"));
        data = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 0, length)));
        data.size = bytes.byteLength;
        for (const p of data.pages || []) {
          if (p.png) {
            const [at, size] = p.png;
            p.blob = new Blob([new Uint8Array(bytes, length + at, size)], { type: "image/png" });
          }
        }
      } else {
        data = await response.json().catch(() => ({}));
      }
      if (status !== 200) {
        say(data.error || `Lỗi ${status}`, true);
      } else {
        Form.setGuide(data.guide);
        showDiagnostics(data.diagnostics || []);
        if (data.ok) {
          const answered = performance.now();
          await showPages(data.pages);
          const shown = performance.now();
          $("pages").classList.remove("stale");
          if (since) {
            requestAnimationFrame(() => {
              serverMs.push(data.ms);
              phases.push({
                queued: sent - since, answer: answered - sent,
                images: shown - answered, frame: performance.now() - shown, size: data.size,
              });
              latencies.push(performance.now() - since);
              document.body.dataset.shown = String(latencies.length);
            });
          }
        } else {
          $("pages").classList.add("stale");
          say("Văn bản đang có lỗi: các trang bên phải là của lần đúng trước", true);
        }
      }
    } catch (e) {
      say(`Không liên lạc được với vanban: ${e.message}`, true);
    } finally {
      inflight = false;
      if (pending) preview();
    }
  }

  // A page's image ready to draw. A PNG is decoded away from the page's
  // thread, with no address to load as an <img> would need; SVG (kept to
  // compare) can only be decoded through an image element.
  async function drawable(p) {
    if (p.blob) return createImageBitmap(p.blob);
    const url = URL.createObjectURL(new Blob([p.svg || ""], { type: "image/svg+xml" }));
    const img = new Image();
    img.src = url;
    try {
      await img.decode();
    } finally {
      URL.revokeObjectURL(url);
    }
    return img;
  }

  async function showPages(list) {
    const box = $("pages");
    const next = [];
    const waits = [];
    list.forEach((p, i) => {
      const old = pages.find((o) => o.hash === p.key);
      const band = p.base !== undefined;
      if (old && !band && !p.blob && !p.svg) {
        next.push(old);
        return;
      }
      // A page that changed keeps its place on screen until its new image
      // is ready, so nothing flickers.
      const reuse = pages[i] && !list.some((q) => q.key === pages[i].hash) ? pages[i] : null;
      const entry = reuse || { box: document.createElement("div") };
      if (!reuse) {
        entry.box.className = "page";
        entry.img = document.createElement("canvas");
        entry.img.setAttribute("role", "img");
        entry.text = document.createElement("div");
        entry.text.className = "sr-only";
        entry.box.append(entry.img, entry.text);
      }
      // A band of rows goes over the image it was cut from, and no other;
      // should that not be the one here, the next answer brings the page
      // whole.
      if (band && (!reuse || reuse.hash !== p.base)) {
        entry.hash = "";
        next.push(entry);
        pending = true;
        return;
      }
      if (p.blob || p.svg) {
        waits.push(drawable(p).then((bitmap) => {
          const canvas = entry.img;
          if (!band && (canvas.width !== bitmap.width || canvas.height !== bitmap.height)) {
            canvas.width = bitmap.width;
            canvas.height = bitmap.height;
          }
          canvas.getContext("2d").drawImage(bitmap, 0, band ? p.y : 0);
          if (band) bands++;
          if (bitmap.close) bitmap.close();
        }).catch(() => {
          // A band that could not be drawn: the page is asked for whole
          // (once: a whole page that fails would fail again).
          if (band) {
            entry.hash = "";
            pending = true;
          }
        }));
      }
      entry.img.setAttribute("aria-label", `Trang ${i + 1}`);
      entry.hash = p.key;
      entry.text.textContent = p.text || "";
      next.push(entry);
    });
    await Promise.all(waits);
    for (const old of pages) {
      if (!next.includes(old)) {
        old.box.remove();
      }
    }
    next.forEach((entry, i) => {
      entry.box.dataset.page = String(i + 1);
      entry.box.dataset.hash = entry.hash;
      if (box.children[i] !== entry.box) box.insertBefore(entry.box, box.children[i] || null);
    });
    pages = next;
    if (!document.querySelector(".diag.error")) say(`${pages.length} trang`);
  }

  // The element of a field path, or of the nearest field above it.
  function fieldOf(path) {
    let p = path || "";
    while (p) {
      const found = Form.control(p);
      if (found) return found;
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      p = cut > 0 ? p.slice(0, cut) : "";
    }
    return null;
  }

  function showDiagnostics(list) {
    document.querySelectorAll("#form .diag").forEach((d) => d.remove());
    document.querySelectorAll("#form [aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    const problems = $("problems");
    problems.replaceChildren();
    list.forEach((d, n) => {
      const target = fieldOf(d.field);
      const note = document.createElement("div");
      note.className = `diag ${d.severity}`;
      note.id = `diag-${n}`;
      note.setAttribute("role", d.severity === "error" ? "alert" : "note");
      note.append(`${d.label}: ${d.message}${d.rule ? ` [${d.rule}]` : ""}`);
      if (d.hint) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = `gợi ý: ${d.hint}`;
        note.append(hint);
      }
      if (target) {
        const control = target.matches("input, textarea, select") ? target : null;
        if (control) {
          control.setAttribute("aria-invalid", d.severity === "error" ? "true" : "false");
          control.setAttribute("aria-describedby", note.id);
          const anchor = control.closest(".list-entry, .field") || control;
          anchor.after(note);
        } else {
          target.prepend(note);
        }
      } else {
        $("form").prepend(note);
      }
      const jump = document.createElement("button");
      jump.type = "button";
      jump.className = d.severity;
      jump.textContent = `${d.label}: ${d.place ? d.place + ": " : ""}${d.message}`;
      jump.addEventListener("click", () => {
        const c = target && (target.matches("input, textarea, select") ? target : target.querySelector("input, textarea, select"));
        if (c) c.focus(); else note.scrollIntoView({ block: "center" });
      });
      problems.append(jump);
    });
  }

  async function save(overwrite) {
    if (!file) return saveAs();
    const { status, data } = await json("api/save", { doc: Form.doc, overwrite: !!overwrite });
    if (status === 409 && !overwrite) {
      if (confirm(`${data.error}. Vẫn lưu?`)) return save(true);
      return;
    }
    if (status !== 200) return say(`Chưa lưu: ${data.error}`, true);
    saved(data.file);
  }

  async function saveAs(overwrite, given) {
    const name = given || prompt("Lưu thành tệp (trong cùng thư mục), ví dụ ket-luan-moi.toml:", file || "van-ban-moi.toml");
    if (!name) return;
    const { status, data } = await json("api/save-as", { doc: Form.doc, name, overwrite: !!overwrite });
    if (status === 409 && !overwrite) {
      if (confirm(`${data.error}. Vẫn lưu?`)) return saveAs(true, name);
      return;
    }
    if (status !== 200) return say(`Chưa lưu: ${data.error}`, true);
    saved(data.file);
  }

  function saved(name) {
    file = name;
    dirty = false;
    showFile();
    say(`Đã lưu ${name}`);
  }

  async function downloadPdf() {
    const response = await call("api/pdf", { doc: Form.doc });
    if (!response.ok) return say(`Chưa tạo được PDF: ${await response.text()}`, true);
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = disposition.match(/filename="([^"]+)"/);
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = match ? match[1] : "van-ban.pdf";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    say(`Đã tạo ${a.download}`);
  }

  async function newDocument() {
    if (dirty && !confirm("Văn bản đang soạn chưa lưu. Bỏ những thay đổi đó?")) return;
    const { status, data } = await json("api/new", { kind: $("new-kind").value });
    if (status !== 200) return say(data.error, true);
    start(data);
    say("Văn bản mới từ văn bản mẫu: thay các chỗ «…» bằng nội dung thật");
  }

  function start(state) {
    file = state.file;
    dirty = false;
    showFile();
    Form.load(state);
    changedAt = 0;
    preview();
  }

  function heartbeat() {
    call("api/heartbeat", { tab }).catch(() => {});
  }

  async function boot() {
    const { status, data } = await json("api/state");
    if (status !== 200) return say(data.error || `Lỗi ${status}`, true);
    $("new-kind").replaceChildren(...data.kinds.map((k) => {
      const o = document.createElement("option");
      o.value = k.name;
      o.textContent = k.title;
      o.title = k.about;
      return o;
    }));
    Form.mount($("form"), data, changed);
    file = data.file;
    showFile();
    preview();
    $("btn-save").addEventListener("click", () => save());
    $("btn-save-as").addEventListener("click", () => saveAs());
    $("btn-pdf").addEventListener("click", downloadPdf);
    $("btn-new").addEventListener("click", newDocument);
    // The keystroke's time; text typed through an input method (Unikey,
    // IBus) comes without a key event of its own.
    document.addEventListener("keydown", (e) => { lastKeyAt = e.timeStamp; }, true);
    document.addEventListener("beforeinput", (e) => {
      // The same keystroke as the key event just before it, or text of its
      // own (from an input method).
      if (e.timeStamp - lastKeyAt > 50) lastKeyAt = e.timeStamp;
    }, true);
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (e.shiftKey) saveAs(); else save();
      } else if (e.ctrlKey && e.altKey && e.key.toLowerCase() === "f") {
        e.preventDefault();
        Form.addFootnote();
      }
    });
    window.addEventListener("beforeunload", (e) => {
      if (dirty) { e.preventDefault(); e.returnValue = ""; }
    });
    window.addEventListener("pagehide", () => {
      navigator.sendBeacon("api/bye", JSON.stringify({ tab }));
    });
    heartbeat();
    setInterval(heartbeat, 5000);
  }

  document.addEventListener("DOMContentLoaded", boot);
  return {
    say, latencies, serverMs, phases, save, saveAs, downloadPdf,
    // Whether a preview is under way or waiting: tests wait for quiet.
    get busy() { return inflight || pending; },
    get bands() { return bands; },
  };
})();
