//! The CMS signature a PAdES baseline B-B signature holds: SignedData over
//! the document's bytes (detached), SHA-256, RSA PKCS#1 v1.5, with the
//! signed attributes content-type, message-digest and signing-certificate-v2.
//! There is no signing-time attribute: PAdES puts the time in the
//! signature dictionary's M entry.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{Any, ObjectIdentifier as Oid, OctetString, SetOfVec};
use der::{Decode, Encode, Sequence};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;

pub const ID_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
pub const ID_SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
pub const ID_CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
pub const ID_MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
pub const ID_SIGNING_CERTIFICATE_V2: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.47");
pub const ID_SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
pub const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");

/// The DER prefix of a DigestInfo for SHA-256: what PKCS#1 v1.5 signs,
/// followed by the 32 bytes of the digest.
pub const SHA256_DIGEST_INFO: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];

/// ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate
/// into what is signed, as PAdES requires.
#[derive(Clone, Debug, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// The hash algorithm is left out: SHA-256 is its default.
#[derive(Clone, Debug, Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
    issuer_serial: IssuerSerial,
}

#[derive(Clone, Debug, Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial_number: SerialNumber,
}

fn attribute(oid: Oid, value: Any) -> der::Result<Attribute> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value])?,
    })
}

fn sha256_algorithm() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    }
}

/// The signed attributes for a document digest, as a DER SET: the bytes
/// the key signs.
pub fn signed_attributes(
    document_digest: &[u8],
    cert: &Certificate,
) -> der::Result<SetOfVec<Attribute>> {
    let tbs = cert.tbs_certificate();
    let cert_hash = Sha256::digest(cert.to_der()?);
    let signing_cert = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(cert_hash.to_vec())?,
            issuer_serial: IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(tbs.issuer().clone())],
                serial_number: tbs.serial_number().clone(),
            },
        }],
    };
    SetOfVec::try_from(vec![
        attribute(ID_CONTENT_TYPE, Any::encode_from(&ID_DATA)?)?,
        attribute(
            ID_MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(document_digest.to_vec())?)?,
        )?,
        attribute(ID_SIGNING_CERTIFICATE_V2, Any::encode_from(&signing_cert)?)?,
    ])
}

/// The whole CMS ContentInfo, DER encoded, from the signed attributes and
/// the key's signature over them.
pub fn signed_data(
    cert: &Certificate,
    chain: &[Certificate],
    attributes: SetOfVec<Attribute>,
    signature: Vec<u8>,
) -> der::Result<Vec<u8>> {
    let tbs = cert.tbs_certificate();
    let signer = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer().clone(),
            serial_number: tbs.serial_number().clone(),
        }),
        digest_alg: sha256_algorithm(),
        signed_attrs: Some(attributes),
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: RSA_ENCRYPTION,
            parameters: Some(Any::null()),
        },
        signature: OctetString::new(signature)?,
        unsigned_attrs: None,
    };
    let mut certificates = vec![CertificateChoices::Certificate(cert.clone())];
    certificates.extend(
        chain
            .iter()
            .filter(|c| *c != cert)
            .cloned()
            .map(CertificateChoices::Certificate),
    );
    let signed = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha256_algorithm()])?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(SetOfVec::try_from(certificates)?)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer])?),
    };
    ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed)?,
    }
    .to_der()
}

/// What a CMS signature says, read back for verification.
pub struct Parsed {
    pub signer: Option<Certificate>,
    pub certificates: Vec<Certificate>,
    pub digest_algorithm: Oid,
    pub signature_algorithm: Oid,
    /// The message-digest attribute.
    pub message_digest: Option<Vec<u8>>,
    /// The DER of the signed attributes as a SET: what was signed.
    pub signed_attributes: Option<Vec<u8>>,
    pub signature: Vec<u8>,
}

/// Reads a CMS ContentInfo holding SignedData with one signer. The
/// /Contents of a signature is zero-padded after the DER, so trailing
/// bytes are ignored.
pub fn parse(contents: &[u8]) -> der::Result<Parsed> {
    let len = der_length(contents).unwrap_or(contents.len());
    let info = ContentInfo::from_der(&contents[..len.min(contents.len())])?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(der::ErrorKind::OidUnknown {
            oid: info.content_type,
        }
        .into());
    }
    let signed: SignedData = info.content.decode_as()?;
    let certificates: Vec<Certificate> = signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let Some(info) = signed.signer_infos.0.iter().next() else {
        return Err(der::ErrorKind::Failed.into());
    };
    let signer = match &info.sid {
        SignerIdentifier::IssuerAndSerialNumber(isn) => certificates
            .iter()
            .find(|c| {
                c.tbs_certificate().issuer() == &isn.issuer
                    && c.tbs_certificate().serial_number() == &isn.serial_number
            })
            .cloned(),
        SignerIdentifier::SubjectKeyIdentifier(ski) => certificates
            .iter()
            .find(|c| {
                c.tbs_certificate()
                    .get_extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
                    .ok()
                    .flatten()
                    .is_some_and(|(_, k)| &k == ski)
            })
            .cloned(),
    };
    let message_digest = info.signed_attrs.as_ref().and_then(|attrs| {
        attrs
            .iter()
            .find(|a| a.oid == ID_MESSAGE_DIGEST)
            .and_then(|a| a.values.iter().next())
            .and_then(|v| v.decode_as::<OctetString>().ok())
            .map(|o| o.as_bytes().to_vec())
    });
    Ok(Parsed {
        signer,
        certificates,
        digest_algorithm: info.digest_alg.oid,
        signature_algorithm: info.signature_algorithm.oid,
        message_digest,
        signed_attributes: info.signed_attrs.as_ref().map(Encode::to_der).transpose()?,
        signature: info.signature.as_bytes().to_vec(),
    })
}

/// The length of the DER element at the start of `bytes`, header included.
fn der_length(bytes: &[u8]) -> Option<usize> {
    let first = *bytes.get(1)?;
    if first < 0x80 {
        return Some(2 + usize::from(first));
    }
    let n = usize::from(first & 0x7f);
    if n == 0 || n > 4 {
        return None;
    }
    let mut len = 0usize;
    for i in 0..n {
        len = (len << 8) | usize::from(*bytes.get(2 + i)?);
    }
    Some(2 + n + len)
}

/// The common name of a certificate's subject, or the whole name.
pub fn common_name(cert: &Certificate) -> String {
    let subject = cert.tbs_certificate().subject();
    match subject.common_name() {
        Ok(Some(cn)) => cn.value().into_owned(),
        _ => subject.to_string(),
    }
}
