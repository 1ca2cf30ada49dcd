//! The sections of a document, checked one by one: kind and standard,
//! template, issuer, recipients.

use std::collections::HashSet;
use std::path::PathBuf;

use super::raw::{RawIssuer, RawRecipients};
use super::source::FieldPath;
use super::validate::{Checker, clean_archive, clean_recipient};
use super::{Issuer, Recipients};
use crate::conventions::{DocumentKind, Standard};

impl Checker<'_, '_> {
    pub(super) fn kind_and_standard(
        &mut self,
        kind_name: &str,
        standard_name: Option<&str>,
    ) -> (DocumentKind, Standard) {
        let root = FieldPath::default();
        let kind = DocumentKind::from_name(kind_name.trim());
        if kind.is_none() {
            let names: Vec<&str> = DocumentKind::ALL.iter().map(|(n, _, _)| *n).collect();
            self.report(
                &root.key("kind"),
                format!("unknown document kind `{}`", kind_name),
                format!("the kinds are: {}", names.join(", ")),
            );
        }
        let kind = kind.unwrap_or(DocumentKind::Conclusion);
        let standard = match standard_name.map(str::trim) {
            None => kind.default_standard(),
            Some(name) => Standard::from_name(name).unwrap_or_else(|| {
                self.report(
                    &root.key("standard"),
                    format!("unknown standard `{name}`"),
                    "write \"party\" (Hướng dẫn 36-HD/VPTW) or \"state\" (Nghị định 30/2020/NĐ-CP)",
                );
                kind.default_standard()
            }),
        };
        if let Err(hint) = kind.check_standard(standard) {
            self.report(
                &root.key("kind"),
                format!(
                    "a {} is not a document of the {} standard",
                    kind.title(),
                    standard.name()
                ),
                hint,
            );
        }
        (kind, standard)
    }

    /// A template named in the input: relative, inside the input's folder.
    pub(super) fn template(&mut self, t: &str) -> PathBuf {
        let root = FieldPath::default();
        let t = t.trim();
        let path = std::path::PathBuf::from(t);
        if t.is_empty() {
            self.report(
                &root.key("template"),
                "this field must not be empty",
                "name a .typ file beside the input, or leave `template` out",
            );
        } else if !path.components().all(|part| {
            matches!(
                part,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        }) {
            self.report(
                    &root.key("template"),
                    format!("the template `{t}` is outside the input's folder"),
                    "keep the template in the input's folder or below it and name it relatively, e.g. \"mau/mau-rieng.typ\"; --template on the command line can name any file",
                );
        }
        path
    }

    pub(super) fn issuer(&mut self, raw: RawIssuer) -> Issuer {
        let root = FieldPath::default();
        let issuer_path = root.key("issuer");
        let issuer = Issuer {
            superior: raw
                .superior
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            name: self.required(&issuer_path.key("name"), &raw.name),
            code: self.required(&issuer_path.key("code"), &raw.code),
        };
        if !issuer
            .code
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-')
        {
            self.report(
                &issuer_path.key("code"),
                format!("`{}` is not an issuer code", issuer.code),
                "write letters only, joined by - for joint issuers, e.g. \"HU\" or \"BTCTU-BDVTU\"",
            );
        }
        issuer
    }

    /// Recipients as pasted from a finished document lose their dashes and
    /// punctuation; the template adds those of its standard.
    pub(super) fn recipients(&mut self, raw: RawRecipients) -> Recipients {
        let root = FieldPath::default();
        let rec_path = root.key("recipients");
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        for (i, item) in raw.items.iter().enumerate() {
            let p = rec_path.key("items").index(i);
            let cleaned = clean_recipient(item);
            if cleaned.is_empty() {
                self.report(&p, "this recipient is empty", "remove the empty entry");
            } else if !seen.insert(cleaned.clone()) {
                self.report(
                    &p,
                    format!("`{cleaned}` is listed twice"),
                    "remove one of them",
                );
            }
            items.push(self.text(&p, &cleaned));
        }
        let archive = raw.archive.as_deref().map(clean_archive);
        let drafter = raw.drafter.as_deref().map(str::trim).map(|d| {
            let copies = raw.copies.and_then(|n| match u32::try_from(n) {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    self.report(
                        &rec_path.key("copies"),
                        format!("the number of copies must be a positive whole number, not {n}"),
                        "write how many copies are issued, e.g. 30",
                    );
                    None
                }
            });
            (d.to_owned(), copies)
        });
        if drafter.is_none() && raw.copies.is_some() {
            self.report(
                &rec_path.key("copies"),
                "copies are given without a drafter code",
                "add `drafter = \"…\"`, the drafter's initials, e.g. \"PL\"",
            );
        }
        if archive.as_ref().is_some_and(String::is_empty) {
            self.report(
                &rec_path.key("archive"),
                "this field must not be empty",
                "name where the copy is kept, e.g. \"VPHU\" or \"Văn phòng Huyện ủy\"",
            );
        }
        Recipients {
            items,
            archive,
            drafter,
        }
    }
}
