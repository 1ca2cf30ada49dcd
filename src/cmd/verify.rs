//! `vanban verify`: the signatures of a PDF, for people or for scripts.

use vanban::error::Result;
use vanban::pdf::verify::{Report, SignatureReport};

use crate::cli::{Report as Format, VerifyArgs};

pub fn run(args: &VerifyArgs) -> Result<super::Status> {
    let (name, pdf) = super::sign::read_pdf(&args.input)?;
    let report = vanban::pdf::verify(&pdf).map_err(|f| f.about(&name))?;
    let text = match args.format {
        Format::Json => {
            let json = serde_json::json!({
                "file": name,
                "valid": report.all_valid(),
                "signatures": report.signatures,
            });
            format!("{json}\n")
        }
        Format::Human => describe(&name, &report),
    };
    super::to_stdout(&[text.as_bytes()])?;
    // A broken signature ends like an input with errors: exit code 1.
    Ok(if report.all_valid() {
        super::Status::Done
    } else {
        super::Status::SomeFailed
    })
}

fn yes_no(ok: bool, yes: &str, no: &str) -> String {
    if ok { yes.to_owned() } else { no.to_owned() }
}

fn describe_one(i: usize, s: &SignatureReport) -> String {
    let role = match s.role {
        Some("signer") => " (người ký)",
        Some("body") => " (cơ quan ban hành)",
        _ => "",
    };
    let mut text = format!(
        "{}. {}{role}, ký lúc {}\n",
        i + 1,
        s.signer.as_deref().unwrap_or("(không rõ người ký)"),
        s.time.as_deref().unwrap_or("(không ghi thời gian)")
    );
    if let Some(reason) = &s.reason {
        text.push_str(&format!("   Lý do: {reason}"));
        if let Some(place) = &s.location {
            text.push_str(&format!("; nơi ký: {place}"));
        }
        text.push('\n');
    }
    if let [a, b, c, d] = s.byte_range[..] {
        text.push_str(&format!(
            "   Phần được ký: byte {a}–{} và {c}–{} (trừ chỗ đặt chữ ký)\n",
            a + b - 1,
            c + d - 1
        ));
    }
    if let Some(p) = s.certification {
        text.push_str(&format!(
            "   Chữ ký chứng nhận văn bản (DocMDP {p}): {}\n",
            if p == 1 {
                "không cho sửa gì thêm"
            } else {
                "cho phép điền số, ngày và ký thêm"
            }
        ));
    }
    text.push_str(&format!(
        "   Mã băm: {}; chữ ký: {}\n",
        yes_no(s.digest_ok, "khớp", "KHÔNG KHỚP"),
        yes_no(s.signature_ok, "hợp lệ", "KHÔNG HỢP LỆ")
    ));
    text.push_str(match (s.changed_after, s.changes_permitted) {
        (false, _) => "   Sau khi ký: không có thay đổi nào\n",
        (true, Some(false)) => "   Sau khi ký: văn bản bị SỬA, ngoài những thay đổi được phép\n",
        (true, _) => "   Sau khi ký: chỉ có thay đổi được phép (điền số, ngày, ký thêm)\n",
    });
    if let Some(problem) = &s.problem {
        text.push_str(&format!("   LỖI: {problem}\n"));
    }
    text
}

fn describe(name: &str, report: &Report) -> String {
    if report.signatures.is_empty() {
        return format!("{name}: chưa có chữ ký số nào\n");
    }
    let mut text = format!("{name}: {} chữ ký số\n", report.signatures.len());
    for (i, s) in report.signatures.iter().enumerate() {
        text.push_str(&describe_one(i, s));
    }
    text.push_str(if report.all_valid() {
        "Kết luận: mọi chữ ký đều nguyên vẹn.\n"
    } else {
        "Kết luận: CÓ CHỮ KÝ BỊ HỎNG hoặc văn bản bị sửa sau khi ký.\n"
    });
    text
}
