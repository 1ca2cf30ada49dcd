//! The signature block's pictures as the input names them: the signer's
//! signature and the issuing body's seal, PNG files beside the input, and
//! the seal's real diameter. Only the names are checked here; the files are
//! read and checked by the pipeline (`crate::images`), which knows where
//! the input lies.

use std::ops::RangeInclusive;
use std::path::{Component, Path};

use super::ImageRef;
use super::sections::stays_inside;
use super::source::FieldPath;
use super::validate::Checker;

/// The diameter of the common round seal, in millimetres.
pub const DEFAULT_SEAL_DIAMETER_MM: f64 = 36.0;

/// Diameters a round seal of a Party or State body has, with room to spare.
pub const SEAL_DIAMETERS_MM: RangeInclusive<f64> = 20.0..=50.0;

impl Checker<'_, '_> {
    pub(super) fn signature_images(
        &mut self,
        image: Option<String>,
        seal: Option<String>,
        diameter: Option<f64>,
    ) -> (Option<ImageRef>, Option<ImageRef>, f64) {
        let path = FieldPath::default().key("signature");
        let image = image.map(|p| self.image_ref(&path.key("image"), &p));
        let seal_given = seal.is_some();
        let seal = seal.map(|p| self.image_ref(&path.key("seal"), &p));
        let diameter_path = path.key("seal_diameter_mm");
        let diameter = match diameter {
            None => DEFAULT_SEAL_DIAMETER_MM,
            Some(d) if !seal_given => {
                self.report(
                    &diameter_path,
                    "có đường kính dấu nhưng không có ảnh dấu",
                    "thêm `seal = \"dau.png\"`, hoặc bỏ `seal_diameter_mm` đi",
                );
                d
            }
            Some(d) if d.is_finite() && SEAL_DIAMETERS_MM.contains(&d) => d,
            Some(d) => {
                self.report(
                    &diameter_path,
                    format!(
                        "đường kính dấu {d} mm nằm ngoài khoảng cho phép: từ {} đến {} mm",
                        SEAL_DIAMETERS_MM.start(),
                        SEAL_DIAMETERS_MM.end()
                    ),
                    format!(
                        "ghi đường kính thật của con dấu, đo bằng thước; bỏ trường này đi thì là {DEFAULT_SEAL_DIAMETER_MM} mm, cỡ dấu tròn thường gặp"
                    ),
                );
                DEFAULT_SEAL_DIAMETER_MM
            }
        };
        (image, seal, diameter)
    }

    /// A picture's path: not empty, relative, inside the input's folder.
    fn image_ref(&mut self, path: &FieldPath, written: &str) -> ImageRef {
        let written = written.trim();
        let normal = normalise(Path::new(written));
        if written.is_empty() {
            self.report(
                path,
                "trường này không được để trống",
                "ghi tên tệp ảnh PNG nằm cạnh tệp đầu vào, hoặc bỏ trường này đi",
            );
        } else if !stays_inside(Path::new(written)) {
            self.report(
                path,
                format!("ảnh `{written}` nằm ngoài thư mục của tệp đầu vào"),
                "để ảnh trong thư mục của tệp đầu vào hoặc thư mục con và ghi đường dẫn tương đối, ví dụ \"anh/chu-ky.png\"",
            );
        } else if normal.is_empty() {
            self.report(
                path,
                format!("`{written}` không phải là tên tệp ảnh"),
                "ghi tên tệp ảnh PNG, ví dụ \"anh/chu-ky.png\"",
            );
        }
        ImageRef {
            path: normal,
            field: path.to_string(),
            position: self.file.locate(path),
            loaded: None,
        }
    }
}

/// A relative path's parts joined by `/`, without `.` parts: the name a
/// picture goes by everywhere after the input (inside the PDF, beside an
/// extracted source).
fn normalise(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}
