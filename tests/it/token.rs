//! Signing with a key on a token through PKCS#11: a SoftHSM2 token made by
//! the test in a folder of its own, driven through the command line as an
//! office would use it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::keys;
use crate::sign::{assert_validates, reference_pdf, tool};

const PIN: &str = "123456";
const LABEL: &str = "vanban-thu";

/// SoftHSM2's PKCS#11 module, where Debian puts it.
fn softhsm_module() -> Option<PathBuf> {
    [
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// A token in `dir` holding the signer's key and certificate. Gives the
/// SOFTHSM2_CONF file to run with.
fn make_token(dir: &Path, module: &Path) -> PathBuf {
    let tokens = dir.join("tokens");
    std::fs::create_dir_all(&tokens).expect("token folder");
    let conf = dir.join("softhsm2.conf");
    std::fs::write(
        &conf,
        format!(
            "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
            tokens.display()
        ),
    )
    .expect("config written");
    let run = |program: &str, args: &[&str]| {
        let out = Command::new(program)
            .args(args)
            .env("SOFTHSM2_CONF", &conf)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(
        "softhsm2-util",
        &[
            "--init-token",
            "--free",
            "--label",
            LABEL,
            "--so-pin",
            "87654321",
            "--pin",
            PIN,
        ],
    );
    let signer = keys::signer();
    let key = dir.join("key.der");
    std::fs::write(&key, keys::key_der(&signer)).expect("key written");
    let cert = dir.join("cert.der");
    std::fs::write(&cert, der::Encode::to_der(&signer.cert).expect("der")).expect("cert written");
    let module = module.to_str().expect("a UTF-8 path");
    for (file, kind) in [(&key, "privkey"), (&cert, "cert")] {
        run(
            "pkcs11-tool",
            &[
                "--module",
                module,
                "--token-label",
                LABEL,
                "--login",
                "--pin",
                PIN,
                "--write-object",
                file.to_str().expect("path"),
                "--type",
                kind,
                "--id",
                "01",
                "--label",
                "nguoi-ky",
            ],
        );
    }
    conf
}

fn sign_with_token(dir: &Path, conf: &Path, module: &Path, pin: &str, out: &str) -> Output {
    let input = dir.join("ket-luan.pdf");
    std::fs::write(&input, reference_pdf()).expect("written");
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["sign", "ket-luan.pdf", "--pkcs11"])
        .arg(module)
        .args(["--token", LABEL, "--pin-env", "VANBAN_PIN", "-o", out])
        .env("SOFTHSM2_CONF", conf)
        .env("VANBAN_PIN", pin)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("vanban runs")
}

fn token_ready() -> Option<PathBuf> {
    if !tool("softhsm2-util") || !tool("pkcs11-tool") {
        return None;
    }
    let module = softhsm_module();
    assert!(
        module.is_some() || std::env::var("VANBAN_REQUIRE_TOOLS").as_deref() != Ok("1"),
        "SoftHSM2's module is required but not found"
    );
    module
}

#[test]
fn a_key_on_a_token_signs_and_the_signature_validates() {
    let Some(module) = token_ready() else { return };
    let dir = tempfile::tempdir().expect("a temp dir");
    let conf = make_token(dir.path(), &module);
    let out = sign_with_token(dir.path(), &conf, &module, PIN, "da-ky.pdf");
    assert!(
        out.status.success(),
        "vanban sign: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "da-ky.pdf (đã ký số: Phan Hữu Hoàn)"
    );
    let signed = std::fs::read(dir.path().join("da-ky.pdf")).expect("written");
    assert_validates(&signed, 1);
}

#[test]
fn a_wrong_pin_is_told_and_nothing_is_written() {
    let Some(module) = token_ready() else { return };
    let dir = tempfile::tempdir().expect("a temp dir");
    let conf = make_token(dir.path(), &module);
    let out = sign_with_token(dir.path(), &conf, &module, "000000", "da-ky.pdf");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "{}: lỗi: mã PIN của thiết bị ký số không đúng\n  gợi ý: gõ lại mã PIN; nhập sai nhiều lần thiết bị sẽ bị khóa",
            module.display()
        )
    );
    assert!(!dir.path().join("da-ky.pdf").exists());
}
