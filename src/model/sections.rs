//! The sections of a document, checked one by one: kind and standard,
//! template, issuer, recipients.

use std::collections::HashSet;
use std::path::PathBuf;

use super::raw::{RawIssuer, RawRecipients};
use super::source::FieldPath;
use super::validate::{Checker, clean_archive, clean_recipient};
use super::{Issuer, Recipients, Text};
use crate::conventions::{DocumentKind, Guide, Standard};

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
                format!("không có loại văn bản `{}`", kind_name),
                format!("các loại văn bản: {}", names.join(", ")),
            );
        }
        let kind = kind.unwrap_or(DocumentKind::Conclusion);
        let standard = match standard_name.map(str::trim) {
            None => kind.default_standard(),
            Some(name) => Standard::from_name(name).unwrap_or_else(|| {
                self.report(
                    &root.key("standard"),
                    format!("không có thể thức `{name}`"),
                    "viết \"party\" (văn bản của Đảng: Hướng dẫn 36-HD/VPTW hoặc 05-HD/VPTW, theo ngày) hoặc \"state\" (Nghị định 30/2020/NĐ-CP)",
                );
                kind.default_standard()
            }),
        };
        if let Err(hint) = kind.check_standard(standard) {
            self.report(
                &root.key("kind"),
                format!(
                    "{} không phải là văn bản theo {}",
                    kind.title(),
                    standard.guideline()
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
                "trường này không được để trống",
                "ghi tên một tệp .typ cạnh tệp đầu vào, hoặc bỏ `template` đi",
            );
        } else if !stays_inside(&path) {
            self.report(
                    &root.key("template"),
                    format!("mẫu `{t}` nằm ngoài thư mục của tệp đầu vào"),
                    "để mẫu trong thư mục của tệp đầu vào hoặc thư mục con và ghi đường dẫn tương đối, ví dụ \"mau/mau-rieng.typ\"; tùy chọn --template trên dòng lệnh thì ghi được tệp bất kỳ",
                );
        }
        path
    }

    /// The issuer, and its contact information (ô 13), one entry a line.
    pub(super) fn issuer(&mut self, raw: RawIssuer) -> (Issuer, Vec<Text>) {
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
                format!("`{}` không phải là chữ viết tắt tên cơ quan", issuer.code),
                "chỉ viết chữ cái, nối bằng - khi liên tịch, ví dụ \"HU\" hoặc \"BTCTU-BDVTU\"",
            );
        }
        // Like the summary, each line of a text is a line of its own; empty
        // lines only separate.
        let texts = &raw.contact.0;
        let mut contact = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let p = issuer_path.key("contact");
            let p = if texts.len() == 1 { p } else { p.index(i) };
            self.required(&p, text);
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                contact.push(self.text(&p, line));
            }
        }
        (issuer, contact)
    }

    /// Recipients as pasted from a finished document lose their dashes and
    /// punctuation; the template adds those of its standard.
    pub(super) fn recipients(
        &mut self,
        raw: RawRecipients,
        issuer: &Issuer,
        guide: &Guide,
    ) -> Recipients {
        let root = FieldPath::default();
        let rec_path = root.key("recipients");
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        for (i, item) in raw.items.iter().enumerate() {
            let p = rec_path.key("items").index(i);
            let cleaned = clean_recipient(item);
            if cleaned.is_empty() {
                self.report(&p, "nơi nhận này trống", "xóa dòng trống đi");
            } else if !seen.insert(cleaned.clone()) {
                self.report(&p, format!("`{cleaned}` bị ghi hai lần"), "xóa bớt một lần");
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
                        format!("số bản phải là số nguyên dương, không phải {n}"),
                        "ghi số bản phát hành, ví dụ 30",
                    );
                    None
                }
            });
            (d.to_owned(), copies)
        });
        if drafter.is_none() && raw.copies.is_some() {
            self.report(
                &rec_path.key("copies"),
                "có số bản nhưng không có ký hiệu người soạn thảo",
                "thêm `drafter = \"…\"`, chữ viết tắt tên người soạn thảo, ví dụ \"PL\"",
            );
        }
        if archive.as_ref().is_some_and(String::is_empty) {
            self.report(
                &rec_path.key("archive"),
                "trường này không được để trống",
                super::guide_rules::archive_hint(guide, &issuer.name),
            );
        }
        Recipients {
            items,
            archive,
            drafter,
        }
    }
}

/// Whether a relative path stays inside the folder it is relative to: no
/// root, no drive, no `..`. Links are the reader's to follow and check.
pub(super) fn stays_inside(path: &std::path::Path) -> bool {
    path.components().all(|part| {
        matches!(
            part,
            std::path::Component::Normal(_) | std::path::Component::CurDir
        )
    })
}
