//! Signing with a key on a token (a USB token, a smart card, an HSM)
//! through its PKCS#11 module: the key never leaves the token.

use std::path::Path;

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error as CkError, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use der::Decode;
use rsa::traits::PublicKeyParts;
use x509_cert::Certificate;

use super::cms::SHA256_DIGEST_INFO;
use super::keys::{Signer, rsa_public_key};
use super::{Fault, fault};

/// Which token to use, when the module has several.
#[derive(Debug, Clone)]
pub enum TokenChoice {
    /// The only token there is.
    Only,
    /// The token in this slot (its number as the module gives it).
    Slot(u64),
    /// The token with this label.
    Label(String),
}

/// A key on a token, with its certificate, logged in.
pub struct TokenKey {
    session: Session,
    key: ObjectHandle,
    cert: Certificate,
    signature_len: usize,
}

fn token_fault(e: CkError) -> Fault {
    match e {
        CkError::Pkcs11(RvError::PinIncorrect, _) => fault(
            "mã PIN của thiết bị ký số không đúng",
            "gõ lại mã PIN; nhập sai nhiều lần thiết bị sẽ bị khóa",
        ),
        CkError::Pkcs11(RvError::PinLocked, _) => fault(
            "thiết bị ký số đã bị khóa vì nhập sai mã PIN nhiều lần",
            "liên hệ tổ chức cấp chứng thư số để mở khóa thiết bị",
        ),
        CkError::Pkcs11(RvError::PinLenRange, _) => fault(
            "mã PIN không đúng độ dài thiết bị yêu cầu",
            "gõ lại mã PIN của thiết bị ký số",
        ),
        CkError::Pkcs11(RvError::TokenNotPresent | RvError::DeviceRemoved, _) => fault(
            "không thấy thiết bị ký số",
            "cắm thiết bị ký số vào máy rồi thử lại",
        ),
        CkError::LibraryLoading(e) => fault(
            format!("không nạp được thư viện PKCS#11 của thiết bị ký số: {e}"),
            "ghi đường dẫn tới tệp .so (hoặc .dll) do nhà cung cấp thiết bị ký số cài đặt",
        ),
        e => fault(
            format!("thiết bị ký số báo lỗi: {e}"),
            "rút thiết bị ra, cắm lại rồi thử lại",
        ),
    }
}

impl TokenKey {
    /// Opens the token through `module`, logs in with `pin` and finds a
    /// signing key that has a certificate.
    pub fn open(module: &Path, choice: &TokenChoice, pin: &str) -> Result<Self, Fault> {
        let pkcs11 = Pkcs11::new(module).map_err(token_fault)?;
        match pkcs11.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
            Ok(()) | Err(CkError::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => {}
            Err(e) => return Err(token_fault(e)),
        }
        let slot = choose_slot(&pkcs11, choice)?;
        let session = pkcs11.open_ro_session(slot).map_err(token_fault)?;
        match session.login(UserType::User, Some(&AuthPin::from(pin.to_owned()))) {
            Ok(()) | Err(CkError::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => {}
            Err(e) => return Err(token_fault(e)),
        }
        let keys = session
            .find_objects(&[
                Attribute::Class(ObjectClass::PRIVATE_KEY),
                Attribute::Sign(true),
            ])
            .map_err(token_fault)?;
        for key in keys {
            let id = session
                .get_attributes(key, &[AttributeType::Id])
                .map_err(token_fault)?
                .into_iter()
                .find_map(|a| match a {
                    Attribute::Id(id) => Some(id),
                    _ => None,
                })
                .unwrap_or_default();
            let certs = session
                .find_objects(&[
                    Attribute::Class(ObjectClass::CERTIFICATE),
                    Attribute::Id(id),
                ])
                .map_err(token_fault)?;
            for cert in certs {
                let value = session
                    .get_attributes(cert, &[AttributeType::Value])
                    .map_err(token_fault)?
                    .into_iter()
                    .find_map(|a| match a {
                        Attribute::Value(v) => Some(v),
                        _ => None,
                    });
                let Some(cert) = value.and_then(|v| Certificate::from_der(&v).ok()) else {
                    continue;
                };
                let Some(public) = rsa_public_key(&cert) else {
                    continue;
                };
                return Ok(Self {
                    session,
                    key,
                    signature_len: public.size(),
                    cert,
                });
            }
        }
        Err(fault(
            "thiết bị ký số không có khóa RSA nào kèm chứng thư số để ký",
            "kiểm tra thiết bị bằng phần mềm của nhà cung cấp; có thể cần chọn thiết bị khác bằng --slot hoặc --token",
        ))
    }
}

fn choose_slot(pkcs11: &Pkcs11, choice: &TokenChoice) -> Result<Slot, Fault> {
    let slots = pkcs11.get_slots_with_token().map_err(token_fault)?;
    let label = |slot: Slot| {
        pkcs11
            .get_token_info(slot)
            .map(|t| t.label().trim().to_owned())
            .unwrap_or_default()
    };
    let listing = || {
        slots
            .iter()
            .map(|s| format!("{} ({})", s.id(), label(*s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match choice {
        TokenChoice::Only => match slots[..] {
            [slot] => Ok(slot),
            [] => Err(fault(
                "không thấy thiết bị ký số nào",
                "cắm thiết bị ký số vào máy rồi thử lại",
            )),
            _ => Err(fault(
                format!("có nhiều thiết bị ký số: {}", listing()),
                "chọn một thiết bị bằng --slot SỐ hoặc --token NHÃN",
            )),
        },
        TokenChoice::Slot(n) => slots.iter().copied().find(|s| s.id() == *n).ok_or_else(|| {
            fault(
                format!(
                    "không có thiết bị ký số ở khe {n}; các khe có thiết bị: {}",
                    listing()
                ),
                "chọn một khe trong danh sách bằng --slot",
            )
        }),
        TokenChoice::Label(l) => slots
            .iter()
            .copied()
            .find(|s| label(*s) == l.trim())
            .ok_or_else(|| {
                fault(
                    format!(
                        "không có thiết bị ký số mang nhãn \"{l}\"; các thiết bị: {}",
                        listing()
                    ),
                    "chọn một nhãn trong danh sách bằng --token",
                )
            }),
    }
}

impl Signer for TokenKey {
    fn certificate(&self) -> &Certificate {
        &self.cert
    }

    fn chain(&self) -> &[Certificate] {
        &[]
    }

    fn signature_len(&self) -> usize {
        self.signature_len
    }

    fn sign_digest(&self, digest: &[u8; 32]) -> Result<Vec<u8>, Fault> {
        // Plain RSA PKCS#1 v1.5 over a DigestInfo: every token has it.
        let mut info = SHA256_DIGEST_INFO.to_vec();
        info.extend_from_slice(digest);
        self.session
            .sign(&Mechanism::RsaPkcs, self.key, &info)
            .map_err(token_fault)
    }
}
