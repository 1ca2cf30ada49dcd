// The form: every field of the input, in Vietnamese, bound to the
// document (the TOML as JSON). Each control carries data-path, the field's
// path as vanban's messages write it ("directives.items[2].title"), so that
// a message can be shown at its field.
"use strict";

const Form = (() => {
  let doc = {};
  let kinds = [];
  // From the server, so that the page holds no rule of its own: the guides
  // to choose from, the seal's diameters, the guide the document is laid
  // out by (with its [layout] ranges), the PNG files of its folder.
  let rules = { guides: [], seal_diameter_mm: {} };
  let guide = { key: "", name: "", layout: [] };
  let pictures = [];
  let changed = () => {};
  let root = null;
  // The body field the cursor was last in, for "insert a footnote here".
  let cursor = null;

  const LAYOUT_NAMES = {
    margin_top_mm: "Lề trên (mm)", margin_bottom_mm: "Lề dưới (mm)", margin_left_mm: "Lề trái (mm)",
    margin_right_mm: "Lề phải (mm)", body_pt: "Cỡ chữ nội dung (pt)",
    body_pitch_pt: "Khoảng cách dòng nội dung (pt, exactly)",
    doc_title_pt: "Cỡ chữ tên loại (pt)", summary_pt: "Cỡ chữ trích yếu (pt)",
  };
  // The fields that name a picture of the document's folder.
  const PICTURES = [["signature", "image"], ["signature", "seal"]];
  const LABELS = ["", "1.", "1)", "a)", "1.1.", "Thứ nhất,", "-", "+"];
  const PARTS = [
    ["findings", "Kết quả đạt được"],
    ["limitations", "Hạn chế, khuyết điểm"],
    ["directives", "Nhiệm vụ thời gian tới"],
  ];
  const MAX_DEPTH = 3;

  // ---- paths ----
  function pathStr(segs) {
    let out = "";
    segs.forEach((s, i) => {
      if (typeof s === "number") out += `[${s}]`;
      else out += i === 0 ? s : `.${s}`;
    });
    return out;
  }
  function getAt(segs) {
    let v = doc;
    for (const s of segs) {
      if (v === undefined || v === null) return undefined;
      v = v[s];
    }
    return v;
  }
  function setAt(segs, value) {
    let v = doc;
    segs.slice(0, -1).forEach((s, i) => {
      if (v[s] === undefined || v[s] === null || typeof v[s] !== "object") {
        v[s] = typeof segs[i + 1] === "number" ? [] : {};
      }
      v = v[s];
    });
    v[segs[segs.length - 1]] = value;
  }
  function delAt(segs) {
    const parent = getAt(segs.slice(0, -1));
    if (parent && typeof parent === "object") {
      const last = segs[segs.length - 1];
      if (Array.isArray(parent)) parent.splice(last, 1);
      else delete parent[last];
    }
  }

  // ---- elements ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "on") for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
      else if (k === "dataset") Object.assign(e.dataset, v);
      else if (k in e && k !== "list") e[k] = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined && c !== false) {
        e.append(c instanceof Node ? c : document.createTextNode(c));
      }
    }
    return e;
  }
  function button(text, title, onclick, cls) {
    return el("button", { type: "button", className: cls || "small", title, "aria-label": title, on: { click: onclick } }, text);
  }
  function field(label, control, help) {
    return el("label", { className: "field" }, el("span", {}, label), control, help ? el("small", {}, help) : null);
  }

  // The control of a field (not the box around it), else the box.
  function control(path) {
    const sel = `[data-path="${CSS.escape(path)}"]`;
    return root.querySelector(`:is(input, textarea, select)${sel}`) || root.querySelector(sel);
  }

  // A structural change: the form is built again, keeping the focus.
  function rebuild(focusPath) {
    const active = document.activeElement;
    const key = focusPath || (active && active.dataset && active.dataset.path);
    render();
    changed();
    if (key) {
      const target = control(key);
      if (target && target.focus) target.focus();
    }
  }

  // ---- controls ----
  function text(label, segs, opts = {}) {
    const value = getAt(segs);
    const attrs = {
      value: typeof value === "string" ? value : "",
      placeholder: opts.placeholder,
      dataset: { path: pathStr(segs), markup: opts.markup ? "1" : undefined },
      on: {
        input: (e) => {
          const v = e.target.value;
          if (v === "" && opts.optional) delAt(segs);
          else setAt(segs, v);
          changed();
        },
      },
    };
    if (!opts.markup) delete attrs.dataset.markup;
    const control = opts.multiline ? el("textarea", Object.assign(attrs, { rows: opts.rows || 3 })) : el("input", attrs);
    if (opts.multiline) control.value = attrs.value;
    return label === null ? control : field(label, control, opts.help);
  }

  function number(label, segs, opts = {}) {
    const value = getAt(segs);
    const control = el("input", {
      type: "number",
      value: typeof value === "number" ? String(value) : "",
      min: opts.min, max: opts.max, step: opts.step || 1,
      placeholder: opts.placeholder,
      dataset: { path: pathStr(segs) },
      on: {
        input: (e) => {
          const v = e.target.value.trim();
          if (v === "") delAt(segs);
          else if (!Number.isNaN(Number(v))) setAt(segs, Number(v));
          changed();
        },
      },
    });
    return field(label, control, opts.help);
  }

  function select(label, segs, options, opts = {}) {
    const value = getAt(segs);
    const control = el("select", {
      dataset: { path: pathStr(segs) },
      on: {
        change: (e) => {
          const v = e.target.value;
          if (v === "" && opts.optional) delAt(segs);
          else setAt(segs, v);
          if (opts.structural) rebuild(pathStr(segs));
          else changed();
        },
      },
    }, options.map(([v, t]) => el("option", { value: v, selected: v === (value === undefined ? "" : value) }, t)));
    return field(label, control, opts.help);
  }

  function checkbox(label, segs) {
    return el("label", { className: "field" }, el("span", {}, label),
      el("input", {
        type: "checkbox", checked: getAt(segs) === true, dataset: { path: pathStr(segs) },
        on: { change: (e) => { if (e.target.checked) setAt(segs, true); else delAt(segs); changed(); } },
      }));
  }

  // A picture: one of the PNG files of the document's folder, or none.
  // Leaving it out also leaves out the fields that go with it (`with`).
  function picture(label, segs, help, opts = {}) {
    const control = el("select", {
      dataset: { path: pathStr(segs) },
      on: {
        change: (e) => {
          if (e.target.value === "") {
            delAt(segs);
            (opts.with || []).forEach(delAt);
          } else setAt(segs, e.target.value);
          if (opts.structural) rebuild(pathStr(segs));
          else changed();
        },
      },
    });
    fillPictures(control, segs);
    return field(label, el("div", { className: "list-entry" }, control,
      button("↻", `Tìm lại các ảnh PNG trong thư mục của văn bản (${label})`, refreshPictures)), help);
  }

  function fillPictures(select, segs) {
    const value = getAt(segs);
    // A picture named by hand (in a subfolder, say) stays choosable.
    const names = typeof value === "string" && value !== "" && !pictures.includes(value)
      ? [value, ...pictures] : pictures;
    select.replaceChildren(
      el("option", { value: "" }, pictures.length ? "(không có ảnh)" : "(không có ảnh; thư mục chưa có tệp PNG)"),
      ...names.map((n) => el("option", { value: n, selected: n === value }, n)));
  }

  async function refreshPictures() {
    const response = await fetch("api/pictures");
    const data = await response.json().catch(() => ({}));
    if (!response.ok) return App.say(data.error || `Lỗi ${response.status}`, true);
    pictures = data.files;
    PICTURES.forEach((segs) => {
      const select = control(pathStr(segs));
      if (select) fillPictures(select, segs);
    });
    App.say(pictures.length ? `Thư mục của văn bản có ${pictures.length} ảnh PNG` : "Thư mục của văn bản chưa có ảnh PNG");
  }

  // A text or a list of texts ("texts" in docs/schema.md): one box each.
  function texts(label, segs, opts = {}) {
    const value = getAt(segs);
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const box = el("div", { className: "field", dataset: { path: pathStr(segs) } }, el("span", {}, label));
    list.forEach((entry, i) => {
      const here = Array.isArray(value) && value.length > 1 ? segs.concat(i) : segs;
      const entrySegs = Array.isArray(value) ? segs.concat(i) : segs;
      const control = el(opts.lines ? "input" : "textarea", {
        rows: opts.lines ? undefined : 3,
        placeholder: opts.placeholder,
        "aria-label": `${label} ${list.length > 1 ? i + 1 : ""}`.trim(),
        dataset: { path: pathStr(here), markup: opts.markup ? "1" : undefined },
        on: { input: (e) => { setAt(entrySegs, e.target.value); changed(); } },
      });
      if (!opts.markup) delete control.dataset.markup;
      control.value = typeof entry === "string" ? entry : "";
      box.append(el("div", { className: "list-entry" }, control,
        button("✕", `Xóa ${opts.one || "dòng"} ${i + 1}`, () => {
          if (Array.isArray(value)) value.splice(i, 1);
          if (!Array.isArray(value) || (value.length === 0 && opts.optional)) {
            if (opts.optional) delAt(segs); else setAt(segs, []);
          }
          rebuild(pathStr(segs));
        })));
    });
    box.append(button(`+ Thêm ${opts.one || "dòng"}`, `Thêm ${opts.one || "dòng"} vào ${label}`, () => {
      const next = list.concat([""]);
      setAt(segs, next);
      rebuild(pathStr(next.length > 1 ? segs.concat(next.length - 1) : segs));
    }));
    return box;
  }

  function date() {
    const segs = ["date"];
    const value = getAt(segs);
    let y = "", m = "", d = "";
    if (typeof value === "string") {
      const parts = value.split("-");
      [y, m, d] = [parts[0] || "", String(Number(parts[1]) || ""), String(Number(parts[2]) || "")];
    } else if (value && typeof value === "object") {
      y = value.year ?? ""; m = value.month ?? ""; d = value.day ?? "";
    }
    const box = el("div", { className: "row", dataset: { path: "date" }, role: "group", "aria-label": "Ngày ký" });
    const update = () => {
      const [dd, mm, yy] = ["day", "month", "year"].map((k) => box.querySelector(`[name=${k}]`).value.trim());
      const num = (s) => (s === "" ? undefined : Number(s));
      if (yy !== "" && mm !== "" && dd !== "" && /^\d{4}$/.test(yy) && Number(mm) >= 1 && Number(dd) >= 1) {
        setAt(segs, `${yy}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`);
      } else {
        const o = { year: num(yy) };
        if (mm !== "") o.month = num(mm);
        if (dd !== "") o.day = num(dd);
        setAt(segs, o);
      }
      changed();
    };
    const input = (name, label, v, min, max) => field(label, el("input", {
      type: "number", name, value: String(v), min, max,
      placeholder: name === "year" ? "" : "để trống",
      dataset: { path: `date#${name}` },
      on: { input: update },
    }));
    box.append(input("day", "Ngày", d, 1, 31), input("month", "Tháng", m, 1, 12), input("year", "Năm", y, 1945, 9999));
    return field("Ngày ký (để trống ngày cho người ký ghi tay)", box);
  }

  // ---- items ----
  function depthOf(item) {
    if (!item || typeof item !== "object" || !Array.isArray(item.items) || item.items.length === 0) return 1;
    return 1 + Math.max(...item.items.map(depthOf));
  }
  function asTable(item) {
    return item && typeof item === "object" ? item : { text: item || "" };
  }
  function labelFor(part, depth, i) {
    return `${depth === 1 ? "Mục" : depth === 2 ? "Mục con" : "Ý"} ${i + 1}`;
  }

  function items(listSegs, depth) {
    const list = getAt(listSegs) || [];
    const box = el("div", { className: "items", dataset: { path: pathStr(listSegs) } });
    list.forEach((_, i) => box.append(item(listSegs, i, depth)));
    box.append(button(depth === 1 ? "+ Thêm mục" : "+ Thêm mục con", depth === 1 ? "Thêm mục ở cuối" : "Thêm mục con ở cuối", () => {
      setAt(listSegs, list.concat([""]));
      rebuild(pathStr(listSegs.concat(list.length)));
    }));
    return box;
  }

  function item(listSegs, i, depth) {
    const list = getAt(listSegs);
    const value = list[i];
    const segs = listSegs.concat(i);
    const ops = {
      up: () => { if (i > 0) { [list[i - 1], list[i]] = [list[i], list[i - 1]]; rebuild(focusOf(listSegs.concat(i - 1))); } },
      down: () => { if (i < list.length - 1) { [list[i + 1], list[i]] = [list[i], list[i + 1]]; rebuild(focusOf(listSegs.concat(i + 1))); } },
      indent: () => {
        if (i === 0) return App.say("Mục đầu tiên không lùi vào được: không có mục nào ở trên để làm mục cha");
        if (depth + depthOf(value) > MAX_DEPTH) return App.say("Các mục lồng nhau tối đa 3 cấp");
        const parent = asTable(list[i - 1]);
        list[i - 1] = parent;
        parent.items = (parent.items || []).concat([value]);
        list.splice(i, 1);
        rebuild(focusOf(listSegs.concat(i - 1, "items", parent.items.length - 1)));
      },
      outdent: () => {
        if (depth === 1) return App.say("Mục này đã ở cấp ngoài cùng");
        const parentSegs = listSegs.slice(0, -1);
        const outer = listSegs.slice(0, -2);
        const at = parentSegs[parentSegs.length - 1];
        const outerList = getAt(outer);
        list.splice(i, 1);
        if (list.length === 0) delete getAt(parentSegs).items;
        outerList.splice(at + 1, 0, value);
        rebuild(focusOf(outer.concat(at + 1)));
      },
      remove: () => { list.splice(i, 1); rebuild(list.length ? focusOf(listSegs.concat(Math.min(i, list.length - 1))) : pathStr(listSegs)); },
      after: () => { list.splice(i + 1, 0, ""); rebuild(pathStr(listSegs.concat(i + 1))); },
      child: () => {
        if (depth >= MAX_DEPTH) return App.say("Các mục lồng nhau tối đa 3 cấp");
        const t = asTable(value);
        list[i] = t;
        t.items = (t.items || []).concat([""]);
        rebuild(pathStr(segs.concat("items", t.items.length - 1)));
      },
    };
    function focusOf(s) {
      const v = getAt(s);
      return typeof v === "string" ? pathStr(s) : pathStr(s.concat("text"));
    }
    const name = labelFor(listSegs[0], depth, i);
    const tools = el("div", { className: "item-tools" },
      el("span", { className: "label" }, name),
      button("↑", `Đưa ${name} lên (Alt+↑)`, ops.up),
      button("↓", `Đưa ${name} xuống (Alt+↓)`, ops.down),
      button("←", `Đưa ${name} ra ngoài một cấp (Alt+←)`, ops.outdent),
      button("→", `Lùi ${name} vào một cấp, thành mục con của mục trên (Alt+→)`, ops.indent),
      button("+ sau", `Thêm mục sau ${name} (Ctrl+Enter)`, ops.after),
      depth < MAX_DEPTH ? button("+ con", `Thêm mục con cho ${name}`, ops.child) : null,
      button("✕", `Xóa ${name}`, ops.remove));
    const box = el("div", { className: "item", dataset: { path: pathStr(segs) }, role: "group", "aria-label": name });
    box.append(tools);
    const keys = (e) => {
      if (e.altKey && !e.ctrlKey) {
        const f = { ArrowUp: ops.up, ArrowDown: ops.down, ArrowLeft: ops.outdent, ArrowRight: ops.indent }[e.key];
        if (f) { e.preventDefault(); e.stopPropagation(); f(); }
      } else if (e.ctrlKey && e.key === "Enter") { e.preventDefault(); e.stopPropagation(); ops.after(); }
    };
    if (typeof value === "string") {
      const titleInput = el("input", {
        placeholder: "Tiêu đề in đậm (không bắt buộc)", "aria-label": `Tiêu đề ${name}`,
        dataset: { path: pathStr(segs.concat("title")) },
        on: {
          input: (e) => {
            if (e.target.value === "") return;
            list[i] = { title: e.target.value, text: value };
            rebuild(pathStr(segs.concat("title")));
          },
          keydown: keys,
        },
      });
      const body = el("textarea", {
        rows: 3, "aria-label": `Nội dung ${name}`, dataset: { path: pathStr(segs), markup: "1" },
        on: { input: (e) => { list[i] = e.target.value; changed(); }, keydown: keys },
      });
      body.value = value;
      box.append(titleInput, body);
    } else {
      const t = value || {};
      const title = text(null, segs.concat("title"), { optional: true, markup: true });
      title.placeholder = "Tiêu đề in đậm (không bắt buộc)";
      title.setAttribute("aria-label", `Tiêu đề ${name}`);
      title.addEventListener("keydown", keys);
      box.append(title);
      if (Array.isArray(t.text) && t.text.length > 1) {
        box.append(texts("Các đoạn", segs.concat("text"), { markup: true, one: "đoạn", optional: true }));
      } else {
        const textSegs = Array.isArray(t.text) ? segs.concat("text", 0) : segs.concat("text");
        const body = el("textarea", {
          rows: 3, "aria-label": `Nội dung ${name}`, dataset: { path: pathStr(segs.concat("text")), markup: "1" },
          on: {
            input: (e) => {
              if (e.target.value === "" && !Array.isArray(t.text)) delete t.text;
              else setAt(textSegs, e.target.value);
              changed();
            },
            keydown: keys,
          },
        });
        body.value = Array.isArray(t.text) ? t.text[0] || "" : t.text || "";
        box.append(body);
      }
      if (Array.isArray(t.items) && t.items.length) box.append(items(segs.concat("items"), depth + 1));
    }
    return box;
  }

  // ---- sections ----
  function section(title, ...children) {
    return el("fieldset", {}, el("legend", {}, title), ...children);
  }

  function optional(key, title, build, empty) {
    if (getAt([key]) === undefined) {
      return section(title, button(`+ Thêm ${title.toLowerCase()}`, `Thêm ${title.toLowerCase()}`, () => {
        setAt([key], empty());
        rebuild();
      }, " "));
    }
    return section(title, ...build(), button(`Bỏ ${title.toLowerCase()}`, `Bỏ ${title.toLowerCase()} khỏi văn bản`, () => {
      delAt([key]);
      rebuild();
    }, " "));
  }

  function part(key, title) {
    return optional(key, title, () => {
      const p = getAt([key]);
      // Labels by level; the defaults follow "numbered", as vanban's do.
      const defaults = p.numbered ? ["1.", "a)", "-"] : ["", "-", "-"];
      const levels = [0, 1, 2].map((n) => {
        const current = Array.isArray(p.labels) && typeof p.labels[n] === "string" ? p.labels[n] : defaults[n];
        const control = el("select", {
          "aria-label": `Kiểu đánh số cấp ${n + 1}`,
          dataset: { path: pathStr([key, "labels", n]) },
          on: {
            change: () => {
              p.labels = [0, 1, 2].map((m) => control(pathStr([key, "labels", m])).value);
              changed();
            },
          },
        }, LABELS.map((l) => el("option", { value: l, selected: l === current }, l === "" ? "(không đánh số)" : l)));
        return field(`Cấp ${n + 1}`, control);
      });
      return [
        text("Đề mục (in đậm, có số La Mã)", [key, "heading"], { optional: true, placeholder: "ví dụ ĐÁNH GIÁ CHUNG" }),
        texts("Câu dẫn", [key, "lead"], { optional: true, markup: true, one: "đoạn" }),
        el("div", { className: "row" },
          checkbox("Đánh số các mục (1., a), -)", [key, "numbered"]),
          checkbox("Đánh số lại từ 1 (dù không có đề mục ngăn cách với phần trước)", [key, "restart_numbering"])),
        p.labels ? el("div", { className: "row", dataset: { path: pathStr([key, "labels"]) } }, levels,
          button("Bỏ", "Bỏ kiểu đánh số riêng, theo ô Đánh số", () => { delete p.labels; rebuild(); }))
          : button("Chọn kiểu đánh số từng cấp…", "Chọn kiểu đánh số từng cấp", () => { p.labels = defaults.slice(); rebuild(); }, " "),
        items([key, "items"], 1),
      ];
    }, () => ({ items: [""] }));
  }

  function footnotes() {
    return optional("footnotes", "Chú thích", () => {
      const notes = getAt(["footnotes"]);
      const rows = Object.keys(notes).map((id) => {
        const idInput = el("input", {
          value: id, "aria-label": `Tên chú thích ${id}`, dataset: { path: `footnotes#${id}` },
          on: {
            change: (e) => {
              const next = e.target.value.trim();
              if (!next || next === id || next in notes) { e.target.value = id; return; }
              const renamed = {};
              for (const [k, v] of Object.entries(notes)) renamed[k === id ? next : k] = v;
              doc.footnotes = renamed;
              rebuild(`footnotes#${next}`);
            },
          },
        });
        const body = text(null, ["footnotes", id], { multiline: true, rows: 2 });
        body.setAttribute("aria-label", `Nội dung chú thích ${id}`);
        return el("div", { className: "footnote", dataset: { path: pathStr(["footnotes", id]) } },
          idInput, body,
          button(`[^${id}]`, `Chèn dấu chú thích [^${id}] vào chỗ con trỏ`, () => insertRef(id)),
          button("✕", `Xóa chú thích ${id}`, () => { delete notes[id]; rebuild(); }));
      });
      return [
        el("p", { className: "keys" }, "Ghi [^tên] vào nội dung ở chỗ cần dấu chú thích; nút [^…] chèn nó vào chỗ con trỏ vừa đứng."),
        ...rows,
        button("+ Thêm chú thích tại con trỏ", "Thêm chú thích và chèn dấu của nó vào chỗ con trỏ (Ctrl+Alt+F)", addFootnote, " "),
      ];
    }, () => ({}));
  }

  function addFootnote() {
    const notes = doc.footnotes || (doc.footnotes = {});
    let n = 1;
    while (String(n) in notes) n += 1;
    const id = String(n);
    notes[id] = "";
    const inserted = insertRef(id, true);
    rebuild(`footnotes.${id}`);
    if (!inserted) App.say(`Đã thêm chú thích ${id}; ghi [^${id}] vào chỗ cần dấu chú thích`);
  }

  // Puts "[^id]" where the cursor last stood in a body field.
  function insertRef(id, quiet) {
    const target = cursor && control(cursor.path);
    if (!target) {
      if (!quiet) App.say("Hãy đặt con trỏ vào một đoạn nội dung trước");
      return false;
    }
    const mark = `[^${id}]`;
    const v = target.value;
    const at = Math.min(cursor.end ?? v.length, v.length);
    target.value = v.slice(0, at) + mark + v.slice(at);
    target.dispatchEvent(new Event("input", { bubbles: true }));
    cursor.end = at + mark.length;
    if (!quiet) {
      target.focus();
      target.setSelectionRange(cursor.end, cursor.end);
    }
    return true;
  }

  function trackCursor(e) {
    const t = e.target;
    if (t && t.dataset && t.dataset.markup === "1") {
      cursor = { path: t.dataset.path, end: t.selectionEnd };
    }
  }

  // What a [layout] value may be under the guide in force.
  function range(f) {
    return f.min === f.max
      ? { placeholder: `${f.min}`, help: `chỉ được ${f.min}` }
      : { placeholder: `${f.min}–${f.max}`, help: `từ ${f.min} đến ${f.max}` };
  }
  const guideNote = () => `Trong khoảng mà ${guide.name}, thể thức của văn bản này, cho phép.`;
  const guideNow = () => `Văn bản này đang theo ${guide.name}.`;

  // The server says which guide the document is laid out by after each
  // change (of its date, kind, standard or guide): the ranges follow.
  function setGuide(next) {
    if (!next || next.key === guide.key) return;
    guide = next;
    for (const f of guide.layout) {
      const input = control(`layout.${f.key}`);
      if (!input) continue;
      const r = range(f);
      Object.assign(input, { min: f.min, max: f.max, placeholder: r.placeholder });
      input.closest(".field").querySelector("small").textContent = r.help;
    }
    root.querySelectorAll("[data-guide-note]").forEach((e) => { e.textContent = guideNote(); });
    root.querySelectorAll("[data-guide-now]").forEach((e) => { e.textContent = guideNow(); });
  }

  function guideField() {
    const options = [["", "theo ngày của văn bản"]].concat(rules.guides.map((g) => [g.key, `${g.key} — ${g.name}`]));
    // A guide written by hand that vanban does not know stays on show,
    // with its error, until another is chosen.
    if (typeof doc.guide === "string" && !options.some(([k]) => k === doc.guide)) options.push([doc.guide, doc.guide]);
    const help = [
      `Để “theo ngày” thì vanban chọn: ${rules.guides.map((g) => `${g.key} cho ${g.applies_to}`).join("; ")}. `,
      "Chỉ chọn riêng khi ban hành lại văn bản cũ hoặc dự thảo đề ngày sau. ",
      el("strong", { dataset: { guideNow: "1" } }, guideNow()),
    ];
    return select("Hướng dẫn thể thức", ["guide"], options, { optional: true, help });
  }

  function layout() {
    return optional("layout", "Trình bày (lề, cỡ chữ, khoảng cách dòng)", () => {
      const fields = guide.layout.map((f) =>
        number(LAYOUT_NAMES[f.key] || f.key, ["layout", f.key], Object.assign({ min: f.min, max: f.max, step: 0.5 }, range(f))));
      return [
        el("p", { className: "keys", dataset: { guideNote: "1" } }, guideNote()),
        el("div", { className: "grid" }, fields),
        select("Dấu sau số La Mã của đề mục", ["layout", "section_mark"], [["", "(mặc định: I.)"], ["I.", "I."], ["I-", "I-"]], { optional: true }),
      ];
    }, () => ({}));
  }

  function sealDiameter() {
    const { min, max, default: usual } = rules.seal_diameter_mm;
    return number("Đường kính thật của con dấu (mm)", ["signature", "seal_diameter_mm"], {
      min, max, step: 0.5, placeholder: `${usual} (nếu để trống)`, help: `từ ${min} đến ${max}, đo bằng thước`,
    });
  }

  function render() {
    root.replaceChildren(
      el("p", { className: "keys" },
        "Phím tắt: Ctrl+S lưu; trong một mục, Alt+↑/↓ đưa lên/xuống, Alt+←/→ ra/vào một cấp, Ctrl+Enter thêm mục sau; Ctrl+Alt+F thêm chú thích tại con trỏ. *nghiêng*, **đậm**, [^1] chú thích."),
      section("Loại văn bản",
        el("div", { className: "row" },
          select("Loại", ["kind"], kinds.map((k) => [k.name, `${k.title} (${k.name})`]), { structural: true }),
          select("Thể thức", ["standard"], [["", "theo loại văn bản"], ["party", "Đảng (HD 36 hoặc HD 05, theo ngày)"], ["state", "Nhà nước (NĐ 30/2020/NĐ-CP)"]], { optional: true, structural: true })),
        guideField()),
      section("Cơ quan ban hành",
        text("Cơ quan cấp trên (không bắt buộc)", ["issuer", "superior"], { optional: true }),
        text("Tên cơ quan ban hành", ["issuer", "name"]),
        text("Chữ viết tắt tên cơ quan (trong số văn bản)", ["issuer", "code"], { placeholder: "HU, UBND …" }),
        texts("Thông tin liên hệ (ô 13): địa chỉ, điện thoại, thư điện tử…, mỗi ô một dòng", ["issuer", "contact"], { lines: true, optional: true })),
      section("Số, địa danh và ngày",
        el("div", { className: "row" },
          number("Số (để trống cho văn thư ghi tay)", ["number"], { min: 1, placeholder: "để trống" }),
          text("Địa danh", ["place"])),
        date()),
      section("Trích yếu", texts("Mỗi ô một dòng", ["summary"], { lines: true, markup: true })),
      optional("to", "Kính gửi", () => [texts("Nơi nhận ở khối Kính gửi", ["to"], { lines: true, optional: true, one: "nơi" })], () => [""]),
      optional("opening", "Mở đầu", () => [texts("Đoạn mở đầu", ["opening"], { markup: true, optional: true, one: "đoạn" })], () => ""),
      ...PARTS.map(([key, title]) => part(key, title)),
      optional("closing", "Đoạn kết", () => [texts("Đoạn kết", ["closing"], { markup: true, optional: true, one: "đoạn" })], () => ""),
      footnotes(),
      section("Người ký",
        texts("Thẩm quyền ký (T/M, K/T, T/L, Q. …)", ["signature", "authority"], { lines: true, optional: true }),
        text("Chức vụ", ["signature", "title"]),
        text("Họ và tên", ["signature", "name"]),
        el("p", { className: "keys" }, "Bản gốc điện tử: ảnh PNG nền trong suốt, chép vào thư mục của văn bản rồi chọn ở đây."),
        picture("Ảnh chữ ký", ["signature", "image"], "đặt giữa chức vụ và họ tên"),
        picture("Ảnh dấu", ["signature", "seal"], "trùm lên khoảng 1/3 ảnh chữ ký về bên trái",
          { structural: true, with: [["signature", "seal_diameter_mm"]] }),
        // Shown with a seal, or to show what is wrong with a diameter without one.
        getAt(["signature", "seal"]) === undefined && getAt(["signature", "seal_diameter_mm"]) === undefined
          ? null : sealDiameter()),
      section("Nơi nhận",
        texts("Các nơi nhận", ["recipients", "items"], { lines: true, optional: true, one: "nơi" }),
        text("Lưu (nơi lưu bản chính)", ["recipients", "archive"], { optional: true, placeholder: "VPHU" }),
        el("div", { className: "row" },
          text("Người soạn thảo (ô 12)", ["recipients", "drafter"], { optional: true }),
          number("Số bản", ["recipients", "copies"], { min: 1 }))),
      layout(),
    );
  }

  function mount(form, state, onChange) {
    root = form;
    kinds = state.kinds;
    rules = state.rules;
    changed = onChange;
    root.addEventListener("focusin", trackCursor);
    root.addEventListener("keyup", trackCursor);
    root.addEventListener("click", trackCursor);
    root.addEventListener("input", trackCursor);
    load(state);
  }

  // A document to edit, with its guide and its folder's pictures.
  function load(state) {
    doc = state.doc;
    guide = state.guide;
    pictures = state.pictures;
    cursor = null;
    render();
  }

  return { mount, load, setGuide, addFootnote, control, get doc() { return doc; }, pathStr };
})();
