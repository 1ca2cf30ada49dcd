//! `vanban check` and the lint rules, each with a document that trips it
//! and one that does not.

use std::path::Path;
use std::process::{Command, Output};

use vanban::model;

fn vanban(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("vanban runs")
}

/// A clean document; `edit` changes it.
fn doc(edit: impl Fn(String) -> String) -> String {
    edit(
        "kind = \"ket-luan\"\nnumber = 7\nplace = \"Đơn Dương\"\ndate = 2020-11-05\nsummary = \"về công tác tháng 11\"\n\
         opening = \"Thực hiện Nghị quyết số 13-NQ/HU, ngày 02/12/2019 và Báo cáo số 369/BC-UBND, ngày 30 tháng 10 năm 2020.\"\n\
         [issuer]\nname = \"HUYỆN ỦY ĐƠN DƯƠNG\"\ncode = \"HU\"\n\
         [findings]\nitems = [\"Kết quả tốt[^a].\"]\n\
         [footnotes]\na = \"Số liệu tháng 10.\"\n\
         [signature]\nauthority = \"T/M BAN THƯỜNG VỤ\"\ntitle = \"BÍ THƯ\"\nname = \"Nguyễn Văn A\"\n\
         [recipients]\nitems = [\"Văn phòng Tỉnh ủy\"]\narchive = \"VPHU\"\n"
            .to_owned(),
    )
}

/// The rules that warn about a document.
fn rules(toml: &str) -> Vec<&'static str> {
    model::load("vb.toml", toml.as_bytes())
        .expect("valid")
        .warnings
        .iter()
        .filter_map(|d| d.rule)
        .collect()
}

#[test]
fn a_clean_document_has_no_warnings() {
    assert_eq!(rules(&doc(|s| s)), Vec::<&str>::new());
}

#[test]
fn each_rule_trips_on_its_slip() {
    let cases: &[(&str, &str, &str)] = &[
        ("type-code", "code = \"HU\"", "code = \"KL-HU\""),
        ("number-format", "13-NQ/HU", "13/NQ-HU"),
        ("archive-line", "archive = \"VPHU\"\n", "\n"),
        (
            "reference-date",
            "ngày 30 tháng 10 năm 2020",
            "ngày 30 tháng 11 năm 2020",
        ),
        ("date-padding", "ngày 02/12/2019", "ngày 2/12/2019"),
        ("summary-case", "summary = \"về", "summary = \"Về"),
        ("spacing", "Kết quả tốt", "Kết quả  tốt"),
        ("unused-footnote", "tốt[^a].", "tốt."),
        ("end-mark", "tốt[^a].", "tốt[^a]./."),
        (
            "placeholder",
            "name = \"Nguyễn Văn A\"",
            "name = \"«Họ và tên»\"",
        ),
        (
            "place-length",
            "place = \"Đơn Dương\"",
            "place = \"Thành phố Hồ Chí Minh\"",
        ),
    ];
    // The rules of Hướng dẫn 05-HD/VPTW have their cases on an HD05 document.
    let mut covered: Vec<&str> = cases
        .iter()
        .map(|(rule, _, _)| *rule)
        .chain(crate::hd05_checks::CASES.iter().map(|c| c.rule))
        .collect();
    // The pictures' rule needs files: its cases are in eoriginal.rs.
    covered.extend(crate::eoriginal::RULES_TESTED_THERE);
    covered.sort_unstable();
    let mut all: Vec<&str> = model::lint::RULES.iter().map(|r| r.name).collect();
    all.sort_unstable();
    assert_eq!(covered, all, "every rule, and only rules, has a case here");
    for (rule, from, to) in cases {
        let toml = doc(|s| {
            assert!(s.contains(from), "{from}");
            s.replacen(from, to, 1)
        });
        assert_eq!(rules(&toml), [*rule], "{rule}");
    }
    let state = doc(|s| {
        s.replace("kind = \"ket-luan\"", "kind = \"thong-bao\"")
            .replace("code = \"HU\"", "code = \"UBND\"")
    });
    assert_eq!(
        rules(&state),
        ["summary-case"],
        "a State summary starts with a capital"
    );
    assert_eq!(
        rules(&state.replace("summary = \"về", "summary = \"Về")),
        Vec::<&str>::new()
    );
}

/// A warning points at its slip inside a long text, line and column, not
/// at the start of the field; JSON inputs too.
#[test]
fn warnings_point_at_the_slip_itself() {
    let toml = doc(|s| {
        s.replace(
            "opening = \"Thực hiện Nghị quyết số 13-NQ/HU, ngày 02/12/2019 và Báo cáo số 369/BC-UBND, ngày 30 tháng 10 năm 2020.\"",
            "opening = \"\"\"\nĐoạn mở đầu.\nTheo Nghị quyết số 13/NQ-HU đã ban hành.\n\nNgày 5 tháng 11 năm 2020, hai  khoảng trắng.\n\"\"\"",
        )
    });
    let at = |rule: &str| {
        model::check("vb.toml", toml.as_bytes())
            .into_iter()
            .find(|d| d.rule == Some(rule))
            .and_then(|d| d.position)
            .map(|p| (p.line, p.column))
    };
    // Line 6 opens the text; "số 13/NQ-HU" on the line after next.
    assert_eq!(at("number-format"), Some((8, 17)));
    assert_eq!(at("spacing"), Some((10, 30)));
    // "Ngày 5 tháng 11 năm 2020" is found as written, capital and all.
    assert_eq!(at("date-padding"), Some((10, 1)));
    let padding = model::check("vb.toml", toml.as_bytes())
        .into_iter()
        .find(|d| d.rule == Some("date-padding"))
        .map(|d| d.message);
    assert_eq!(
        padding.as_deref(),
        Some("ngày \"Ngày 5 tháng 11 năm 2020\" phải viết là \"Ngày 05 tháng 11 năm 2020\"")
    );

    let json = "{\"kind\":\"ket-luan\",\"place\":\"Đơn Dương\",\"date\":\"2020-11-05\",\
        \"summary\":\"về công tác\",\"opening\":\"Một  hai\",\
        \"issuer\":{\"name\":\"HUYỆN ỦY ĐƠN DƯƠNG\",\"code\":\"HU\"},\
        \"signature\":{\"authority\":\"T/M BAN THƯỜNG VỤ\",\"title\":\"BÍ THƯ\",\"name\":\"Nguyễn Văn A\"},\
        \"recipients\":{\"items\":[\"Văn phòng Tỉnh ủy\"],\"archive\":\"VPHU\"}}";
    let spacing = model::check("vb.json", json.as_bytes())
        .into_iter()
        .find(|d| d.rule == Some("spacing"))
        .and_then(|d| d.position)
        .expect("a spacing warning with a place");
    let column = json.find("  ").map(|i| json[..i].chars().count() + 1);
    assert_eq!((spacing.line, Some(spacing.column)), (1, column));
}

#[test]
fn check_prints_positions_severities_and_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("tot.toml"), doc(|s| s)).expect("write");
    std::fs::write(
        dir.path().join("canh-bao.toml"),
        doc(|s| s.replace("13-NQ/HU", "13/NQ-HU")),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("loi.toml"),
        doc(|s| s.replace("date = 2020-11-05", "date = 2020-11-31")),
    )
    .expect("write");

    let clean = vanban(&["check", "tot.toml"], dir.path());
    assert_eq!(clean.status.code(), Some(0));
    assert!(clean.stdout.is_empty() && clean.stderr.is_empty());

    let warned = vanban(&["check", "canh-bao.toml"], dir.path());
    assert_eq!(warned.status.code(), Some(0), "warnings alone pass");
    assert_eq!(
        String::from_utf8_lossy(&warned.stdout).trim_end(),
        "canh-bao.toml:6:33: cảnh báo: opening: số 13/NQ-HU viết theo kiểu văn bản nhà nước, nhưng HU là cơ quan Đảng [number-format]\n  \
         gợi ý: ký hiệu văn bản Đảng viết số-LOẠI/CƠ QUAN, ví dụ 13-NQ/HU"
    );
    assert_eq!(
        vanban(&["check", "canh-bao.toml", "--deny-warnings"], dir.path())
            .status
            .code(),
        Some(2)
    );
    let allowed = vanban(
        &[
            "check",
            "canh-bao.toml",
            "--deny-warnings",
            "-A",
            "number-format",
        ],
        dir.path(),
    );
    assert_eq!(allowed.status.code(), Some(0));

    let failed = vanban(
        &["check", "tot.toml", "loi.toml", "canh-bao.toml"],
        dir.path(),
    );
    assert_eq!(failed.status.code(), Some(1));
    let out = String::from_utf8_lossy(&failed.stdout);
    assert!(
        out.contains("loi.toml:4:8: lỗi: date: không có ngày 2020-11-31: ngày phải từ 01 đến 30"),
        "{out}"
    );
    assert_eq!(
        String::from_utf8_lossy(&failed.stderr).trim(),
        "1 lỗi, 1 cảnh báo"
    );

    let unknown = vanban(&["check", "tot.toml", "-A", "khong-co"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .starts_with("không có quy tắc `khong-co`; các quy tắc: type-code, ")
    );
}

#[test]
fn check_speaks_json_for_editors() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("vb.toml"),
        doc(|s| {
            s.replace("tốt[^a].", "tốt [^b].")
                .replace("13-NQ/HU", "13/NQ-HU")
        }),
    )
    .expect("write");
    let out = vanban(&["check", "vb.toml", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let list = list.as_array().expect("a list");
    let error = list
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error");
    assert_eq!(error["message"], "chưa có nội dung cho chú thích [^b]");
    assert_eq!(error["field"], "findings.items[0]");
    assert_eq!(error["line"], 11);
    assert!(error["rule"].is_null());
    let warning = list
        .iter()
        .find(|d| d["rule"] == "number-format")
        .expect("a warning");
    assert_eq!(warning["severity"], "warning");
    // At the symbol itself, not at the start of the field.
    assert_eq!(warning["column"], 33);
    let spacing = list
        .iter()
        .find(|d| d["rule"] == "spacing")
        .expect("a space before the mark");
    assert_eq!(
        spacing["message"],
        "nội dung có khoảng trắng trước dấu chú thích"
    );
}

#[test]
fn a_document_can_switch_rules_off() {
    let spaced = doc(|s| s.replacen("Kết quả tốt", "Kết quả  tốt", 1));
    assert_eq!(rules(&spaced), ["spacing"]);
    assert_eq!(
        rules(&format!("{spaced}[lint]\nallow = [\"spacing\"]\n")),
        Vec::<&str>::new()
    );
    let err = model::load(
        "vb.toml",
        format!("{spaced}[lint]\nallow = [\"khoang-trang\"]\n").as_bytes(),
    )
    .err()
    .map(|e| e.to_string())
    .expect("an unknown rule is an error");
    assert_eq!(
        err,
        "vb.toml:22:10: lỗi: lint.allow › mục 1: không có quy tắc kiểm tra `khoang-trang`\n  \
         gợi ý: các quy tắc: type-code, number-format, archive-line, reference-date, date-padding, summary-case, spacing, unused-footnote, guide-date, signer-title, abolished-unit, image-background, place-length, end-mark, placeholder"
    );
}

/// The README's table of rules lists exactly the rules there are, in order.
#[test]
fn the_readme_lists_every_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let listed: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` |"))
        .map(|(name, _)| name)
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .filter(|name| model::lint::rule(name).is_some() || name.contains('-'))
        .collect();
    let rules: Vec<&str> = model::lint::RULES.iter().map(|r| r.name).collect();
    assert_eq!(listed, rules);
}

/// `vanban check -` reads standard input, as every INPUT may be `-`.
#[test]
fn check_reads_standard_input() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["check", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("vanban runs");
    let toml = doc(|s| s.replacen("Kết quả tốt", "Kết quả  tốt", 1));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(toml.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("finishes");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(
            "-:11:18: cảnh báo: findings › mục 1: nội dung có hai khoảng trắng liền nhau [spacing]"
        ),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(0));
}

/// On a terminal a clean check says so in one line; piped (above) it says
/// nothing. The terminal is `script`'s pseudo-terminal (util-linux, on every
/// Debian machine).
#[test]
fn a_clean_check_on_a_terminal_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["a.toml", "b.toml", "c.toml"] {
        std::fs::write(dir.path().join(name), doc(|s| s)).expect("write");
    }
    let command = format!(
        "'{}' check a.toml b.toml c.toml",
        env!("CARGO_BIN_EXE_vanban")
    );
    let Ok(out) = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .output()
    else {
        assert!(
            std::env::var_os("VANBAN_REQUIRE_TOOLS").is_none(),
            "`script` (util-linux) is needed for this test"
        );
        eprintln!("skipped: no `script` (util-linux) to give vanban a terminal");
        return;
    };
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
        "3 tệp, không có lỗi hay cảnh báo\n"
    );
    // JSON is for programs, terminal or not.
    let out = Command::new("script")
        .args(["-qec", &format!("{command} --format json"), "/dev/null"])
        .current_dir(dir.path())
        .output()
        .expect("script runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}
