//! For those who write the TOML themselves: `vanban new`, the JSON Schema,
//! shell completions and the man page.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::cli::{stderr, vanban};
use crate::common::*;

#[test]
fn new_writes_a_skeleton_that_renders_and_points_at_its_placeholders() {
    let dir = tempfile::tempdir().expect("temp dir");
    for kind in ["ket-luan", "thong-bao-ket-luan", "thong-bao"] {
        let file = format!("{kind}.toml");
        let out = vanban(&["new", kind, &file], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let text = std::fs::read_to_string(dir.path().join(&file)).expect("written");
        // Every field written or offered has a comment.
        for line in text
            .lines()
            .filter(|l| l.contains(" = ") && !l.starts_with('#'))
        {
            let key = line.trim_start().split(' ').next().unwrap_or_default();
            let commented = line.contains(" # ")
                || text
                    .lines()
                    .take_while(|l| *l != line)
                    .last()
                    .is_some_and(|above| above.starts_with('#') || above.starts_with('['));
            assert!(
                commented || key.starts_with('"') || key == "1",
                "{kind}: no comment for {line:?}"
            );
        }
        let render = vanban(&["render", &file], dir.path());
        assert!(render.status.success(), "{kind}: {}", stderr(&render));
        let check = vanban(&["check", &file], dir.path());
        let report = String::from_utf8_lossy(&check.stdout);
        assert_eq!(check.status.code(), Some(0), "warnings only");
        assert!(
            report
                .lines()
                .filter(|l| l.contains("cảnh báo"))
                .all(|l| l.ends_with("[placeholder]")),
            "{report}"
        );
        assert!(report.contains(&format!("{file}:16:10: cảnh báo: place: còn chỗ «Địa danh» của văn bản mẫu chưa thay [placeholder]")), "{report}");
        assert!(
            report.contains(
                "issuer.code: chữ viết tắt tên cơ quan vẫn là XX của văn bản mẫu [placeholder]"
            ),
            "{report}"
        );
    }
    let again = vanban(&["new", "ket-luan", "ket-luan.toml"], dir.path());
    assert_eq!(again.status.code(), Some(3));
    assert_eq!(
        stderr(&again),
        "không thể tạo ket-luan.toml: đã có tệp này; vanban new không ghi đè, hãy chọn tên khác"
    );
    let unknown = vanban(&["new", "quyet-dinh"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        stderr(&unknown),
        "không có loại văn bản `quyet-dinh`; các loại: ket-luan, thong-bao-ket-luan, thong-bao"
    );
    let printed = vanban(&["new", "thong-bao"], dir.path());
    assert!(String::from_utf8_lossy(&printed.stdout).contains("kind = \"thong-bao\""));
}

#[test]
fn the_placeholder_rule_can_be_switched_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    vanban(&["new", "ket-luan", "moi.toml"], dir.path());
    let check = vanban(&["check", "-A", "placeholder", "moi.toml"], dir.path());
    assert!(
        check.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // The reference example, a finished document, has none.
    let reference = vanban(
        &["check", path(REFERENCE).to_str().expect("path")],
        dir.path(),
    );
    assert!(!String::from_utf8_lossy(&reference.stdout).contains("placeholder"));
}

/// The keys of every example, at every depth, are in the schema, and the
/// schema lists every lint rule: it cannot drift from what vanban reads.
#[test]
fn the_json_schema_covers_every_field_of_the_examples() {
    let out = vanban(&["schema"], Path::new("."));
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let rules: Vec<&str> = schema["properties"]["lint"]["properties"]["allow"]["items"]["enum"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let known: Vec<&str> = vanban::model::lint::RULES.iter().map(|r| r.name).collect();
    assert_eq!(rules, known);
    let kinds: Vec<&str> = schema["properties"]["kind"]["enum"]
        .as_array()
        .expect("kinds")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let names: Vec<&str> = vanban::conventions::DocumentKind::ALL
        .iter()
        .map(|(n, _, _)| *n)
        .collect();
    assert_eq!(kinds, names);

    fn walk(schema: &Value, root: &Value, value: &toml::Value, at: &str) {
        let schema = match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => &root["definitions"][r.trim_start_matches("#/definitions/")],
            None => schema,
        };
        if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
            let fits = |o: &Value| {
                matches!(
                    (o["type"].as_str(), value),
                    (Some("object"), toml::Value::Table(_))
                        | (Some("array"), toml::Value::Array(_))
                        | (
                            Some("string"),
                            toml::Value::String(_) | toml::Value::Datetime(_)
                        )
                )
            };
            let option = options
                .iter()
                .find(|o| fits(o))
                .unwrap_or_else(|| panic!("{at}: no type fits"));
            return walk(option, root, value, at);
        }
        match value {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    let sub = schema["properties"]
                        .get(k)
                        .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()))
                        .unwrap_or_else(|| panic!("{at}.{k} is not in the schema"));
                    assert!(
                        sub.get("description").is_some() || sub.get("type").is_some(),
                        "{at}.{k}"
                    );
                    walk(sub, root, v, &format!("{at}.{k}"));
                }
            }
            toml::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(&schema["items"], root, v, &format!("{at}[{i}]"));
                }
            }
            _ => {}
        }
    }
    for entry in std::fs::read_dir(path("examples")).expect("examples") {
        let file = entry.expect("entry").path();
        if file.extension().is_some_and(|e| e == "toml") {
            let value: toml::Value =
                toml::from_str(&std::fs::read_to_string(&file).expect("read")).expect("TOML");
            walk(&schema, &schema, &value, &file.display().to_string());
        }
    }
    // Every top-level field has a Vietnamese description.
    for (key, field) in schema["properties"].as_object().expect("properties") {
        let about = field["description"]
            .as_str()
            .unwrap_or_else(|| panic!("{key}: description"));
        assert!(
            about
                .chars()
                .any(|c| "ăâđêôơưạảấầẩậắằẳặẹẻẽềểệỉịọỏốồổộớờởợụủứừửựỳỵỷỹ".contains(c)),
            "{key}: {about}"
        );
    }
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    let bash = vanban(&["completions", "bash"], Path::new("."));
    assert!(bash.status.success());
    let script = String::from_utf8_lossy(&bash.stdout);
    for command in [
        "render", "batch", "check", "edit", "soan", "watch", "new", "schema",
    ] {
        assert!(script.contains(command), "bash completion knows {command}");
    }
    let zsh = vanban(&["completions", "zsh"], Path::new("."));
    assert!(String::from_utf8_lossy(&zsh.stdout).starts_with("#compdef vanban"));
    let wrong = vanban(&["completions", "cmd"], Path::new("."));
    assert_eq!(wrong.status.code(), Some(2));
    let man = vanban(&["man"], Path::new("."));
    assert!(man.status.success());
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH vanban"),
        "{page}"
    );
    assert!(page.contains(".TH vanban 1"));
    assert!(
        page.contains("vanban \\- vanban: văn bản kết luận chuẩn thể thức, từ một tệp TOML."),
        "{page}"
    );
    assert!(page.contains("Tạo tệp PDF từ một tệp TOML"));
    let render = vanban(&["man", "render"], Path::new("."));
    let page = String::from_utf8_lossy(&render.stdout);
    assert!(page.contains(".TH vanban-render 1"), "{page}");
    assert!(page.contains("\\-\\-font\\-path"), "{page}");
    let wrong = vanban(&["man", "in"], Path::new("."));
    assert_eq!(wrong.status.code(), Some(2));
}

/// The schema as an editor uses it: Taplo (the checker behind Even Better
/// TOML) accepts every example and a new skeleton with a `#:schema` line,
/// and refuses an unknown kind. Skipped without `taplo`, unless
/// VANBAN_REQUIRE_TOOLS=1.
#[test]
fn taplo_checks_inputs_against_the_schema() {
    let taplo = std::env::var("VANBAN_TAPLO").unwrap_or_else(|_| "taplo".into());
    if Command::new(&taplo).arg("--version").output().is_err() {
        assert!(
            std::env::var("VANBAN_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "VANBAN_REQUIRE_TOOLS=1 but {taplo} is missing (npm install -g @taplo/cli)"
        );
        eprintln!(
            "bỏ qua kiểm tra lược đồ bằng Taplo: không có {taplo} (npm install -g @taplo/cli)"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let schema = dir.path().join("vanban.schema.json");
    std::fs::write(&schema, vanban(&["schema"], dir.path()).stdout).expect("write schema");
    let header = "#:schema ./vanban.schema.json\n";
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path("examples")).expect("examples") {
        let file = entry.expect("entry").path();
        if file.extension().is_some_and(|e| e == "toml") {
            let name = file.file_name().expect("name").to_owned();
            let text = std::fs::read_to_string(&file).expect("read");
            std::fs::write(dir.path().join(&name), format!("{header}{text}")).expect("write");
            files.push(name.to_string_lossy().into_owned());
        }
    }
    let skeleton = vanban(&["new", "thong-bao"], dir.path()).stdout;
    let skeleton = format!("{header}{}", String::from_utf8_lossy(&skeleton));
    std::fs::write(dir.path().join("moi.toml"), skeleton).expect("write");
    files.push("moi.toml".into());
    let good = Command::new(&taplo)
        .arg("check")
        .args(&files)
        .current_dir(dir.path())
        .output()
        .expect("taplo runs");
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let wrong = read(REFERENCE).replace("kind = \"ket-luan\"", "kind = \"quyet-dinh\"");
    std::fs::write(dir.path().join("sai.toml"), format!("{header}{wrong}")).expect("write");
    let bad = Command::new(&taplo)
        .args(["check", "sai.toml"])
        .current_dir(dir.path())
        .output()
        .expect("taplo runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains(
        "\"quyet-dinh\" is not one of [\"ket-luan\",\"thong-bao-ket-luan\",\"thong-bao\"]"
    ));
}
