//! `vanban sign`: the signer's digital signature on a PDF.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use vanban::error::{Error, Result};
use vanban::output;
use vanban::pdf::keys::{self, KeySource, Signer};
use vanban::pdf::pkcs11::TokenChoice;
use vanban::pdf::{Role, cms};

use crate::cli::{KeyArgs, SignArgs};

pub fn run(args: &SignArgs) -> Result<super::Status> {
    let output = output_path(&args.input, args.output.as_deref(), "da-ky")?;
    let (name, pdf) = read_pdf(&args.input)?;
    let (key, key_name) = open_key(&args.key)?;
    let now = SystemTime::now();
    keys::check_certificate(key.certificate(), now).map_err(|f| f.about(&key_name))?;
    let signed =
        vanban::pdf::sign(&pdf, key.as_ref(), Role::Signer, now).map_err(|f| f.about(&name))?;
    output::write_atomic(&output, &signed)?;
    eprintln!(
        "{} (đã ký số: {})",
        output.display(),
        cms::common_name(key.certificate())
    );
    Ok(super::Status::Done)
}

/// Where the result goes: `-o`, or the input's name with `-SUFFIX`; never
/// the input itself.
pub(crate) fn output_path(input: &Path, output: Option<&Path>, suffix: &str) -> Result<PathBuf> {
    let output = match output {
        Some(o) => o.to_owned(),
        None => {
            let stem = input
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            input.with_file_name(format!("{stem}-{suffix}.pdf"))
        }
    };
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(&output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => input == output,
    };
    if same {
        return Err(Error::Usage(format!(
            "tệp kết quả {} chính là tệp đầu vào; ghi tên khác bằng -o",
            output.display()
        )));
    }
    Ok(output)
}

pub(crate) fn read_pdf(input: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(input).map_err(|source| Error::Io {
        action: "đọc",
        path: input.to_owned(),
        source,
    })?;
    Ok((input.display().to_string(), bytes))
}

/// Opens the key the command line names, asking for its password or PIN
/// when no environment variable holds it. Gives the key and the name its
/// messages go under.
pub(crate) fn open_key(args: &KeyArgs) -> Result<(Box<dyn Signer>, String)> {
    if let Some(p12) = &args.p12 {
        let name = p12.display().to_string();
        let bytes = std::fs::read(p12).map_err(|source| Error::Io {
            action: "đọc tệp chứng thư số",
            path: p12.clone(),
            source,
        })?;
        let password = secret(
            args.password_env.as_deref(),
            "Mật khẩu của tệp chứng thư số: ",
            "--password-env",
        )?;
        let key = keys::open(KeySource::Pkcs12 {
            bytes: &bytes,
            password: &password,
        })
        .map_err(|f| f.about(&name))?;
        return Ok((key, name));
    }
    let Some(module) = &args.pkcs11 else {
        return Err(Error::Usage(
            "cần khóa ký: --p12 TỆP hoặc --pkcs11 THƯ VIỆN".into(),
        ));
    };
    let name = module.display().to_string();
    let choice = match (&args.slot, &args.token) {
        (Some(slot), _) => TokenChoice::Slot(*slot),
        (_, Some(label)) => TokenChoice::Label(label.clone()),
        _ => TokenChoice::Only,
    };
    let pin = secret(
        args.pin_env.as_deref(),
        "Mã PIN của thiết bị ký số: ",
        "--pin-env",
    )?;
    let key = keys::open(KeySource::Token {
        module,
        choice,
        pin: &pin,
    })
    .map_err(|f| f.about(&name))?;
    Ok((key, name))
}

/// A password or PIN: from the environment variable named, or typed on
/// the terminal without echo.
fn secret(env: Option<&str>, prompt: &str, flag: &str) -> Result<String> {
    if let Some(var) = env {
        return std::env::var(var).map_err(|_| {
            Error::Usage(format!(
                "biến môi trường {var} chưa được đặt (hoặc không phải văn bản UTF-8); đặt nó trước khi chạy, hoặc bỏ {flag} để vanban hỏi"
            ))
        });
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::Usage(format!(
            "không hỏi được mật khẩu vì không chạy trên màn hình dòng lệnh; ghi tên biến môi trường chứa nó bằng {flag}"
        )));
    }
    rpassword::prompt_password(prompt).map_err(|source| Error::Io {
        action: "đọc mật khẩu từ",
        path: "màn hình dòng lệnh".into(),
        source,
    })
}
