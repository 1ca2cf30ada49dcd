//! The electronic original (issue 12): the signature and seal pictures —
//! where they sit on the page, and the exact message for every way a
//! picture can be wrong —, PDF/A, and the source every PDF carries.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use typst::layout::{Frame, FrameItem, Transform};
use vanban::conventions::StyleProfile;
use vanban::pipeline::{self, ImageUse, Job};
use vanban::{Engine, Input};

use crate::common::*;

/// The lint rules whose cases are here rather than in check.rs: they need
/// picture files.
pub const RULES_TESTED_THERE: &[&str] = &["image-background"];

const EXAMPLE: &str = "examples/thong-bao-dien-tu.toml";
const S: StyleProfile = StyleProfile::STATE_ND30;

// ---------------------------------------------------------------- pictures

/// A PNG made here from its rows of samples, as the format packs them.
fn png(
    width: u32,
    height: u32,
    color: png::ColorType,
    depth: png::BitDepth,
    setup: impl FnOnce(&mut png::Encoder<'_, &mut Vec<u8>>),
    data: Vec<u8>,
) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(color);
        encoder.set_depth(depth);
        setup(&mut encoder);
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(&data).expect("data");
    }
    out
}

/// The samples of a picture of whole-byte pixels, `pixel(x, y)` each.
fn pixels(width: u32, height: u32, pixel: impl Fn(u32, u32) -> Vec<u8>) -> Vec<u8> {
    let mut data = Vec::new();
    for y in 0..height {
        for x in 0..width {
            data.extend(pixel(x, y));
        }
    }
    data
}

/// A blue stroke across a transparent background, `w` × `h` pixels.
fn signature_png(w: u32, h: u32) -> Vec<u8> {
    png(
        w,
        h,
        png::ColorType::Rgba,
        png::BitDepth::Eight,
        |_| {},
        pixels(w, h, |x, y| {
            if y.abs_diff(x * h / w) < 3 {
                vec![20, 40, 160, 255]
            } else {
                vec![0, 0, 0, 0]
            }
        }),
    )
}

/// An opaque white picture with no alpha channel.
fn opaque_png() -> Vec<u8> {
    png(
        40,
        20,
        png::ColorType::Rgb,
        png::BitDepth::Eight,
        |_| {},
        pixels(40, 20, |_, _| vec![255, 255, 255]),
    )
}

/// A small input, the line `extra` in its signature block (line 13).
fn doc(extra: &str) -> String {
    format!(
        "kind = \"thong-bao\"\nplace = \"Tân Hòa\"\ndate = 2026-09-15\n\
         summary = \"Kết luận của Chủ tịch UBND xã\"\n\
         opening = \"Chủ tịch UBND xã kết luận như sau.\"\n\
         [issuer]\nname = \"ỦY BAN NHÂN DÂN XÃ TÂN HÒA\"\ncode = \"UBND\"\n\
         [signature]\nauthority = \"TM. ỦY BAN NHÂN DÂN\"\ntitle = \"CHỦ TỊCH\"\nname = \"Trần Văn Bình\"\n\
         {extra}\n\
         [recipients]\nitems = [\"Công an xã\"]\narchive = \"VT, VP\"\n"
    )
}

/// Files by their path in a folder.
type Files<'a> = Vec<(&'a str, Vec<u8>)>;

/// A folder holding `vb.toml` with `text` and the given files.
fn folder(text: &str, files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("vb.toml"), text).expect("write input");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write file");
    }
    dir
}

/// What `vanban check` says of `vb.toml` in `dir`, with `job`.
fn problems_with(job: &Job, dir: &Path) -> Vec<String> {
    let input = Input::file(&dir.join("vb.toml")).expect("readable");
    // The name messages use, whatever the temporary folder.
    let input = Input {
        name: "vb.toml".to_owned(),
        ..input
    };
    pipeline::check(job, &input)
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn problems(text: &str, files: &[(&str, Vec<u8>)]) -> Vec<String> {
    let dir = folder(text, files);
    problems_with(&Job::default(), dir.path())
}

const WHERE: &str =
    "gợi ý: ghi đường dẫn của ảnh tính từ thư mục của tệp đầu vào, ví dụ \"anh/chu-ky.png\"";
const PNG_HINT: &str = "gợi ý: lưu ảnh theo định dạng PNG nền trong suốt, như Nghị định 30/2020/NĐ-CP và Hướng dẫn 05-HD/VPTW quy định cho văn bản điện tử";
const OPAQUE_HINT: &str = "gợi ý: lưu ảnh PNG nền trong suốt (có kênh alpha), như Nghị định 30/2020/NĐ-CP và Hướng dẫn 05-HD/VPTW quy định cho văn bản điện tử";

fn opaque_warning(field: &str, column: usize, path: &str) -> String {
    format!(
        "vb.toml:13:{column}: cảnh báo: signature.{field}: ảnh `{path}` có nền không trong suốt: nền ảnh sẽ che chữ và ảnh nằm dưới nó [image-background]\n  {OPAQUE_HINT}"
    )
}

#[test]
fn opaque_pictures_warn_and_transparent_ones_do_not() {
    let text = doc("image = \"ky.png\"");
    assert_eq!(
        problems(&text, &[("ky.png", opaque_png())]),
        [opaque_warning("image", 9, "ky.png")]
    );
    assert_eq!(
        problems(&text, &[("ky.png", signature_png(60, 20))]),
        Vec::<String>::new()
    );
    // The rule can be switched off, in the input or on the command line.
    let allowed = format!("{text}[lint]\nallow = [\"image-background\"]\n");
    assert_eq!(
        problems(&allowed, &[("ky.png", opaque_png())]),
        Vec::<String>::new()
    );
    let dir = folder(&text, &[("ky.png", opaque_png())]);
    let job = Job::default()
        .allow(&["image-background".to_owned()])
        .expect("a rule");
    assert_eq!(problems_with(&job, dir.path()), Vec::<String>::new());
}

/// Grey-scale, 16-bit and palette pictures are read; their transparency is
/// seen whatever the way it is written (alpha channel, tRNS chunk).
#[test]
fn every_kind_of_png_is_read() {
    use png::{BitDepth as D, ColorType as C};
    let text = doc("image = \"ky.png\"");
    let grey_alpha = png(
        8,
        8,
        C::GrayscaleAlpha,
        D::Eight,
        |_| {},
        pixels(8, 8, |x, _| vec![0, if x < 4 { 0 } else { 255 }]),
    );
    let rgba16 = png(
        8,
        8,
        C::Rgba,
        D::Sixteen,
        |_| {},
        pixels(8, 8, |x, _| {
            let a: u16 = if x < 4 { 0 } else { 65535 };
            [0u16, 0, 200, a]
                .iter()
                .flat_map(|v| v.to_be_bytes())
                .collect()
        }),
    );
    let palette_trns = png(
        8,
        8,
        C::Indexed,
        D::Eight,
        |e| {
            e.set_palette(vec![255, 255, 255, 20, 40, 160]);
            e.set_trns(vec![0, 255]);
        },
        pixels(8, 8, |x, _| vec![u8::from(x >= 4)]),
    );
    let palette = png(
        8,
        8,
        C::Indexed,
        D::Eight,
        |e| e.set_palette(vec![255, 255, 255, 20, 40, 160]),
        pixels(8, 8, |x, _| vec![u8::from(x >= 4)]),
    );
    let grey = png(8, 8, C::Grayscale, D::Eight, |_| {}, vec![128; 64]);
    // Four pixels a byte.
    let grey_two_bit = png(8, 8, C::Grayscale, D::Two, |_| {}, vec![0b0110_1100; 16]);
    for (what, bytes, transparent) in [
        ("grey and alpha", grey_alpha, true),
        ("16-bit", rgba16, true),
        ("palette with tRNS", palette_trns, true),
        ("palette", palette, false),
        ("grey", grey, false),
        ("2-bit grey", grey_two_bit, false),
    ] {
        let found = problems(&text, &[("ky.png", bytes.clone())]);
        let expected = if transparent {
            vec![]
        } else {
            vec![opaque_warning("image", 9, "ky.png")]
        };
        assert_eq!(found, expected, "{what}");
        // And Typst draws it.
        let dir = folder(&text, &[("ky.png", bytes)]);
        let input = Input::file(&dir.path().join("vb.toml")).expect("readable");
        let made = pipeline::make(&Engine::new(), &Job::default(), &input);
        assert!(made.result.is_ok(), "{what}: {:?}", made.result.err());
    }
}

#[test]
fn bad_pictures_get_exact_messages() {
    let image = doc("image = \"anh/ky.png\"");
    let at = "vb.toml:13:9: lỗi: signature.image:";
    let whole = signature_png(200, 80);
    let cases: Vec<(&str, Files, String)> = vec![
        (
            "missing",
            vec![],
            format!("{at} không có tệp ảnh `anh/ky.png`\n  {WHERE}"),
        ),
        (
            "truncated",
            vec![("anh/ky.png", whole[..whole.len() / 2].to_vec())],
            format!(
                "{at} tệp ảnh `anh/ky.png` bị hỏng hoặc không trọn vẹn\n  gợi ý: xuất lại ảnh PNG từ chương trình đã tạo ra nó"
            ),
        ),
        (
            "no end",
            vec![("anh/ky.png", whole[..whole.len() - 12].to_vec())],
            format!(
                "{at} tệp ảnh `anh/ky.png` bị hỏng hoặc không trọn vẹn\n  gợi ý: xuất lại ảnh PNG từ chương trình đã tạo ra nó"
            ),
        ),
        (
            "JPEG",
            vec![("anh/ky.png", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0".to_vec())],
            format!("{at} `anh/ky.png` là ảnh JPEG, không phải ảnh PNG\n  {PNG_HINT}"),
        ),
        (
            "text",
            vec![("anh/ky.png", b"chu ky".to_vec())],
            format!("{at} `anh/ky.png` không phải là ảnh PNG\n  {PNG_HINT}"),
        ),
        (
            "huge",
            vec![(
                "anh/ky.png",
                png(
                    3001,
                    2,
                    png::ColorType::Grayscale,
                    png::BitDepth::Eight,
                    |_| {},
                    vec![0; 3001 * 2],
                ),
            )],
            format!(
                "{at} ảnh `anh/ky.png` có 3001 × 2 điểm ảnh; vanban chỉ nhận ảnh tối đa 3000 điểm ảnh mỗi chiều\n  \
                 gợi ý: thu nhỏ ảnh: rộng 600 đến 1000 điểm ảnh là đủ rõ cho chữ ký hay con dấu"
            ),
        ),
        (
            "heavy",
            vec![("anh/ky.png", {
                let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
                b.resize(5 * 1024 * 1024, 0);
                b
            })],
            format!(
                "{at} tệp ảnh `anh/ky.png` nặng 5.0 MB; vanban chỉ nhận ảnh tối đa 4 MB\n  \
                 gợi ý: lưu lại ảnh với độ phân giải thấp hơn: 300 điểm ảnh mỗi inch là đủ rõ"
            ),
        ),
    ];
    for (what, files, message) in cases {
        assert_eq!(problems(&image, &files), [message], "{what}");
        // `render` refuses it with the same words (errors only).
        let dir = folder(&image, &files);
        let input = Input::file(&dir.path().join("vb.toml")).expect("readable");
        let made = pipeline::make(&Engine::new(), &Job::default(), &input);
        assert!(
            matches!(made.result, Err(vanban::Error::Input(_))),
            "{what}"
        );
    }

    // A folder where a file should be.
    let dir = folder(&image, &[]);
    std::fs::create_dir_all(dir.path().join("anh/ky.png")).expect("mkdir");
    assert_eq!(
        problems_with(&Job::default(), dir.path()),
        [format!(
            "{at} `anh/ky.png` là một thư mục, không phải tệp ảnh\n  {WHERE}"
        )]
    );

    // A link that leads out of the input's folder.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("ky.png"), signature_png(20, 10)).expect("write");
        let dir = folder(&image, &[]);
        std::fs::create_dir(dir.path().join("anh")).expect("mkdir");
        std::os::unix::fs::symlink(outside.path().join("ky.png"), dir.path().join("anh/ky.png"))
            .expect("link");
        assert_eq!(
            problems_with(&Job::default(), dir.path()),
            [format!(
                "{at} ảnh `anh/ky.png` nằm ngoài thư mục của tệp đầu vào (qua một liên kết)\n  \
                 gợi ý: chép ảnh vào thư mục của tệp đầu vào hoặc thư mục con của nó"
            )]
        );
    }

    // Both pictures wrong at once: both told.
    assert_eq!(
        problems(
            &doc("image = \"ky.png\"\nseal = \"dau.png\""),
            &[("dau.png", opaque_png())]
        ),
        [
            format!("{at} không có tệp ảnh `ky.png`\n  {WHERE}"),
            "vb.toml:14:8: cảnh báo: signature.seal: ảnh `dau.png` có nền không trong suốt: nền ảnh sẽ che chữ và ảnh nằm dưới nó [image-background]\n  "
                .to_owned()
                + OPAQUE_HINT,
        ]
    );
}

#[test]
fn picture_fields_are_checked_where_they_are_written() {
    let cases = [
        (
            "image = \"../ky.png\"",
            "vb.toml:13:9: lỗi: signature.image: ảnh `../ky.png` nằm ngoài thư mục của tệp đầu vào\n  \
             gợi ý: để ảnh trong thư mục của tệp đầu vào hoặc thư mục con và ghi đường dẫn tương đối, ví dụ \"anh/chu-ky.png\"",
        ),
        (
            "seal = \"/etc/dau.png\"",
            "vb.toml:13:8: lỗi: signature.seal: ảnh `/etc/dau.png` nằm ngoài thư mục của tệp đầu vào\n  \
             gợi ý: để ảnh trong thư mục của tệp đầu vào hoặc thư mục con và ghi đường dẫn tương đối, ví dụ \"anh/chu-ky.png\"",
        ),
        (
            "image = \" \"",
            "vb.toml:13:9: lỗi: signature.image: trường này không được để trống\n  \
             gợi ý: ghi tên tệp ảnh PNG nằm cạnh tệp đầu vào, hoặc bỏ trường này đi",
        ),
        (
            "seal = \"dau.png\"\nseal_diameter_mm = 80",
            "vb.toml:14:20: lỗi: signature.seal_diameter_mm: đường kính dấu 80 mm nằm ngoài khoảng cho phép: từ 20 đến 50 mm\n  \
             gợi ý: ghi đường kính thật của con dấu, đo bằng thước; bỏ trường này đi thì là 36 mm, cỡ dấu tròn thường gặp",
        ),
        (
            "seal_diameter_mm = 40",
            "vb.toml:13:20: lỗi: signature.seal_diameter_mm: có đường kính dấu nhưng không có ảnh dấu\n  \
             gợi ý: thêm `seal = \"dau.png\"`, hoặc bỏ `seal_diameter_mm` đi",
        ),
        (
            "seal_diameter_mm = \"36\"",
            "vb.toml:13:20: lỗi: signature.seal_diameter_mm: sai kiểu: đang là văn bản \"36\", cần một số\n  \
             gợi ý: viết số không có dấu nháy, ví dụ 25",
        ),
    ];
    for (line, message) in cases {
        assert_eq!(
            problems(&doc(line), &[("dau.png", signature_png(40, 40))]),
            [message],
            "{line}"
        );
    }
}

// ------------------------------------------------------------------ layout

/// A picture as laid out, in mm from the page's top-left corner.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub pixels: (u32, u32),
}

impl Placed {
    fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// What a page paints, in the order it paints it: pictures, and text runs
/// by their text.
#[derive(Debug, Clone)]
enum Painted {
    Picture(Placed),
    Text(String),
}

fn painted(compiled: &vanban::engine::Compiled, page: usize) -> Vec<Painted> {
    fn walk(frame: &Frame, ts: Transform, out: &mut Vec<Painted>) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(g) => walk(
                    &g.frame,
                    ts.pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(g.transform),
                    out,
                ),
                FrameItem::Image(image, size, _) => {
                    let at = pos.transform(ts);
                    out.push(Painted::Picture(Placed {
                        x: pt_to_mm(at.x.to_pt()),
                        y: pt_to_mm(at.y.to_pt()),
                        width: pt_to_mm(size.x.to_pt() * ts.sx.get()),
                        height: pt_to_mm(size.y.to_pt() * ts.sy.get()),
                        pixels: (image.width() as u32, image.height() as u32),
                    }));
                }
                FrameItem::Text(t) => out.push(Painted::Text(t.text.to_string())),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &compiled.document.pages()[page - 1].frame,
        Transform::identity(),
        &mut out,
    );
    out
}

pub fn pictures(compiled: &vanban::engine::Compiled, page: usize) -> Vec<Placed> {
    painted(compiled, page)
        .into_iter()
        .filter_map(|p| match p {
            Painted::Picture(p) => Some(p),
            Painted::Text(_) => None,
        })
        .collect()
}

/// The example with its picture fields taken out.
fn without_pictures(text: &str) -> String {
    text.lines()
        .filter(|l| {
            !(l.starts_with("image =")
                || l.starts_with("seal =")
                || l.starts_with("seal_diameter_mm"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn compile_text(text: &str) -> vanban::engine::Compiled {
    let input = Input::text(
        EXAMPLE,
        text.to_owned(),
        path(EXAMPLE).parent().map(Path::to_owned),
    );
    let doc = pipeline::load(&Job::default(), &input)
        .expect("valid")
        .document;
    compile_doc(&doc)
}

#[test]
fn the_signature_sits_between_title_and_name_and_the_seal_over_its_left_third() {
    let compiled = example(EXAMPLE);
    let layout = example_layout(EXAMPLE);
    let found = pictures(compiled, 1);
    assert_eq!(found.len(), 2, "a signature and a seal");
    let signature = found
        .iter()
        .find(|p| p.pixels == (591, 236))
        .expect("signature");
    let seal = found.iter().find(|p| p.pixels == (425, 425)).expect("seal");

    let line = |text: &str| {
        layout
            .runs
            .iter()
            .find(|r| r.text == text)
            .unwrap_or_else(|| panic!("no line {text:?}"))
    };
    let title = line("CHỦ TỊCH");
    let name = line("Trần Văn Bình");
    let axis = S.page_width_mm - S.margin_right_mm - S.signature_width_mm / 2.0;
    close(title.centre(), axis, "the title on the block's axis");
    close(name.centre(), axis, "the name on the block's axis");

    let (sx, sy) = signature.centre();
    assert!(
        (sx - axis).abs() < 0.2,
        "signature centre {sx:.2} mm, axis {axis:.2} mm"
    );
    assert!(title.y < sy && sy < name.y, "between the baselines");
    // The middle of the room between the title's line and the name's.
    let pitch = pt_to_mm(S.signature_pitch_pt);
    let room_middle = (title.y + pitch * 0.25 + name.y - pitch * 0.75) / 2.0;
    assert!(
        (sy - room_middle).abs() < 0.2,
        "{sy:.2} mm, room's middle {room_middle:.2} mm"
    );
    // At its own size (300 dpi in the file), which fits the room.
    assert!(
        (signature.width - 591.0 / 300.0 * 25.4).abs() < 0.2,
        "{signature:?}"
    );
    assert!(signature.height <= S.signature_space_mm + 0.01);

    assert!(
        (seal.width - 36.0).abs() <= 0.2,
        "seal {:.2} mm wide",
        seal.width
    );
    assert!((seal.height - 36.0).abs() <= 0.2);
    let overlap = seal.x + seal.width - signature.x;
    assert!(
        (overlap - signature.width / 3.0).abs() <= 1.0,
        "the seal covers {overlap:.2} mm of a {:.2} mm signature",
        signature.width
    );
    assert!(seal.x < signature.x, "the seal on the left");
    assert!(
        (seal.centre().1 - sy).abs() < 0.2,
        "on the signature's centre line"
    );
}

#[test]
fn the_seal_lies_on_top_like_ink_on_paper() {
    let page = painted(example(EXAMPLE), 1);
    let name = page
        .iter()
        .position(|p| matches!(p, Painted::Text(t) if t.contains("Trần Văn Bình")))
        .expect("the name");
    let after: Vec<(u32, u32)> = page[name..]
        .iter()
        .filter_map(|p| match p {
            Painted::Picture(p) => Some(p.pixels),
            Painted::Text(_) => None,
        })
        .collect();
    // Painted after the block's text, the signature first, the seal over it.
    assert_eq!(after, [(591, 236), (425, 425)]);
}

#[test]
fn nothing_else_moves_when_the_pictures_are_added() {
    let with = example_layout(EXAMPLE);
    let plain = compile_text(&without_pictures(&read(EXAMPLE)));
    let none = pictures(&plain, 1);
    assert!(none.is_empty(), "no picture without the fields");
    let without = Layout::of(&plain);
    assert_eq!(with.page_count(), without.page_count());
    assert_eq!(with.runs.len(), without.runs.len());
    for (a, b) in with.runs.iter().zip(&without.runs) {
        assert_eq!(a.text, b.text);
        assert_eq!((a.page, a.size_pt, a.bold), (b.page, b.size_pt, b.bold));
        assert!(
            (a.x - b.x).abs() < 1e-6 && (a.y - b.y).abs() < 1e-6,
            "{:?} moved: ({:.3}, {:.3}) → ({:.3}, {:.3})",
            a.text,
            b.x,
            b.y,
            a.x,
            a.y
        );
    }
    assert_eq!(with.rules.len(), without.rules.len());
    for (a, b) in with.rules.iter().zip(&without.rules) {
        assert!((a.x - b.x).abs() < 1e-6 && (a.y - b.y).abs() < 1e-6 && a.length == b.length);
    }
}

/// The job of `--no-images`.
fn paper() -> Job {
    Job {
        images: ImageUse::LeaveOut,
        ..Job::default()
    }
}

#[test]
fn no_images_makes_the_paper_original() {
    let input = Input::file(&path(EXAMPLE)).expect("readable");
    let job = paper();
    let made = pipeline::make(&Engine::new(), &job, &input)
        .result
        .expect("made");
    let none = pictures(&made.compiled, 1);
    assert!(none.is_empty());
    let paper = Layout::of(&made.compiled);
    let electronic = example_layout(EXAMPLE);
    let texts = |l: &Layout| {
        l.runs
            .iter()
            .map(|r| (r.text.clone(), r.x.to_bits(), r.y.to_bits()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&paper), texts(electronic));
    // The pictures are not even read: missing ones are no error.
    let dir = folder(&doc("image = \"khong-co.png\""), &[]);
    assert_eq!(problems_with(&job, dir.path()), Vec::<String>::new());
    let out = vanban(&["render", "vb.toml", "--no-images"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// ---------------------------------------------------------- PDF, PDF/A, CLI

fn vanban(args: &[&str], dir: &Path) -> Output {
    run_vanban(args, dir)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim_end().to_owned()
}

/// Every example's input file.
fn examples() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(path("examples"))
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    all.sort();
    assert!(all.len() >= 6);
    all
}

fn make(job: &Job, input: &Input) -> Vec<u8> {
    pipeline::make(&Engine::new(), job, input)
        .result
        .unwrap_or_else(|e| panic!("{}: {e}", input.name))
        .files
        .remove(0)
        .bytes
}

/// Every example's PDF carries its source byte for byte and its pictures;
/// made again from that PDF, it is the same PDF, byte for byte.
#[test]
fn every_pdf_carries_its_source_and_gives_itself_back() {
    for example in examples() {
        let input = Input::file(&example).expect("readable");
        let pdf = make(&Job::default(), &input);
        let original = vanban::pdf::embedded::original("x.pdf", &pdf).expect("a source inside");
        assert_eq!(
            original.source.bytes,
            std::fs::read(&example).expect("read")
        );
        assert_eq!(
            Some(original.source.name.as_str()),
            example.file_name().and_then(|n| n.to_str())
        );
        assert_eq!(
            original.source.mime_type.as_deref(),
            Some("application/toml")
        );
        let doc = pipeline::load(&Job::default(), &input)
            .expect("valid")
            .document;
        let named: Vec<&str> = [&doc.signature.image, &doc.signature.seal]
            .into_iter()
            .flatten()
            .map(|i| i.path.as_str())
            .collect();
        let carried: Vec<&str> = original.images.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(carried, named, "{}", example.display());
        for image in &original.images {
            let folder = example.parent().expect("folder");
            assert_eq!(
                image.bytes,
                std::fs::read(folder.join(&image.name)).expect("read")
            );
        }
        let again = Input::from_pdf(
            "x.pdf",
            &pdf,
            example.parent().map(Path::to_owned),
            "x".into(),
        )
        .expect("a source inside");
        assert!(
            make(&Job::default(), &again) == pdf,
            "{}",
            example.display()
        );
    }
}

/// Under PDF/A-2 a PDF may not carry files: the source is left out; under
/// PDF/A-3 it goes in, related as its source.
#[test]
fn pdf_a_two_leaves_the_source_out_and_three_keeps_it() {
    let input = Input::file(&path(EXAMPLE)).expect("readable");
    for (standard, carries) in [
        (vanban::original::PdfStandard::A2b, false),
        (vanban::original::PdfStandard::A3b, true),
        (vanban::original::PdfStandard::Pdf17, true),
    ] {
        let job = Job {
            pdf_standard: standard,
            ..Job::default()
        };
        let pdf = make(&job, &input);
        let (files, creator) = vanban::pdf::embedded::files(&pdf).expect("readable");
        assert!(creator.is_some_and(|c| c.starts_with("vanban ")));
        assert_eq!(files.len(), if carries { 3 } else { 0 }, "{standard:?}");
        if standard == vanban::original::PdfStandard::A3b {
            assert!(
                files
                    .iter()
                    .all(|f| f.relationship.as_deref() == Some("Source"))
            );
        }
    }
}

/// Whether the outside checkers are here; without them the checks are
/// skipped with a note, unless VANBAN_REQUIRE_TOOLS=1 (CI) makes that a
/// failure.
fn tools_present() -> bool {
    let qpdf = Command::new("qpdf")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let pikepdf = Command::new("python3")
        .args(["-c", "import pikepdf"])
        .output()
        .is_ok_and(|o| o.status.success());
    if qpdf && pikepdf {
        return true;
    }
    let missing = format!("qpdf: {qpdf}, pikepdf: {pikepdf}; install them with .ci/install-tools");
    assert!(
        std::env::var("VANBAN_REQUIRE_TOOLS").as_deref() != Ok("1"),
        "VANBAN_REQUIRE_TOOLS=1 but a PDF checker is missing ({missing})"
    );
    eprintln!("note: PDF/A structure checks skipped ({missing})");
    false
}

/// What pikepdf reads of a PDF: the XMP pdfaid part and conformance,
/// whether there is an output intent, and each carried file's name,
/// relationship and bytes (written to `dir/<index>`).
const PIKEPDF: &str = r#"
import json, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
meta = pdf.open_metadata()
files = []
for i, (name, spec) in enumerate(pdf.attachments.items()):
    out = f"{sys.argv[2]}/{i}"
    open(out, "wb").write(spec.get_file().read_bytes())
    rel = spec.obj.get("/AFRelationship")
    files.append([name, str(rel) if rel is not None else None, out])
intents = pdf.Root.get("/OutputIntents")
print(json.dumps({
    "part": meta.get("pdfaid:part"),
    "conformance": meta.get("pdfaid:conformance"),
    "intent": str(intents[0].get("/S")) if intents else None,
    "af": len(pdf.Root.get("/AF", [])),
    "files": files,
}))
"#;

#[test]
fn pdf_a_outputs_pass_typst_and_outside_checks() {
    let check = tools_present();
    let dir = tempfile::tempdir().expect("temp dir");
    for example in examples() {
        let input = Input::file(&example).expect("readable");
        for (standard, part) in [
            (vanban::original::PdfStandard::A2b, "2"),
            (vanban::original::PdfStandard::A3b, "3"),
        ] {
            let job = Job {
                pdf_standard: standard,
                ..Job::default()
            };
            // Typst checks every rule it knows while writing.
            let pdf = make(&job, &input);
            if !check {
                continue;
            }
            let file = dir.path().join("out.pdf");
            std::fs::write(&file, &pdf).expect("write");
            let qpdf = Command::new("qpdf")
                .arg("--check")
                .arg(&file)
                .output()
                .expect("qpdf");
            assert!(
                qpdf.status.success(),
                "{}: qpdf --check: {}",
                example.display(),
                String::from_utf8_lossy(&qpdf.stdout)
            );
            let out = Command::new("python3")
                .args(["-c", PIKEPDF])
                .arg(&file)
                .arg(dir.path())
                .output()
                .expect("python3");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let seen: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("pikepdf's report");
            let what = format!("{} {standard:?}: {seen}", example.display());
            assert_eq!(seen["part"], part, "{what}");
            assert_eq!(seen["conformance"], "B", "{what}");
            assert_eq!(seen["intent"], "/GTS_PDFA1", "{what}");
            let files = seen["files"].as_array().expect("files");
            if part == "2" {
                assert!(files.is_empty(), "{what}");
                continue;
            }
            assert_eq!(seen["af"].as_u64(), Some(files.len() as u64), "{what}");
            let name = example.file_name().and_then(|n| n.to_str()).expect("name");
            let source = files.iter().find(|f| f[0] == name).expect("the source");
            assert_eq!(source[1], "/Source", "{what}");
            let bytes = std::fs::read(source[2].as_str().expect("path")).expect("read");
            assert_eq!(bytes, std::fs::read(&example).expect("read"), "{what}");
        }
    }
}

#[test]
fn extract_writes_the_source_and_its_pictures_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = vanban(
        &[
            "render",
            path(EXAMPLE).to_str().expect("utf-8"),
            "-o",
            "dt.pdf",
        ],
        dir.path(),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let out = vanban(&["extract", "dt.pdf"], dir.path());
    assert_eq!(
        stderr(&out),
        "thong-bao-dien-tu.toml (kèm ảnh: anh/chu-ky.png, anh/dau.png)"
    );
    assert_eq!(out.status.code(), Some(0));
    for name in ["thong-bao-dien-tu.toml", "anh/chu-ky.png", "anh/dau.png"] {
        assert_eq!(
            std::fs::read(dir.path().join(name)).expect("written"),
            std::fs::read(path("examples").join(name)).expect("read"),
            "{name}"
        );
    }
    // Again: the same files are there already, which is fine.
    assert_eq!(
        vanban(&["extract", "dt.pdf"], dir.path()).status.code(),
        Some(0)
    );
    // An edited source is never overwritten.
    std::fs::write(dir.path().join("thong-bao-dien-tu.toml"), "sửa").expect("write");
    let refused = vanban(&["extract", "dt.pdf"], dir.path());
    assert_eq!(
        stderr(&refused),
        "không thể ghi thong-bao-dien-tu.toml: đã có tệp này với nội dung khác; ghi vào chỗ khác bằng -o"
    );
    assert_eq!(refused.status.code(), Some(3));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("thong-bao-dien-tu.toml")).expect("read"),
        "sửa"
    );
    // -o elsewhere, pictures beside it; -o - the source alone.
    let moved = vanban(&["extract", "dt.pdf", "-o", "ban-sao/vb.toml"], dir.path());
    assert!(moved.status.success(), "{}", stderr(&moved));
    assert!(dir.path().join("ban-sao/anh/dau.png").is_file());
    let piped = vanban(&["extract", "dt.pdf", "-o", "-"], dir.path());
    assert_eq!(piped.stdout, std::fs::read(path(EXAMPLE)).expect("read"));
    // Rendered again from the extracted source, or from the PDF itself:
    // the same PDF.
    let again = vanban(&["render", "ban-sao/vb.toml", "-o", "lai.pdf"], dir.path());
    assert!(again.status.success(), "{}", stderr(&again));
    let from_pdf = vanban(&["render", "dt.pdf", "-o", "tu-pdf.pdf"], dir.path());
    assert_eq!(stderr(&from_pdf), "tu-pdf.pdf (1 trang)");
    let read = |n: &str| std::fs::read(dir.path().join(n)).expect("read");
    assert!(
        read("tu-pdf.pdf") == read("dt.pdf"),
        "render DOC.pdf gives DOC.pdf back"
    );
    // Without -o, the PDF would be written over itself: refused.
    let over = vanban(&["render", "dt.pdf"], dir.path());
    assert_eq!(over.status.code(), Some(2));
}

#[test]
fn a_pdf_made_elsewhere_is_told_apart() {
    use lopdf::{Document, Object, dictionary};
    let mut pdf = Document::with_version("1.7");
    let pages = pdf.new_object_id();
    let page = pdf.add_object(dictionary! {"Type" => "Page", "Parent" => pages, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()]});
    pdf.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1},
        ),
    );
    let catalog = pdf.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages});
    pdf.trailer.set("Root", catalog);
    let info =
        pdf.add_object(dictionary! {"Creator" => Object::string_literal("LibreOffice Writer")});
    pdf.trailer.set("Info", info);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).expect("save");

    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("khac.pdf"), &bytes).expect("write");
    let expected = "khac.pdf: lỗi: tệp PDF này không do vanban tạo ra nên không có tệp nguồn bên trong\n  \
                    gợi ý: chỉ mở lại được tệp PDF do vanban tạo; với văn bản khác, hãy soạn tệp TOML (xem docs/schema.md)";
    for args in [
        &["extract", "khac.pdf"][..],
        &["render", "khac.pdf", "-o", "x.pdf"],
    ] {
        let out = vanban(args, dir.path());
        assert_eq!(stderr(&out), expected, "{args:?}");
        assert_eq!(out.status.code(), Some(1));
    }
    std::fs::write(dir.path().join("hong.pdf"), b"%PDF-1.7\nkhong phai pdf").expect("write");
    let out = vanban(&["extract", "hong.pdf"], dir.path());
    assert_eq!(
        stderr(&out),
        "hong.pdf: lỗi: tệp PDF bị hỏng, không đọc được\n  gợi ý: mở lại tệp PDF gốc do vanban tạo"
    );
    // vanban's own PDF/A-2 PDF says why it has no source.
    let src = folder(&read(EXAMPLE), &[]);
    std::fs::create_dir_all(src.path().join("anh")).expect("mkdir");
    for name in ["anh/chu-ky.png", "anh/dau.png"] {
        std::fs::copy(path("examples").join(name), src.path().join(name)).expect("copy");
    }
    let made = vanban(&["render", "vb.toml", "--pdf-standard", "a-2b"], src.path());
    assert_eq!(
        stderr(&made),
        "lưu ý: chuẩn PDF/A-2b không cho PDF mang tệp, nên PDF không mang theo tệp nguồn và ảnh; dùng a-3b để PDF mang theo chúng\nvb.pdf (1 trang)",
        "said once"
    );
    let out = vanban(&["extract", "vb.pdf"], src.path());
    assert_eq!(
        stderr(&out),
        "vb.pdf: lỗi: tệp PDF này do vanban tạo nhưng không mang tệp nguồn bên trong: chuẩn PDF/A-2 không cho gắn tệp\n  \
         gợi ý: dùng tệp TOML gốc; tạo PDF theo --pdf-standard a-3b (hoặc không ghi --pdf-standard) thì PDF mang theo tệp nguồn"
    );
}

/// A PDF made with --no-images carries no pictures: made again from it,
/// the pictures are missing, and --no-images makes it.
#[test]
fn a_paper_original_pdf_says_its_pictures_are_missing() {
    let input = Input::file(&path(EXAMPLE)).expect("readable");
    let paper = paper();
    let pdf = make(&paper, &input);
    let again = Input::from_pdf("dt.pdf", &pdf, None, "dt".into()).expect("a source inside");
    let errors = pipeline::make(&Engine::new(), &Job::default(), &again)
        .result
        .err()
        .expect("refused")
        .to_string();
    let hint = "gợi ý: tệp PDF này được tạo với --no-images: thêm --no-images, hoặc trích tệp nguồn ra (vanban extract) rồi đặt ảnh bên cạnh nó";
    assert_eq!(
        errors,
        format!(
            "dt.pdf/thong-bao-dien-tu.toml:40:9: lỗi: signature.image: tệp PDF không mang theo ảnh `anh/chu-ky.png` mà tệp nguồn cần\n  {hint}\n\
             dt.pdf/thong-bao-dien-tu.toml:41:8: lỗi: signature.seal: tệp PDF không mang theo ảnh `anh/dau.png` mà tệp nguồn cần\n  {hint}"
        )
    );
    assert!(make(&paper, &again) == pdf);
}

#[test]
fn a_document_that_cannot_keep_to_the_standard_exits_5() {
    let dir = folder(&read(EXAMPLE), &[]);
    std::fs::write(
        dir.path().join("non.typ"),
        "#import \"@vanban/vanban:1.0.0\": *\n#show: page-setup.with(data)\n\
         #rect(width: 2cm, height: 1cm, fill: gradient.conic(red, blue))\n",
    )
    .expect("write template");
    let out = vanban(
        &[
            "render",
            "vb.toml",
            "--no-images",
            "--template",
            "non.typ",
            "--pdf-standard",
            "a-3b",
        ],
        dir.path(),
    );
    assert_eq!(
        stderr(&out),
        "không xuất được văn bản: văn bản không đạt chuẩn PDF/A-3b: mẫu văn bản dùng dải màu hình nón (gradient.conic), chuẩn này không cho phép\n  \
         gợi ý: sửa chỗ được nêu, hoặc tạo PDF theo chuẩn khác (--pdf-standard)"
    );
    assert_eq!(out.status.code(), Some(5));
    assert!(!dir.path().join("vb.pdf").exists(), "nothing written");
    // The same template under the default standard makes a PDF.
    let out = vanban(
        &["render", "vb.toml", "--no-images", "--template", "non.typ"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // --pdf-standard is for PDFs only.
    let out = vanban(
        &[
            "render",
            "vb.toml",
            "--format",
            "png",
            "--pdf-standard",
            "a-3b",
        ],
        dir.path(),
    );
    assert_eq!(
        stderr(&out),
        "--pdf-standard chỉ dùng khi tạo PDF, không dùng với --format png"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_template_that_does_not_attach_the_source_is_refused() {
    let dir = folder(&doc(""), &[]);
    std::fs::write(
        dir.path().join("tran.typ"),
        "#import \"@vanban/vanban:1.0.0\": *\n#data.title\n",
    )
    .expect("write template");
    let out = vanban(&["render", "vb.toml", "--template", "tran.typ"], dir.path());
    assert_eq!(
        stderr(&out),
        "mẫu văn bản không biên dịch được:\n  \
         lỗi: mẫu văn bản không gắn `vb.toml` vào PDF: PDF phải mang theo tệp nguồn và ảnh của nó\n  \
         gợi ý: mẫu riêng dùng page-setup hoặc document của gói @vanban/vanban:1.0.0, hoặc gọi attach-files(data)"
    );
    assert_eq!(out.status.code(), Some(4));
    // An image of the pages needs no source.
    let out = vanban(
        &[
            "render",
            "vb.toml",
            "--template",
            "tran.typ",
            "--format",
            "png",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A batch reads each picture once, however many documents and workers
/// use it.
#[test]
fn a_batch_reads_each_picture_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = dir.path().join("vao");
    std::fs::create_dir_all(inputs.join("anh")).expect("mkdir");
    for name in ["chu-ky.png", "dau.png"] {
        std::fs::copy(
            path("examples/anh").join(name),
            inputs.join("anh").join(name),
        )
        .expect("copy");
    }
    let text = read(EXAMPLE);
    for i in 0..6 {
        std::fs::write(inputs.join(format!("vb-{i}.toml")), &text).expect("write");
    }
    let job = Job::default();
    let cache = std::sync::Arc::clone(&job.image_cache);
    let opts = vanban::batch::Options {
        job,
        out_dir: dir.path().join("ra"),
        name_pattern: "{stem}".into(),
        jobs: 2,
        fail_fast: false,
        interrupt: Default::default(),
    };
    std::fs::create_dir_all(&opts.out_dir).expect("mkdir");
    let entries = vanban::batch::collect_entries(&[inputs]).expect("entries");
    let summary = vanban::batch::run(&Engine::new(), &entries, &opts, |_| {});
    assert_eq!(summary.made, 6);
    assert_eq!(cache.files_read(), 2, "two pictures, read once each");
}

/// A source read from standard input is named for what it is.
#[test]
fn a_source_from_standard_input_gets_a_name() {
    use std::io::Write;
    for (text, name) in [
        (doc(""), "van-ban.toml"),
        (
            "\u{feff} {\"kind\": \"thong-bao\", \"place\": \"Tân Hòa\", \"date\": \"2026-09-15\", \
             \"summary\": \"Kết luận\", \"opening\": \"Chủ tịch UBND xã kết luận.\", \
             \"issuer\": {\"name\": \"ỦY BAN NHÂN DÂN XÃ\", \"code\": \"UBND\"}, \
             \"signature\": {\"title\": \"CHỦ TỊCH\", \"name\": \"Trần Văn Bình\"}, \
             \"recipients\": {\"archive\": \"VP\"}}"
                .to_owned(),
            "van-ban.json",
        ),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["render", "-", "-o", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("vanban runs");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(text.as_bytes()).expect("write");
        drop(stdin);
        let out = child.wait_with_output().expect("finishes");
        assert!(out.status.success(), "{}", stderr(&out));
        let original = vanban::pdf::embedded::original("-", &out.stdout).expect("a source inside");
        assert_eq!(original.source.name, name);
        assert_eq!(original.source.bytes, text.as_bytes());
    }
}
