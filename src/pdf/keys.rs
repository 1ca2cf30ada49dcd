//! Who signs: a key with its certificate, from a PKCS#12 file or a token,
//! and the checks made on the certificate before anything is signed.

use std::time::{Duration, SystemTime};

use der::{Decode, Encode};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, PrivateKey, PublicKey};
use sha2::Sha256;
use x509_cert::Certificate;
use x509_cert::ext::pkix::KeyUsage;

use super::{Fault, fault};

/// A key that signs, with its certificate. The key signs a SHA-256 digest
/// with RSA PKCS#1 v1.5.
pub trait Signer {
    fn certificate(&self) -> &Certificate;
    /// The certificates that lead to a root, if known (not the signer's).
    fn chain(&self) -> &[Certificate];
    /// The length of a signature, in bytes: the modulus's.
    fn signature_len(&self) -> usize;
    fn sign_digest(&self, digest: &[u8; 32]) -> Result<Vec<u8>, Fault>;
}

/// A software key from a PKCS#12 (.p12, .pfx) file.
pub struct SoftwareKey {
    key: PrivateKey,
    cert: Certificate,
    chain: Vec<Certificate>,
}

impl SoftwareKey {
    /// Opens a PKCS#12 file's key and certificate with its password.
    pub fn from_pkcs12(bytes: &[u8], password: &str) -> Result<Self, Fault> {
        use p12_keystore::error::Error as P12;
        let store = p12_keystore::KeyStore::from_pkcs12(
            bytes,
            password,
            p12_keystore::Pkcs12ImportPolicy::Relaxed,
        )
        .map_err(|e| match e {
            P12::MacError(_) => fault(
                "mật khẩu của tệp chứng thư số không đúng",
                "gõ lại mật khẩu; chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt",
            ),
            _ => fault(
                "không đọc được tệp chứng thư số (PKCS#12)",
                "cần tệp .p12 hoặc .pfx có cả khóa bí mật và chứng thư số",
            ),
        })?;
        let Some((_, chain)) = store.private_key_chain() else {
            return Err(fault(
                "tệp chứng thư số không có khóa bí mật",
                "xuất lại chứng thư số kèm khóa bí mật (.p12 hoặc .pfx)",
            ));
        };
        let certs: Vec<Certificate> = chain
            .certs()
            .iter()
            .filter_map(|c| Certificate::from_der(c.as_der()).ok())
            .collect();
        let key = PrivateKey::from_pkcs8_der(chain.key().as_der()).map_err(|_| {
            fault(
                "khóa trong tệp chứng thư số không phải khóa RSA",
                "vanban ký bằng khóa RSA, loại khóa của chứng thư số ký văn bản ở Việt Nam",
            )
        })?;
        // The certificate that goes with the key, whatever the order.
        let public = PublicKey::from(&key);
        let Some(cert) = certs
            .iter()
            .find(|c| rsa_public_key(c).is_some_and(|p| p == public))
            .cloned()
        else {
            return Err(fault(
                "tệp chứng thư số không có chứng thư của khóa bí mật",
                "xuất lại chứng thư số kèm khóa bí mật từ cùng một cặp khóa",
            ));
        };
        let chain = certs.into_iter().filter(|c| *c != cert).collect();
        Ok(Self { key, cert, chain })
    }
}

impl Signer for SoftwareKey {
    fn certificate(&self) -> &Certificate {
        &self.cert
    }

    fn chain(&self) -> &[Certificate] {
        &self.chain
    }

    fn signature_len(&self) -> usize {
        self.key.size()
    }

    fn sign_digest(&self, digest: &[u8; 32]) -> Result<Vec<u8>, Fault> {
        self.key
            .sign(Pkcs1v15Sign::new::<Sha256>(), digest)
            .map_err(|e| fault(format!("không ký được: {e}"), "thử lại"))
    }
}

/// The RSA public key a certificate holds, if it holds one.
pub fn rsa_public_key(cert: &Certificate) -> Option<PublicKey> {
    let spki = cert.tbs_certificate().subject_public_key_info();
    let der = spki.to_der().ok()?;
    rsa::pkcs8::DecodePublicKey::from_public_key_der(&der).ok()
}

/// Refuses a certificate that cannot sign at `time`: not yet valid,
/// expired, or not for signatures.
pub fn check_certificate(cert: &Certificate, time: SystemTime) -> Result<(), Fault> {
    let validity = cert.tbs_certificate().validity();
    let now = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO);
    let date = |d: Duration| {
        chrono::DateTime::from_timestamp(i64::try_from(d.as_secs()).unwrap_or(0), 0)
            .map(|t| t.format("%d/%m/%Y").to_string())
            .unwrap_or_default()
    };
    let not_before = validity.not_before.to_unix_duration();
    let not_after = validity.not_after.to_unix_duration();
    if now < not_before {
        return Err(fault(
            format!(
                "chứng thư số của {} chưa có hiệu lực: có hiệu lực từ ngày {}",
                super::cms::common_name(cert),
                date(not_before)
            ),
            "kiểm tra đồng hồ của máy tính, hoặc chờ đến ngày chứng thư số có hiệu lực",
        ));
    }
    if now > not_after {
        return Err(fault(
            format!(
                "chứng thư số của {} đã hết hạn ngày {}",
                super::cms::common_name(cert),
                date(not_after)
            ),
            "gia hạn chứng thư số với tổ chức cung cấp dịch vụ chứng thực chữ ký số",
        ));
    }
    if let Ok(Some((_, usage))) = cert.tbs_certificate().get_extension::<KeyUsage>()
        && !usage.digital_signature()
        && !usage.non_repudiation()
    {
        return Err(fault(
            format!(
                "chứng thư số của {} không dùng để ký được (mục đích sử dụng khóa không có chữ ký số)",
                super::cms::common_name(cert)
            ),
            "dùng chứng thư số ký văn bản (có Digital Signature hoặc Non Repudiation)",
        ));
    }
    Ok(())
}

/// Where the signing key is.
pub enum KeySource<'a> {
    /// A PKCS#12 file's bytes, with its password.
    Pkcs12 { bytes: &'a [u8], password: &'a str },
    /// A token through its PKCS#11 module, with its PIN.
    Token {
        module: &'a std::path::Path,
        choice: super::pkcs11::TokenChoice,
        pin: &'a str,
    },
}

/// Opens the key, ready to sign.
pub fn open(source: KeySource<'_>) -> Result<Box<dyn Signer>, Fault> {
    Ok(match source {
        KeySource::Pkcs12 { bytes, password } => {
            Box::new(SoftwareKey::from_pkcs12(bytes, password)?)
        }
        KeySource::Token {
            module,
            choice,
            pin,
        } => Box::new(super::pkcs11::TokenKey::open(module, &choice, pin)?),
    })
}
