//! `vanban batch`: every good document made, every bad one reported, the
//! same bytes whatever the number of workers, nothing half-written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::*;

fn vanban(args: &[&str], dir: &Path, stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vanban runs");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(text.as_bytes()).expect("write");
    }
    child.wait_with_output().expect("finishes")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `n` variants of the reference example, each with its own paragraph, in
/// `dir/vao` as vb-000.toml, vb-001.toml, …
fn variants(dir: &Path, n: usize) {
    let inputs = dir.join("vao");
    std::fs::create_dir(&inputs).expect("mkdir");
    let reference = read(REFERENCE);
    for i in 0..n {
        let text = reference.replace(
            "Công tác xây dựng Đảng",
            &format!("Công tác xây dựng Đảng (bản {i})"),
        );
        std::fs::write(inputs.join(format!("vb-{i:03}.toml")), text).expect("write");
    }
}

/// A folder with the examples and two broken inputs.
fn mixed_inputs(dir: &Path) -> PathBuf {
    let inputs = dir.join("vao");
    std::fs::create_dir(&inputs).expect("mkdir");
    for name in ["ket-luan-long-ghep.toml", "thong-bao-van-phong-ubnd.toml"] {
        std::fs::copy(path(&format!("examples/{name}")), inputs.join(name)).expect("copy");
    }
    std::fs::write(
        inputs.join("hong-ngay.toml"),
        read(NESTED).replace("date = { year = 2021, month = 3 }", "date = 2021-02-30"),
    )
    .expect("write");
    std::fs::write(inputs.join("thieu-ten.json"), "{\"kind\": \"ket-luan\"}").expect("write");
    std::fs::write(inputs.join("ghi-chu.txt"), "not an input").expect("write");
    inputs
}

#[test]
fn good_documents_are_made_and_bad_ones_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    mixed_inputs(dir.path());
    let out = vanban(&["batch", "vao", "-o", "ra", "-j", "2"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        files(&dir.path().join("ra")),
        ["ket-luan-long-ghep.pdf", "thong-bao-van-phong-ubnd.pdf"]
    );
    let err = stderr(&out);
    assert!(
        err.contains(
            "vao/hong-ngay.toml:12:8: lỗi: date: không có ngày 2021-02-30: ngày phải từ 01 đến 28"
        ),
        "{err}"
    );
    assert!(
        err.contains("vao/thieu-ten.json:1:20: lỗi: issuer: thiếu trường bắt buộc `issuer`"),
        "{err}"
    );
    assert!(err.contains("đã làm 2 trên 4 văn bản trong"), "{err}");
    assert!(err.contains(", 2 lỗi"), "{err}");
}

#[test]
fn the_json_report_has_one_record_per_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = mixed_inputs(dir.path());
    let without_archive: String = read(NESTED)
        .lines()
        .filter(|l| !l.starts_with("archive"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(inputs.join("canh-bao.toml"), without_archive).expect("write");
    let out = vanban(
        &["batch", "vao", "-o", "ra", "--report", "json", "-j", "2"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(records.len(), 5);
    let mut indexes: Vec<u64> = records
        .iter()
        .map(|r| r["index"].as_u64().expect("index"))
        .collect();
    indexes.sort();
    assert_eq!(indexes, [1, 2, 3, 4, 5]);
    let bad = records
        .iter()
        .find(|r| r["input"] == "vao/hong-ngay.toml")
        .expect("record");
    assert_eq!(bad["status"], "error");
    assert_eq!(bad["errors"][0]["line"], 12);
    assert_eq!(bad["errors"][0]["column"], 8);
    assert_eq!(bad["errors"][0]["field"], "date");
    assert!(bad["outputs"].as_array().expect("array").is_empty());
    let good = records
        .iter()
        .find(|r| r["input"] == "vao/ket-luan-long-ghep.toml")
        .expect("record");
    assert_eq!(good["status"], "ok");
    assert_eq!(good["outputs"][0], "ra/ket-luan-long-ghep.pdf");
    assert!(good["ms"].as_f64().expect("ms") > 0.0);
    // Warnings are records like errors, with their rule.
    let warned = records
        .iter()
        .find(|r| r["input"] == "vao/canh-bao.toml")
        .expect("record");
    assert_eq!(warned["status"], "ok");
    let warning = &warned["warnings"][0];
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["rule"], "archive-line");
    assert_eq!(warning["file"], "vao/canh-bao.toml");
    assert_eq!(warning["field"], "recipients");
    assert_eq!(warning["message"], "nơi nhận thiếu dòng lưu");
    assert!(
        stderr(&out).is_empty(),
        "nothing but records: {}",
        stderr(&out)
    );
}

#[test]
fn json_lines_on_standard_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = |i: usize| {
        format!(
            "{{\"kind\":\"thong-bao\",\"number\":{i},\"place\":\"Hà Nội\",\"date\":\"2024-01-0{i}\",\"summary\":\"Kết luận số {i}\",\
             \"issuer\":{{\"name\":\"BỘ NỘI VỤ\",\"code\":\"BNV\"}},\"opening\":\"Đoạn mở đầu {i}.\",\
             \"signature\":{{\"authority\":\"KT. BỘ TRƯỞNG\",\"title\":\"THỨ TRƯỞNG\",\"name\":\"Nguyễn Văn {i}\"}},\
             \"recipients\":{{\"archive\":\"VP\"}}}}"
        )
    };
    let stream = format!("{}\n\n{}\n{{\"kind\": 5}}\n{}\n", doc(1), doc(2), doc(3));
    let out = vanban(
        &["batch", "-o", "ra", "--name", "{stem}-{number}"],
        dir.path(),
        Some(&stream),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        files(&dir.path().join("ra")),
        ["dong-1-01.pdf", "dong-3-02.pdf", "dong-5-03.pdf"]
    );
    assert!(
        stderr(&out).contains(
            "-:4:10: lỗi: kind: sai kiểu: đang là số nguyên `5`, cần văn bản trong dấu nháy"
        ),
        "{}",
        stderr(&out)
    );
    let text = fold(&pdf_text(
        &std::fs::read(dir.path().join("ra/dong-3-02.pdf")).expect("pdf"),
    ));
    assert!(
        text.contains("Số: 02/TB-BNV") && text.contains("Nguyễn Văn 2"),
        "{text}"
    );
}

#[test]
fn one_worker_or_two_give_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    variants(dir.path(), 6);
    for (jobs, out) in [("1", "mot"), ("2", "hai")] {
        let run = vanban(
            &["batch", "vao", "-o", out, "-j", jobs, "--quiet"],
            dir.path(),
            None,
        );
        assert!(run.status.success(), "{}", stderr(&run));
        assert!(run.stderr.is_empty(), "--quiet prints nothing on success");
    }
    for i in 0..6 {
        let name = format!("vb-{i:03}.pdf");
        let a = std::fs::read(dir.path().join("mot").join(&name)).expect("pdf");
        let b = std::fs::read(dir.path().join("hai").join(&name)).expect("pdf");
        assert!(a == b, "{name} differs between -j 1 and -j 2");
    }
    let single = make_pdf("x", &read(REFERENCE));
    assert!(
        single != std::fs::read(dir.path().join("mot/vb-000.pdf")).expect("pdf"),
        "each input is its own"
    );
}

#[test]
fn fail_fast_stops_at_the_first_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    mixed_inputs(dir.path());
    // In name order the broken date comes first.
    let out = vanban(
        &["batch", "vao", "-o", "ra", "-j", "1", "--fail-fast"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("đã làm 0 trên 4 văn bản"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("3 chưa làm (--fail-fast)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn colliding_names_are_reported_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        std::fs::copy(path(NESTED), dir.path().join(sub).join("vb.toml")).expect("copy");
    }
    let out = vanban(
        &["batch", "a", "b", "-o", "ra", "-j", "1"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("ra/vb.pdf sẽ bị ghi hai lần; thêm {index} vào mẫu tên tệp (--name)"),
        "{}",
        stderr(&out)
    );
    let out = vanban(
        &["batch", "a", "b", "-o", "ra2", "--name", "{index}-{stem}"],
        dir.path(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(files(&dir.path().join("ra2")), ["1-vb.pdf", "2-vb.pdf"]);
}

#[test]
fn bad_name_patterns_are_refused_before_anything_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = vanban(
        &["batch", "x.toml", "-o", "ra", "--name", "{ten}"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "`{ten}` không phải là chỗ điền của mẫu tên tệp; dùng {stem}, {index}, {number} hoặc {kind}"
    );
    let out = vanban(
        &["batch", "x.toml", "-o", "ra", "--name", "../{stem}"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("ra").exists());
}

#[test]
fn png_previews_one_image_per_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(path(REFERENCE), dir.path().join("vb.toml")).expect("copy");
    let out = vanban(
        &["render", "vb.toml", "--format", "png", "--ppi", "72"],
        dir.path(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).trim().ends_with("\nvb-1.png (3 ảnh)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        files(dir.path()),
        ["vb-1.png", "vb-2.png", "vb-3.png", "vb.toml"]
    );
    let png = std::fs::read(dir.path().join("vb-1.png")).expect("png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!((width, height), (595, 842), "A4 at 72 pixels per inch");

    let out = vanban(
        &["batch", "vb.toml", "-o", "anh", "--format", "png"],
        dir.path(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        files(&dir.path().join("anh")),
        ["vb-1.png", "vb-2.png", "vb-3.png"]
    );
}

#[test]
fn source_date_epoch_sets_the_creation_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(path(REFERENCE), dir.path().join("vb.toml")).expect("copy");
    let run = |epoch: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vanban"));
        cmd.args(["render", "vb.toml"])
            .current_dir(dir.path())
            .env_remove("SOURCE_DATE_EPOCH");
        if let Some(e) = epoch {
            cmd.env("SOURCE_DATE_EPOCH", e);
        }
        assert!(cmd.output().expect("runs").status.success());
        let pdf = std::fs::read(dir.path().join("vb.pdf")).expect("pdf");
        let doc = lopdf::Document::load_mem(&pdf).expect("pdf");
        let info = doc
            .trailer
            .get(b"Info")
            .and_then(|o| o.as_reference())
            .expect("info");
        let date = doc
            .get_dictionary(info)
            .expect("dict")
            .get(b"CreationDate")
            .expect("date")
            .clone();
        String::from_utf8_lossy(date.as_str().expect("string")).into_owned()
    };
    assert!(run(None).starts_with("D:20201105000000"));
    // 2024-01-02 03:04:05 UTC
    assert!(run(Some("1704164645")).starts_with("D:20240102030405"));
}

/// A batch of the 300 variants in `dir/vao`, started and left to make
/// twenty outputs in `dir/ra`.
#[cfg(unix)]
fn batch_under_way(dir: &Path, stderr: Stdio) -> std::process::Child {
    let child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["batch", "vao", "-o", "ra", "-j", "2", "--quiet"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("vanban runs");
    let out = dir.join("ra");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::fs::read_dir(&out).map_or(0, |d| d.count()) < 20
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child
}

#[cfg(unix)]
#[test]
fn a_killed_batch_leaves_only_complete_pdfs() {
    let dir = tempfile::tempdir().expect("temp dir");
    variants(dir.path(), 300);
    let mut child = batch_under_way(dir.path(), Stdio::null());
    // Kill it in the middle of the batch, whatever it is doing.
    let out = dir.path().join("ra");
    child.kill().expect("kill");
    child.wait().expect("reaped");
    let made: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .collect();
    assert!(
        !made.is_empty() && made.len() < 300,
        "killed mid-way: {} PDFs",
        made.len()
    );
    for name in &made {
        let bytes = std::fs::read(out.join(name)).expect("pdf");
        assert!(
            lopdf::Document::load_mem(&bytes).is_ok(),
            "{name} is a complete PDF"
        );
    }
}

/// Ctrl-C stops a batch between documents: the ones being made are
/// finished, nothing half-written or temporary is left, and the exit code
/// says it was interrupted.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_batch_between_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    variants(dir.path(), 300);
    let child = batch_under_way(dir.path(), Stdio::piped());
    let out = dir.path().join("ra");
    let interrupt = Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .expect("kill runs");
    assert!(interrupt.success());
    let result = child.wait_with_output().expect("reaped");
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(130), "{err}");
    // --quiet: the interruption is all there is to say.
    assert_eq!(
        err,
        "đã dừng vì bị ngắt (Ctrl-C); các tệp đã ghi đều đầy đủ, các văn bản còn lại chưa làm\n"
    );
    let left = files(&out);
    assert!(!left.is_empty() && left.len() < 300, "{} files", left.len());
    for name in &left {
        assert!(name.ends_with(".pdf"), "only PDFs are left, not {name}");
        let bytes = std::fs::read(out.join(name)).expect("pdf");
        assert!(
            lopdf::Document::load_mem(&bytes).is_ok(),
            "{name} is a complete PDF"
        );
    }
}

#[test]
fn render_reads_json_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = "{\"kind\":\"thong-bao\",\"number\":4,\"place\":\"Hà Nội\",\"date\":{\"year\":2024,\"month\":2},\
        \"summary\":\"Kết luận của Bộ trưởng\",\"issuer\":{\"name\":\"BỘ NỘI VỤ\",\"code\":\"BNV\"},\
        \"findings\":{\"numbered\":true,\"items\":[\"Việc thứ nhất.\",{\"title\":\"Việc thứ hai\",\"items\":[\"chi tiết\"]}]},\
        \"signature\":{\"authority\":[\"TL. BỘ TRƯỞNG\",\"KT. CHÁNH VĂN PHÒNG\"],\"title\":\"PHÓ CHÁNH VĂN PHÒNG\",\"name\":\"Lê Văn B\"},\
        \"recipients\":{\"items\":[\"Như trên\"],\"archive\":\"VT, VP\"}}";
    std::fs::write(dir.path().join("vb.json"), json).expect("write");
    let out = vanban(&["render", "vb.json"], dir.path(), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fold(&pdf_text(
        &std::fs::read(dir.path().join("vb.pdf")).expect("pdf"),
    ));
    for needle in [
        "Số: 04/TB-BNV",
        "tháng 02 năm 2024",
        "1. Việc thứ nhất",
        "a) chi tiết",
        "TL. BỘ TRƯỞNG",
        "- Lưu: VT, VP.",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
}
