//! `vanban issue`: the records office numbers and dates a document —
//! filled in when the signer has signed it, made again from its source when
//! nobody has — and signs it for the issuing body.

use std::time::SystemTime;

use vanban::error::{Error, Result};
use vanban::output;
use vanban::pdf::{Issue, cms, keys};

use crate::cli::IssueArgs;

pub fn run(args: &IssueArgs) -> Result<super::Status> {
    let date = match &args.date {
        Some(text) => parse_date(text)?,
        None => today(),
    };
    let output = super::sign::output_path(&args.input, args.output.as_deref(), "ban-hanh")?;
    let (name, pdf) = super::sign::read_pdf(&args.input)?;
    let (key, key_name) = super::sign::open_key(&args.key)?;
    let now = SystemTime::now();
    keys::check_certificate(key.certificate(), now).map_err(|f| f.about(&key_name))?;
    let issued = vanban::pdf::issue(
        &super::engine(&args.font_path)?,
        &name,
        &pdf,
        args.input.parent(),
        &Issue {
            number: args.number,
            date,
            key: key.as_ref(),
            time: now,
            creation_epoch: super::creation_epoch(),
        },
    )?;
    for w in &issued.warnings {
        eprintln!("{w}");
    }
    output::write_atomic(&output, &issued.pdf)?;
    eprintln!(
        "{} ({}số {}, ngày {}; đã ký số của cơ quan: {})",
        output.display(),
        if issued.remade {
            "tạo lại từ tệp nguồn trong PDF; "
        } else {
            ""
        },
        args.number,
        date.format("%d/%m/%Y"),
        cms::common_name(key.certificate())
    );
    Ok(super::Status::Done)
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::Usage(format!(
            "--date `{text}` không phải ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2020-11-05"
        ))
    })
}

/// Today's date (UTC+7, the time in Việt Nam).
fn today() -> chrono::NaiveDate {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let local = i64::try_from(secs).unwrap_or(0) + 7 * 3600;
    chrono::DateTime::from_timestamp(local, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}
