//! User templates: they get the same data, may import the built-in
//! components, and read only files in their own folder.

use std::path::PathBuf;
use std::process::Command;

use crate::common::*;
use vanban::engine::Template;
use vanban::{Engine, Error, pipeline};

fn template(name: &str) -> PathBuf {
    path(&format!("tests/data/templates/{name}"))
}

fn compile_with(name: &str) -> vanban::Result<vanban::engine::Compiled> {
    pipeline::compile_with(
        &Engine::new(),
        &load(NESTED),
        &Template::User(template(name)),
    )
}

fn template_errors(result: vanban::Result<vanban::engine::Compiled>) -> Vec<String> {
    match result {
        Err(Error::Template(messages)) => messages.iter().map(ToString::to_string).collect(),
        Err(other) => panic!("expected a template error, got {other}"),
        Ok(_) => panic!("expected the template to fail"),
    }
}

#[test]
fn a_user_template_gets_the_data_and_the_components() {
    let compiled = compile_with("mau-rieng.typ").expect("compiles");
    assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
    let layout = Layout::of(&compiled);
    // Its own title, the built-in header, the data's items, a file of its
    // folder, the built-in signature block.
    layout.find("KẾT LUẬN (MẪU RIÊNG)");
    assert!(layout.find("ĐẢNG CỘNG SẢN VIỆT NAM").bold);
    layout.find("Số       -KL/ĐU");
    layout.find("Kết quả đạt được");
    layout.find("Ghi chú của văn phòng: mẫu này chỉ dùng nội bộ.");
    layout.find("T/L BAN THƯỜNG VỤ");
}

#[test]
fn a_template_cannot_read_outside_its_folder() {
    assert_eq!(
        template_errors(compile_with("ra-ngoai.typ")),
        [
            "ra-ngoai.typ:3:7: lỗi: path `\"../../../Cargo.toml\"` would escape the project root\n  \
          gợi ý: cannot access files outside of the project sandbox\n  \
          gợi ý: mẫu văn bản chỉ được đọc các tệp trong thư mục của nó và các thư mục con"
        ]
    );
    let errors = template_errors(compile_with("tuyet-doi.typ"));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("tuyet-doi.typ:3:7: lỗi: file not found (searched at ")
            && errors[0].contains("tests/data/templates/etc/passwd"),
        "an absolute path is read inside the folder: {errors:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("bi-mat.txt"), "không được đọc").expect("write");
    std::os::unix::fs::symlink(
        outside.path().join("bi-mat.txt"),
        dir.path().join("lien-ket.txt"),
    )
    .expect("link");
    std::fs::write(
        dir.path().join("mau.typ"),
        "#import \"@vanban/vanban:1.0.0\": data\n#read(\"lien-ket.txt\")\n",
    )
    .expect("write");
    let result = pipeline::compile_with(
        &Engine::new(),
        &load(NESTED),
        &Template::User(dir.path().join("mau.typ")),
    );
    assert_eq!(
        template_errors(result),
        ["mau.typ:2:7: lỗi: failed to load file (access denied)"]
    );
}

#[test]
fn the_input_can_name_its_template_relative_to_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("mau");
    std::fs::create_dir(&folder).expect("mkdir");
    for f in ["mau-rieng.typ", "ghi-chu.txt"] {
        std::fs::copy(template(f), folder.join(f)).expect("copy");
    }
    let input = read(NESTED).replace("schema = 1", "schema = 1\ntemplate = \"mau/mau-rieng.typ\"");
    std::fs::write(dir.path().join("vb.toml"), input).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "vb.toml"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fold(&pdf_text(
        &std::fs::read(dir.path().join("vb.pdf")).expect("pdf"),
    ));
    assert!(text.contains("KẾT LUẬN (MẪU RIÊNG)"), "{text}");

    // --template overrides the input's choice.
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "vb.toml", "-o", "b.pdf", "--template"])
        .arg(template("ra-ngoai.typ"))
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(4));
    assert!(!dir.path().join("b.pdf").exists());
}

#[test]
fn templates_lists_the_kinds() {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("templates")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let (kinds, guides) = text.split_once("\n\n").expect("kinds, then guides");
    let first_words = |part: &str| -> Vec<String> {
        part.lines()
            .filter_map(|l| l.split_whitespace().next())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        first_words(kinds),
        ["ket-luan", "thong-bao-ket-luan", "thong-bao"]
    );
    // Each guide with the documents it is for.
    assert_eq!(
        guides
            .lines()
            .skip(1)
            .map(str::to_owned)
            .collect::<Vec<_>>(),
        [
            format!(
                "{:<20} Hướng dẫn 36-HD/VPTW: văn bản của Đảng đề ngày trước 27/5/2026",
                "hd36"
            ),
            format!(
                "{:<20} Hướng dẫn 05-HD/VPTW: văn bản của Đảng đề ngày từ 27/5/2026",
                "hd05"
            ),
            format!(
                "{:<20} Nghị định 30/2020/NĐ-CP: văn bản của cơ quan nhà nước",
                "nd30"
            ),
        ]
    );
}

/// A block the package does not have stops the document; it is never
/// skipped.
#[test]
fn an_unknown_block_is_an_error() {
    let errors = template_errors(compile_with("khoi-la.typ"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].ends_with(
            "lỗi: panicked with: vanban: thể thức hd36 có khối `khoi-la` mà mẫu không có"
        ),
        "{errors:?}"
    );
}
