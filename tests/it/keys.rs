//! Test certificates and keys, made by the tests: a CA, and identities it
//! issues, written as PKCS#12 files and PEM as the tools want them.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use der::{Encode, EncodePem};
use rsa::PrivateKey;
use rsa::pkcs8::EncodePrivateKey;
use x509_cert::Certificate;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{SubjectPublicKeyInfo, SubjectPublicKeyInfoRef};
use x509_cert::time::{Time, Validity};

/// An identity: its key and certificate, issued by the test CA.
#[derive(Clone)]
pub struct Identity {
    pub key: PrivateKey,
    pub cert: Certificate,
}

pub const PASSWORD: &str = "mật khẩu 123";

struct Profile {
    subject: Name,
    issuer: Name,
    ca: bool,
    usage: KeyUsage,
}

impl BuilderProfile for Profile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }
    fn get_subject(&self) -> Name {
        self.subject.clone()
    }
    fn build_extensions(
        &self,
        _spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &x509_cert::TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let constraints = BasicConstraints {
            ca: self.ca,
            path_len_constraint: None,
        };
        Ok(vec![
            constraints.to_extension(tbs.subject(), &[])?,
            self.usage.to_extension(tbs.subject(), &[])?,
        ])
    }
}

fn new_key() -> PrivateKey {
    PrivateKey::new(&mut rand::rng(), 2048).expect("an RSA key")
}

fn time(t: SystemTime) -> Time {
    Time::try_from(t).expect("a time")
}

static SERIAL: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

fn issue(
    subject: &str,
    key: &PrivateKey,
    issuer: Option<&Identity>,
    ca: bool,
    usage: KeyUsage,
    from: SystemTime,
    until: SystemTime,
) -> Certificate {
    let subject = Name::from_str(subject).expect("a name");
    let issuer_name = issuer.map_or(subject.clone(), |i| {
        i.cert.tbs_certificate().subject().clone()
    });
    let profile = Profile {
        subject,
        issuer: issuer_name,
        ca,
        usage,
    };
    let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let spki = SubjectPublicKeyInfo::from_key(&key.to_public_key()).expect("spki");
    let validity = Validity::new(time(from), time(until));
    let builder = CertificateBuilder::new(profile, SerialNumber::from(serial), validity, spki)
        .expect("a builder");
    let signing_key = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(
        issuer.map_or(key.clone(), |i| i.key.clone()),
    );
    builder
        .build::<_, rsa::pkcs1v15::Signature>(&signing_key)
        .expect("a certificate")
}

const DAY: Duration = Duration::from_secs(86_400);

fn signing_usage() -> KeyUsage {
    KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation)
}

/// The test CA, one per test run.
pub fn ca() -> &'static Identity {
    static CA: OnceLock<Identity> = OnceLock::new();
    CA.get_or_init(|| {
        let key = new_key();
        let now = SystemTime::now();
        let cert = issue(
            "CN=CA thử nghiệm vanban,O=vanban,C=VN",
            &key,
            None,
            true,
            KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign | KeyUsages::DigitalSignature),
            now - 3650 * DAY,
            now + 3650 * DAY,
        );
        Identity { key, cert }
    })
}

/// Keys are slow to make: the identities share a few.
fn shared_key(i: usize) -> PrivateKey {
    static KEYS: OnceLock<Vec<PrivateKey>> = OnceLock::new();
    KEYS.get_or_init(|| (0..2).map(|_| new_key()).collect())[i % 2].clone()
}

/// An identity issued by the test CA, valid from `from` to `until`.
pub fn identity_with(
    cn: &str,
    key: usize,
    usage: KeyUsage,
    from: SystemTime,
    until: SystemTime,
) -> Identity {
    let key = shared_key(key);
    let cert = issue(
        &format!("CN={cn},O=Huyện ủy Đơn Dương,C=VN"),
        &key,
        Some(ca()),
        false,
        usage,
        from,
        until,
    );
    Identity { key, cert }
}

/// A person who signs, valid now.
pub fn signer() -> Identity {
    let now = SystemTime::now();
    identity_with(
        "Phan Hữu Hoàn",
        0,
        signing_usage(),
        now - DAY,
        now + 365 * DAY,
    )
}

/// The issuing body's certificate, valid now.
pub fn body() -> Identity {
    let now = SystemTime::now();
    identity_with(
        "Huyện ủy Đơn Dương",
        1,
        signing_usage(),
        now - DAY,
        now + 365 * DAY,
    )
}

pub fn expired() -> Identity {
    let now = SystemTime::now();
    identity_with(
        "Người Hết Hạn",
        0,
        signing_usage(),
        now - 400 * DAY,
        now - 30 * DAY,
    )
}

pub fn not_yet_valid() -> Identity {
    let now = SystemTime::now();
    identity_with(
        "Người Chưa Tới",
        0,
        signing_usage(),
        now + 30 * DAY,
        now + 400 * DAY,
    )
}

/// A certificate for encryption only, which must not sign.
pub fn encryption_only() -> Identity {
    let now = SystemTime::now();
    identity_with(
        "Khóa Mã Hóa",
        0,
        KeyUsage(KeyUsages::KeyEncipherment.into()),
        now - DAY,
        now + 365 * DAY,
    )
}

/// The identity as a PKCS#12 file with its CA, under `PASSWORD`.
pub fn pkcs12(id: &Identity) -> Vec<u8> {
    let der = id.key.to_pkcs8_der().expect("pkcs8");
    let key = p12_keystore::PrivateKey::from_der(der.as_bytes()).expect("a key");
    let certs = [&id.cert, &ca().cert]
        .iter()
        .map(|c| p12_keystore::Certificate::from_der(&c.to_der().expect("der")).expect("a cert"))
        .collect::<Vec<_>>();
    let chain = p12_keystore::PrivateKeyChain::new(b"1".to_vec(), key, certs);
    let mut store = p12_keystore::KeyStore::new();
    store.add_entry(
        "vanban",
        p12_keystore::KeyStoreEntry::PrivateKeyChain(chain),
    );
    store.writer(PASSWORD).write().expect("a PKCS#12 file")
}

pub fn write_pkcs12(dir: &Path, name: &str, id: &Identity) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pkcs12(id)).expect("written");
    path
}

/// The CA certificate as PEM, for the validators' trust lists.
pub fn write_ca_pem(dir: &Path) -> PathBuf {
    let path = dir.join("ca.pem");
    let pem = ca().cert.to_pem(der::pem::LineEnding::LF).expect("pem");
    std::fs::write(&path, pem).expect("written");
    path
}

/// The identity's key as unencrypted PKCS#8 DER, for a token import.
pub fn key_der(id: &Identity) -> Vec<u8> {
    id.key.to_pkcs8_der().expect("pkcs8").as_bytes().to_vec()
}
