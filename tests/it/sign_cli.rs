//! `vanban sign` and `vanban verify` as a user meets them: the messages
//! for each bad input, exit codes, and files written or left alone.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::keys::{self, Identity};
use crate::sign::{reference_pdf, sign_as};
use vanban::pdf::Role;

fn vanban(args: &[&str], dir: &Path, password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .env("VANBAN_PASSWORD", password)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("vanban runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim_end().to_owned()
}

/// A folder with the reference PDF and `id`'s PKCS#12 file.
fn setup(pdf: &[u8], id: &Identity) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("ket-luan.pdf"), pdf).expect("written");
    keys::write_pkcs12(dir.path(), "khoa.p12", id);
    dir
}

const SIGN: &[&str] = &[
    "sign",
    "ket-luan.pdf",
    "--p12",
    "khoa.p12",
    "--password-env",
    "VANBAN_PASSWORD",
];

/// Runs `vanban sign` expecting it to fail with `message`, writing nothing
/// and leaving the input as it was.
fn refused(pdf: &[u8], id: &Identity, password: &str, message: &str) {
    let dir = setup(pdf, id);
    let out = vanban(SIGN, dir.path(), password);
    assert_eq!(stderr(&out), message);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !dir.path().join("ket-luan-da-ky.pdf").exists(),
        "nothing written"
    );
    assert!(
        std::fs::read(dir.path().join("ket-luan.pdf")).expect("still there") == pdf,
        "the input is untouched"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listing")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left");
}

#[test]
fn sign_writes_the_signed_copy_beside_the_input() {
    let pdf = reference_pdf();
    let dir = setup(&pdf, &keys::signer());
    let out = vanban(SIGN, dir.path(), keys::PASSWORD);
    assert_eq!(stderr(&out), "ket-luan-da-ky.pdf (đã ký số: Phan Hữu Hoàn)");
    assert!(out.status.success());
    let signed = std::fs::read(dir.path().join("ket-luan-da-ky.pdf")).expect("written");
    assert!(signed.starts_with(&pdf));
    crate::sign::assert_validates(&signed, 1);
}

#[test]
fn a_wrong_password_is_told_with_a_hint() {
    refused(
        &reference_pdf(),
        &keys::signer(),
        "sai mật khẩu",
        "khoa.p12: lỗi: mật khẩu của tệp chứng thư số không đúng\n  gợi ý: gõ lại mật khẩu; chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt",
    );
}

fn ddmmyyyy(t: x509_cert::time::Time) -> String {
    let secs = t.to_unix_duration().as_secs() as i64;
    chrono::DateTime::from_timestamp(secs, 0)
        .expect("a time")
        .format("%d/%m/%Y")
        .to_string()
}

#[test]
fn an_expired_certificate_is_refused() {
    let id = keys::expired();
    let until = ddmmyyyy(id.cert.tbs_certificate().validity().not_after);
    refused(
        &reference_pdf(),
        &id,
        keys::PASSWORD,
        &format!(
            "khoa.p12: lỗi: chứng thư số của Người Hết Hạn đã hết hạn ngày {until}\n  gợi ý: gia hạn chứng thư số với tổ chức cung cấp dịch vụ chứng thực chữ ký số"
        ),
    );
}

#[test]
fn a_certificate_not_yet_valid_is_refused() {
    let id = keys::not_yet_valid();
    let from = ddmmyyyy(id.cert.tbs_certificate().validity().not_before);
    refused(
        &reference_pdf(),
        &id,
        keys::PASSWORD,
        &format!(
            "khoa.p12: lỗi: chứng thư số của Người Chưa Tới chưa có hiệu lực: có hiệu lực từ ngày {from}\n  gợi ý: kiểm tra đồng hồ của máy tính, hoặc chờ đến ngày chứng thư số có hiệu lực"
        ),
    );
}

#[test]
fn a_key_that_cannot_sign_is_refused() {
    refused(
        &reference_pdf(),
        &keys::encryption_only(),
        keys::PASSWORD,
        "khoa.p12: lỗi: chứng thư số của Khóa Mã Hóa không dùng để ký được (mục đích sử dụng khóa không có chữ ký số)\n  gợi ý: dùng chứng thư số ký văn bản (có Digital Signature hoặc Non Repudiation)",
    );
}

#[test]
fn a_pdf_not_made_by_vanban_is_refused() {
    let mut doc = lopdf::Document::load_mem(&reference_pdf()).expect("loads");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .expect("Info");
    doc.get_dictionary_mut(info)
        .expect("Info")
        .set("Creator", lopdf::Object::string_literal("Microsoft Word"));
    let mut other = Vec::new();
    doc.save_to(&mut other).expect("saved");
    refused(
        &other,
        &keys::signer(),
        keys::PASSWORD,
        "ket-luan.pdf: lỗi: tệp PDF này không do vanban tạo ra, nên không biết khối chữ ký, số và ngày nằm ở đâu\n  gợi ý: tạo lại văn bản bằng `vanban render`, rồi ký tệp PDF đó",
    );
}

#[test]
fn a_document_the_body_signed_takes_no_more_signatures() {
    let issued = sign_as(
        &sign_as(&reference_pdf(), &keys::signer(), Role::Signer),
        &keys::body(),
        Role::Body,
    );
    refused(
        &issued,
        &keys::signer(),
        keys::PASSWORD,
        "ket-luan.pdf: lỗi: văn bản đã được cơ quan ban hành ký số, người ký không ký thêm được\n  gợi ý: người ký ký trước, văn thư cấp số và ký số của cơ quan ban hành sau",
    );
}

#[test]
fn a_password_variable_that_is_not_set_is_a_usage_error() {
    let dir = setup(&reference_pdf(), &keys::signer());
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "sign",
            "ket-luan.pdf",
            "--p12",
            "khoa.p12",
            "--password-env",
            "KHONG_CO_BIEN_NAY",
        ])
        .env_remove("KHONG_CO_BIEN_NAY")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "biến môi trường KHONG_CO_BIEN_NAY chưa được đặt (hoặc không phải văn bản UTF-8); đặt nó trước khi chạy, hoặc bỏ --password-env để vanban hỏi"
    );
}

#[test]
fn without_a_terminal_or_variable_the_password_is_not_asked() {
    let dir = setup(&reference_pdf(), &keys::signer());
    let out = vanban(
        &["sign", "ket-luan.pdf", "--p12", "khoa.p12"],
        dir.path(),
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "không hỏi được mật khẩu vì không chạy trên màn hình dòng lệnh; ghi tên biến môi trường chứa nó bằng --password-env"
    );
}

#[test]
fn verify_reports_in_vietnamese_and_in_json() {
    let signed = sign_as(
        &sign_as(&reference_pdf(), &keys::signer(), Role::Signer),
        &keys::body(),
        Role::Body,
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("da-ky.pdf"), &signed).expect("written");
    let out = vanban(&["verify", "da-ky.pdf"], dir.path(), "");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("da-ky.pdf: 2 chữ ký số\n1. Phan Hữu Hoàn (người ký), ký lúc "),
        "{text}"
    );
    assert!(
        text.contains("   Lý do: Ký số văn bản Số 15-KL/HU; nơi ký: Đơn Dương\n"),
        "{text}"
    );
    assert!(
        text.contains("2. Huyện ủy Đơn Dương (cơ quan ban hành)"),
        "{text}"
    );
    assert!(
        text.contains("   Sau khi ký: chỉ có thay đổi được phép (điền số, ngày, ký thêm)\n"),
        "{text}"
    );
    assert!(
        text.ends_with("Kết luận: mọi chữ ký đều nguyên vẹn.\n"),
        "{text}"
    );

    let out = vanban(&["verify", "da-ky.pdf", "--format", "json"], dir.path(), "");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["valid"], true);
    assert_eq!(json["signatures"][0]["signer"], "Phan Hữu Hoàn");
    assert_eq!(json["signatures"][0]["changes_permitted"], true);
    assert_eq!(json["signatures"][1]["role"], "body");
    assert_eq!(json["signatures"][1]["changed_after"], false);
}

#[test]
fn verify_exits_non_zero_on_a_broken_signature() {
    let signed = sign_as(&reference_pdf(), &keys::signer(), Role::Signer);
    let bad = crate::sign::tamper(&signed);
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("hong.pdf"), &bad).expect("written");
    let out = vanban(&["verify", "hong.pdf"], dir.path(), "");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("   Mã băm: KHÔNG KHỚP; chữ ký: hợp lệ\n"),
        "{text}"
    );
    assert!(
        text.contains("   LỖI: nội dung văn bản đã bị sửa sau khi ký (mã băm không khớp)\n"),
        "{text}"
    );
    assert!(
        text.ends_with("Kết luận: CÓ CHỮ KÝ BỊ HỎNG hoặc văn bản bị sửa sau khi ký.\n"),
        "{text}"
    );
}

#[test]
fn issue_writes_the_issued_copy_and_refuses_a_numbered_document() {
    // Signed, with a number already printed: nothing to issue.
    let signed = sign_as(&reference_pdf(), &keys::signer(), Role::Signer);
    let dir = setup(&signed, &keys::body());
    let args = [
        "issue",
        "ket-luan.pdf",
        "--number",
        "16",
        "--date",
        "2020-11-05",
        "--p12",
        "khoa.p12",
        "--password-env",
        "VANBAN_PASSWORD",
    ];
    let out = vanban(&args, dir.path(), keys::PASSWORD);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "ket-luan.pdf: lỗi: văn bản đã có số: Số 15-KL/HU\n  gợi ý: văn thư chỉ cấp số cho văn bản còn để trống số; kiểm tra lại tệp cần ban hành"
    );
    assert!(!dir.path().join("ket-luan-ban-hanh.pdf").exists());
    assert!(std::fs::read(dir.path().join("ket-luan.pdf")).expect("there") == signed);

    let mut bad_date = args;
    bad_date[5] = "5/11/2020";
    let out = vanban(&bad_date, dir.path(), keys::PASSWORD);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "--date `5/11/2020` không phải ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2020-11-05"
    );
}
