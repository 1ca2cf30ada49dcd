//! The command line: every argument with help written, in Vietnamese, for
//! the people who draft the documents.

use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, Parser, Subcommand, ValueEnum};

/// clap's own layout, with its English headings replaced.
const HELP: &str = "\
{before-help}{about-with-newline}
Cách dùng: {usage}

{all-args}{after-help}";

/// vanban: văn bản kết luận chuẩn thể thức, từ một tệp TOML.
///
/// Ghi nội dung kết luận cuộc họp vào một tệp TOML; vanban trình bày đúng
/// thể thức và ghi ra tệp PDF sẵn sàng để in, ký và đóng dấu. Văn bản của
/// Đảng đề ngày trước 27/5/2026 theo Hướng dẫn 36-HD/VPTW, từ ngày đó theo
/// Hướng dẫn 05-HD/VPTW; văn bản của cơ quan nhà nước theo Nghị định
/// 30/2020/NĐ-CP. Ghi guide = "hd36", "hd05" hoặc "nd30" trong tệp đầu vào
/// để chọn thể thức khác với ngày (in lại văn bản cũ, soạn trước).
#[derive(Debug, Parser)]
#[command(
    name = "vanban",
    version,
    about,
    long_about,
    max_term_width = 100,
    help_template = HELP,
    subcommand_help_heading = "Lệnh",
    subcommand_value_name = "LỆNH",
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true,
    next_help_heading = "Tùy chọn",
    after_help = main_help()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// In hướng dẫn này.
    #[arg(short, long, action = ArgAction::Help, global = true, display_order = 100)]
    help: Option<bool>,

    /// In số phiên bản.
    #[arg(short = 'V', long, action = ArgAction::Version, display_order = 101)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tạo tệp PDF từ một tệp TOML.
    ///
    /// Ví dụ: vanban render ket-luan.toml
    /// ghi ket-luan.pdf bên cạnh ket-luan.toml.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban render [TÙY CHỌN] <TỆP>",
        after_help = "Mã thoát: 0 xong; 1 tệp đầu vào có lỗi (không ghi gì); 2 sai dòng lệnh; \
        3 không đọc hoặc ghi được tệp; 4 mẫu văn bản bị lỗi; 5 không xuất được PDF hoặc ảnh \
        (chẳng hạn văn bản không đạt chuẩn --pdf-standard); 6 lỗi của chính vanban."
    )]
    Render(RenderArgs),

    /// Tạo nhiều văn bản một lần.
    ///
    /// Ví dụ: vanban batch thu-muc/ -o pdf/
    /// tạo trong pdf/ một tệp PDF cho mỗi tệp .toml và .json trong thu-muc/.
    /// Văn bản có lỗi được báo, các văn bản khác vẫn được tạo.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban batch [TÙY CHỌN] -o <THƯ MỤC> [TỆP]...",
        after_help = "Mã thoát: 0 tạo được mọi văn bản; 1 có văn bản không tạo được (đều có báo \
        lỗi); 2 sai dòng lệnh; 3 không dùng được thư mục kết quả hoặc danh sách đầu vào; \
        6 lỗi của chính vanban; 130 bị ngắt bằng Ctrl-C (các tệp đã ghi đều đầy đủ)."
    )]
    Batch(BatchArgs),

    /// Kiểm tra văn bản mà không tạo PDF.
    ///
    /// In mọi lỗi và cảnh báo theo dạng TỆP:DÒNG:CỘT: MỨC: TRƯỜNG: NỘI DUNG,
    /// kèm gợi ý. Cảnh báo là những sơ suất văn thư hay trả lại văn bản; mỗi
    /// cảnh báo ghi tên quy tắc của nó trong [ngoặc vuông]. Không có lỗi hay
    /// cảnh báo nào thì không in gì, trừ khi chạy trên màn hình: khi đó báo
    /// một dòng, ví dụ "3 tệp, không có lỗi hay cảnh báo".
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban check [TÙY CHỌN] <TỆP>...",
        after_help = check_help()
    )]
    Check(CheckArgs),

    /// In dữ liệu JSON mà mẫu văn bản nhận được, để viết mẫu riêng.
    ///
    /// Ví dụ: vanban data ket-luan.toml > du-lieu.json
    /// Mẫu Typst đọc dữ liệu này qua biến `data` (xem docs/templates.md).
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban data [TÙY CHỌN] <TỆP>",
        after_help = "Mã thoát: 0 xong; 1 tệp đầu vào có lỗi; 2 sai dòng lệnh; 3 không đọc được tệp."
    )]
    Data(DataArgs),

    /// Lấy lại tệp nguồn (TOML hoặc JSON) từ tệp PDF do vanban tạo.
    ///
    /// Ví dụ: vanban extract ket-luan.pdf
    /// ghi tệp nguồn mà ket-luan.pdf mang theo (ví dụ ket-luan.toml) bên cạnh
    /// nó, đúng từng byte như lúc tạo, cùng các ảnh chữ ký và dấu theo đường dẫn
    /// mà tệp nguồn ghi. Không ghi đè tệp đã có mà khác nội dung.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban extract [TÙY CHỌN] <TỆP.pdf>",
        after_help = "Mã thoát: 0 xong; 1 tệp PDF không mang tệp nguồn (không do vanban tạo, hoặc theo \
        PDF/A-2); 2 sai dòng lệnh; 3 không đọc hoặc ghi được tệp, hoặc tệp đã có mà khác nội dung."
    )]
    Extract(ExtractArgs),

    /// Ký số văn bản PDF (chữ ký của người ký).
    ///
    /// Ví dụ: vanban sign ket-luan.pdf --p12 chu-ky.p12
    /// ghi ket-luan-da-ky.pdf. Chữ ký đặt vào khoảng trống giữa chức vụ và
    /// họ tên người ký; số và ngày còn để trống vẫn điền được sau đó.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban sign [TÙY CHỌN] <TỆP.pdf> (--p12 <TỆP> | --pkcs11 <THƯ VIỆN>)",
        after_help = "Mã thoát: 0 đã ký; 1 không ký được (văn bản, chứng thư số hoặc mật khẩu có \
        vấn đề; không ghi gì); 2 sai dòng lệnh; 3 không đọc hoặc ghi được tệp."
    )]
    Sign(SignArgs),

    /// Văn thư cấp số, ghi ngày và ký số của cơ quan ban hành.
    ///
    /// Ví dụ: vanban issue ket-luan-da-ky.pdf --number 15 --date 2020-11-05 --p12 co-quan.p12
    /// điền số và ngày vào chỗ để trống của văn bản người ký đã ký, rồi ký
    /// số của cơ quan; chữ ký của người ký vẫn hợp lệ. Văn bản chưa ai ký
    /// thì được tạo lại từ tệp nguồn mang trong PDF, có số và ngày, rồi ký.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban issue [TÙY CHỌN] <TỆP.pdf> --number <SỐ> (--p12 <TỆP> | --pkcs11 <THƯ VIỆN>)",
        after_help = "Mã thoát: 0 đã ban hành; 1 không ban hành được (không ghi gì); 2 sai dòng \
        lệnh; 3 không đọc hoặc ghi được tệp."
    )]
    Issue(IssueArgs),

    /// Kiểm tra các chữ ký số của văn bản PDF.
    ///
    /// Ví dụ: vanban verify ket-luan-da-ky.pdf
    /// liệt kê từng chữ ký: ai ký, lúc nào, ký phần nào, còn nguyên vẹn
    /// không, văn bản có bị sửa sau khi ký không.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban verify [TÙY CHỌN] <TỆP.pdf>",
        after_help = "Mã thoát: 0 mọi chữ ký còn nguyên vẹn (hoặc chưa có chữ ký); 1 có chữ ký \
        bị hỏng hoặc văn bản bị sửa sau khi ký; 3 không đọc được tệp."
    )]
    Verify(VerifyArgs),

    /// Tạo tệp TOML mới từ văn bản mẫu của một loại.
    ///
    /// Ví dụ: vanban new ket-luan ket-luan.toml
    /// Mỗi trường có ghi chú tiếng Việt; những chỗ «…» cần thay bằng nội dung
    /// thật, `vanban check` chỉ ra chỗ nào còn sót.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban new <LOẠI> [TỆP]",
        after_help = "Không ghi TỆP thì in ra đầu ra chuẩn. Không ghi đè tệp đã có. Mã thoát: 0 \
        xong; 2 sai dòng lệnh; 3 không ghi được tệp (hoặc tệp đã có)."
    )]
    New(NewArgs),

    /// Soạn văn bản trong trình duyệt, xem trang in ngay khi gõ.
    ///
    /// Ví dụ: vanban soan ket-luan.toml
    /// mở trình soạn thảo trong trình duyệt: bên trái là các trường, bên
    /// phải là các trang đúng như bản PDF. Chỉ máy này truy cập được.
    #[command(
        visible_alias = "soan",
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban edit [TÙY CHỌN] [TỆP]",
        after_help = "Không ghi TỆP, hoặc TỆP chưa có: bắt đầu từ văn bản mẫu của --kind. \
        Dừng bằng Ctrl-C, hoặc khi đóng thẻ trình duyệt cuối cùng. Mã thoát: 0 xong; 1 tệp có \
        lỗi cú pháp; 2 sai dòng lệnh; 3 không đọc được tệp hoặc không mở được cổng."
    )]
    Edit(EditArgs),

    /// Tạo lại tệp PDF mỗi khi tệp TOML được lưu.
    ///
    /// Ví dụ: vanban watch ket-luan.toml
    /// Để chạy bên cạnh trình soạn thảo văn bản: mỗi lần lưu, tệp PDF được
    /// làm lại; lưu lỗi thì in lỗi và giữ nguyên tệp PDF đã có.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban watch [TÙY CHỌN] <TỆP>",
        after_help = "Dừng bằng Ctrl-C. Mã thoát: 0 đã dừng; 2 sai dòng lệnh; 3 không đọc \
        được tệp lúc bắt đầu."
    )]
    Watch(WatchArgs),

    /// In lược đồ JSON (JSON Schema) của tệp đầu vào.
    ///
    /// Ví dụ: vanban schema > vanban.schema.json
    /// rồi ghi dòng `#:schema ./vanban.schema.json` ở đầu tệp TOML: trình
    /// soạn thảo dùng Taplo (Even Better TOML trong VS Code) sẽ gợi ý và
    /// kiểm tra các trường, kèm giải thích tiếng Việt.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban schema"
    )]
    Schema,

    /// In mã tự hoàn thành lệnh cho một shell.
    ///
    /// Ví dụ: vanban completions bash > /etc/bash_completion.d/vanban
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban completions <SHELL>"
    )]
    Completions(CompletionsArgs),

    /// In trang hướng dẫn (man page) của vanban, hoặc của một lệnh.
    ///
    /// Ví dụ: vanban man > vanban.1 && man ./vanban.1
    /// hoặc: vanban man render > vanban-render.1
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban man [LỆNH]"
    )]
    Man(ManArgs),

    /// Liệt kê các loại văn bản có sẵn.
    ///
    /// Mỗi loại là một giá trị của trường `kind` trong tệp đầu vào.
    #[command(
        help_template = HELP,
        disable_help_flag = true,
        override_usage = "vanban templates"
    )]
    Templates,
}

/// `vanban --help`'s closing words: the guides, and where to read more.
fn main_help() -> String {
    format!(
        "{}\n\nXem hướng dẫn của từng lệnh: vanban LỆNH --help",
        vanban::conventions::guides_help()
    )
}

/// `check --help`'s closing words: exit codes and every lint rule.
fn check_help() -> String {
    format!(
        "Mã thoát: 0 không có lỗi (có thể có cảnh báo); 1 có lỗi; 2 chỉ có cảnh báo, khi dùng \
         --deny-warnings.\n\nCác quy tắc (tắt bằng -A QUY TẮC):\n{}",
        vanban::model::lint::rules_help()
    )
}

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Pdf,
    Png,
}

/// The PDF standards offered; see `vanban::original::PdfStandard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardArg {
    #[value(name = "1.7")]
    V17,
    #[value(name = "a-2b")]
    A2b,
    #[value(name = "a-2u")]
    A2u,
    #[value(name = "a-3b")]
    A3b,
    #[value(name = "a-3u")]
    A3u,
}

/// Which lint warnings to show.
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Không cảnh báo theo quy tắc này (có thể ghi nhiều lần), ví dụ
    /// --allow summary-case.
    #[arg(short = 'A', long = "allow", value_name = "QUY TẮC")]
    pub allow: Vec<String>,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct CheckArgs {
    /// Các tệp TOML hoặc JSON cần kiểm tra.
    #[arg(required = true, value_name = "TỆP", help_heading = "Đầu vào")]
    pub inputs: Vec<PathBuf>,

    /// human (mặc định): thông báo để đọc; json: danh sách lỗi và cảnh báo
    /// ra đầu ra chuẩn, cho chương trình khác đọc.
    #[arg(long, value_enum, default_value_t = Report::Human, value_name = "DẠNG", hide_possible_values = true, hide_default_value = true)]
    pub format: Report,

    /// Thoát với mã 2 khi có cảnh báo mà không có lỗi.
    #[arg(long)]
    pub deny_warnings: bool,

    #[command(flatten)]
    pub lint: LintArgs,
}

/// Options shared by render and batch.
#[derive(Debug, clap::Args)]
pub struct MakeArgs {
    /// Thư mục có thêm phông chữ. Nếu trong đó có "Times New Roman" thì
    /// dùng nó thay cho Liberation Serif đi kèm (cùng kích thước chữ). Có
    /// thể ghi nhiều lần.
    #[arg(long = "font-path", value_name = "THƯ MỤC")]
    pub font_path: Vec<PathBuf>,

    /// Trình bày bằng mẫu Typst của riêng cơ quan thay cho mẫu có sẵn (xem
    /// docs/templates.md). Mẫu chỉ được đọc các tệp trong thư mục của nó.
    /// Thay cho trường `template` trong tệp đầu vào.
    #[arg(long, value_name = "TỆP.typ")]
    pub template: Option<PathBuf>,

    /// pdf (mặc định), hoặc png: mỗi trang một ảnh (TÊN-1.png, TÊN-2.png,
    /// …), để xem mà không cần trình đọc PDF.
    #[arg(long, value_enum, default_value_t = Format::Pdf, value_name = "DẠNG", hide_possible_values = true, hide_default_value = true)]
    pub format: Format,

    /// Chuẩn PDF: 1.7 (mặc định); a-3b hoặc a-3u (PDF/A-3, để lưu trữ lâu
    /// dài, PDF mang theo tệp nguồn); a-2b hoặc a-2u (PDF/A-2, không mang
    /// được tệp nguồn). Văn bản không đạt chuẩn thì báo lỗi, không tạo PDF.
    #[arg(long, value_enum, value_name = "CHUẨN", hide_possible_values = true)]
    pub pdf_standard: Option<PdfStandardArg>,

    /// Không in ảnh chữ ký và ảnh dấu (trường image, seal): bản giấy, để ký
    /// và đóng dấu bằng tay. Ảnh không được đọc.
    #[arg(long)]
    pub no_images: bool,

    /// Độ phân giải của ảnh PNG, tính bằng điểm ảnh mỗi inch (mặc định
    /// 144).
    #[arg(
        long,
        default_value_t = 144.0,
        value_name = "PPI",
        hide_default_value = true
    )]
    pub ppi: f32,

    #[command(flatten)]
    pub lint: LintArgs,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct RenderArgs {
    /// Tệp TOML (hoặc JSON) mô tả văn bản, hoặc - để đọc từ đầu vào chuẩn.
    /// Một tệp PDF do vanban tạo thì được tạo lại từ tệp nguồn nó mang theo.
    #[arg(value_name = "TỆP", help_heading = "Đầu vào")]
    pub input: PathBuf,

    /// Nơi ghi tệp PDF, hoặc - để ghi ra đầu ra chuẩn. Mặc định: tên tệp
    /// đầu vào với đuôi .pdf (ket-luan.toml cho ket-luan.pdf).
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub make: MakeArgs,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct ExtractArgs {
    /// Tệp PDF do vanban tạo.
    #[arg(value_name = "TỆP.pdf", help_heading = "Đầu vào")]
    pub input: PathBuf,

    /// Nơi ghi tệp nguồn, hoặc - để ghi ra đầu ra chuẩn (khi đó không ghi
    /// ảnh). Ảnh được ghi bên cạnh tệp nguồn. Mặc định: tên tệp nguồn
    /// trong PDF, trong thư mục của tệp PDF.
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct DataArgs {
    /// Tệp TOML (hoặc JSON) mô tả văn bản, hoặc - để đọc từ đầu vào chuẩn.
    #[arg(value_name = "TỆP", help_heading = "Đầu vào")]
    pub input: PathBuf,

    /// Thư mục có thêm phông chữ, như với render: tên phông chữ được dùng
    /// có trong dữ liệu.
    #[arg(long = "font-path", value_name = "THƯ MỤC")]
    pub font_path: Vec<PathBuf>,
}

/// The key that signs: a PKCS#12 file or a token.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Khóa ký")]
pub struct KeyArgs {
    /// Tệp chứng thư số .p12 hoặc .pfx, có khóa bí mật.
    #[arg(
        long,
        value_name = "TỆP",
        required_unless_present = "pkcs11",
        conflicts_with = "pkcs11"
    )]
    pub p12: Option<PathBuf>,

    /// Tên biến môi trường chứa mật khẩu của tệp .p12. Không ghi thì
    /// vanban hỏi mật khẩu. Không bao giờ ghi mật khẩu trên dòng lệnh.
    #[arg(long, value_name = "BIẾN", requires = "p12")]
    pub password_env: Option<String>,

    /// Thư viện PKCS#11 của thiết bị ký số (USB token) do nhà cung cấp cài
    /// đặt, ví dụ /usr/lib/libviettel-ca.so.
    #[arg(long, value_name = "THƯ VIỆN")]
    pub pkcs11: Option<PathBuf>,

    /// Khe của thiết bị ký số, khi cắm nhiều thiết bị.
    #[arg(long, value_name = "SỐ", requires = "pkcs11", conflicts_with = "token")]
    pub slot: Option<u64>,

    /// Nhãn của thiết bị ký số, khi cắm nhiều thiết bị.
    #[arg(long, value_name = "NHÃN", requires = "pkcs11")]
    pub token: Option<String>,

    /// Tên biến môi trường chứa mã PIN của thiết bị. Không ghi thì vanban
    /// hỏi mã PIN.
    #[arg(long, value_name = "BIẾN", requires = "pkcs11")]
    pub pin_env: Option<String>,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct SignArgs {
    /// Tệp PDF do vanban tạo ra.
    #[arg(value_name = "TỆP.pdf", help_heading = "Đầu vào")]
    pub input: PathBuf,

    /// Nơi ghi tệp đã ký. Mặc định: tên tệp đầu vào thêm -da-ky
    /// (ket-luan.pdf cho ket-luan-da-ky.pdf).
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct IssueArgs {
    /// Tệp PDF do vanban tạo, số và ngày còn để trống: người ký đã ký số,
    /// hoặc chưa ai ký.
    #[arg(value_name = "TỆP.pdf", help_heading = "Đầu vào")]
    pub input: PathBuf,

    /// Số văn bản văn thư cấp, ví dụ 15.
    #[arg(long, value_name = "SỐ")]
    pub number: u32,

    /// Ngày ban hành, dạng NĂM-THÁNG-NGÀY (2020-11-05). Mặc định: hôm nay.
    #[arg(long, value_name = "NGÀY")]
    pub date: Option<String>,

    /// Nơi ghi tệp đã ban hành. Mặc định: tên tệp đầu vào thêm -ban-hanh.
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,

    /// Thư mục phông chữ, khi văn bản được tạo bằng phông chữ thêm vào
    /// (--font-path của render): số và ngày được in bằng đúng phông chữ đó.
    #[arg(long = "font-path", value_name = "THƯ MỤC")]
    pub font_path: Vec<PathBuf>,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct VerifyArgs {
    /// Tệp PDF cần kiểm tra.
    #[arg(value_name = "TỆP.pdf", help_heading = "Đầu vào")]
    pub input: PathBuf,

    /// human (mặc định): báo cáo để đọc; json: cho chương trình khác đọc.
    #[arg(long, value_enum, default_value_t = Report::Human, value_name = "DẠNG", hide_possible_values = true, hide_default_value = true)]
    pub format: Report,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct NewArgs {
    /// Loại văn bản: ket-luan, thong-bao-ket-luan hoặc thong-bao (xem
    /// vanban templates).
    #[arg(value_name = "LOẠI", help_heading = "Đầu vào")]
    pub kind: String,

    /// Tệp TOML cần tạo; không ghi thì in ra đầu ra chuẩn.
    #[arg(value_name = "TỆP", help_heading = "Đầu vào")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct EditArgs {
    /// Tệp TOML cần soạn. Chưa có thì được tạo khi bấm Lưu.
    #[arg(value_name = "TỆP", help_heading = "Đầu vào")]
    pub input: Option<PathBuf>,

    /// Loại của văn bản mới, khi TỆP chưa có (mặc định ket-luan).
    #[arg(
        long,
        value_name = "LOẠI",
        default_value = "ket-luan",
        hide_default_value = true
    )]
    pub kind: String,

    /// Cổng để nghe (mặc định: một cổng còn trống).
    #[arg(long, value_name = "CỔNG")]
    pub port: Option<u16>,

    /// Không mở trình duyệt; chỉ in địa chỉ.
    #[arg(long)]
    pub no_open: bool,

    /// Thư mục có thêm phông chữ, như với render.
    #[arg(long = "font-path", value_name = "THƯ MỤC")]
    pub font_path: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct WatchArgs {
    /// Tệp TOML (hoặc JSON) cần theo dõi.
    #[arg(value_name = "TỆP", help_heading = "Đầu vào")]
    pub input: PathBuf,

    /// Nơi ghi kết quả. Mặc định: tên tệp đầu vào với đuôi .pdf (hoặc
    /// TÊN-1.png, TÊN-2.png … với --format png).
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub make: MakeArgs,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Lệnh cần trang hướng dẫn riêng, ví dụ render; không ghi thì in trang
    /// của vanban.
    #[arg(value_name = "LỆNH")]
    pub command: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish hoặc powershell.
    #[arg(value_enum, value_name = "SHELL", hide_possible_values = true)]
    pub shell: clap_complete::Shell,
}

/// How batch and check report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Tùy chọn")]
pub struct BatchArgs {
    /// Các tệp TOML hoặc JSON, và các thư mục (tạo mọi tệp .toml và .json
    /// trong đó). Không ghi gì, hoặc ghi -, thì đọc từ đầu vào chuẩn theo
    /// JSON Lines: mỗi dòng một văn bản.
    #[arg(value_name = "TỆP", help_heading = "Đầu vào")]
    pub inputs: Vec<PathBuf>,

    /// Thư mục ghi kết quả; chưa có thì được tạo.
    #[arg(short, long, value_name = "THƯ MỤC")]
    pub output: PathBuf,

    /// Cách đặt tên từng tệp kết quả: {stem} (tên tệp đầu vào), {index}
    /// (thứ tự trong lô), {number} (số văn bản), {kind} (loại văn bản). Đuôi
    /// tệp được tự thêm. Mặc định: {stem}.
    #[arg(
        long = "name",
        value_name = "MẪU TÊN",
        default_value = "{stem}",
        hide_default_value = true
    )]
    pub name: String,

    /// Số văn bản làm cùng lúc. Mặc định: bằng số nhân của máy.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Dừng ngay ở văn bản lỗi đầu tiên.
    #[arg(long)]
    pub fail_fast: bool,

    /// human (mặc định): thông báo để đọc; json: mỗi văn bản một dòng JSON
    /// ra đầu ra chuẩn, cho chương trình khác đọc.
    #[arg(long, value_enum, default_value_t = Report::Human, value_name = "DẠNG", hide_possible_values = true, hide_default_value = true)]
    pub report: Report,

    /// Chỉ in lỗi, không in gì khác.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub make: MakeArgs,
}

/// The definitions, for completions and the man page.
pub fn command() -> clap::Command {
    Cli::command()
}

/// The command line, or why it cannot be used, in Vietnamese. Help and
/// version are printed by clap, which then ends the process.
pub fn parse() -> Result<Cli, vanban::Error> {
    Cli::try_parse().map_err(|e| match translate(&e) {
        Some(message) => vanban::Error::Usage(message),
        None => e.exit(),
    })
}

/// clap's error in Vietnamese, with the usage and where to read more;
/// `None` for help and version, which are not errors.
fn translate(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as K, ErrorKind};
    let get = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
    let arg = get(K::InvalidArg);
    let value = get(K::InvalidValue);
    let mut message = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument if !arg.starts_with('-') => format!("thừa `{arg}`"),
        ErrorKind::UnknownArgument => {
            let mut m = format!("không có tùy chọn `{arg}`");
            if let Some(suggested) = e.get(K::SuggestedArg) {
                m.push_str(&format!("; có phải ý bạn là `{suggested}`?"));
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            let command = Cli::command();
            let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            format!(
                "không có lệnh `{}`; các lệnh: {}",
                get(K::InvalidSubcommand),
                names.join(", ")
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("`{arg}` cần một giá trị"),
        ErrorKind::InvalidValue => {
            format!(
                "`{arg}` không nhận giá trị `{value}`; các giá trị: {}",
                get(K::ValidValue)
            )
        }
        // The only values parsed beyond a list are numbers: --ppi, -j.
        ErrorKind::ValueValidation => {
            format!("`{arg}` không nhận giá trị `{value}`: cần một số")
        }
        ErrorKind::MissingRequiredArgument => format!("thiếu {arg}"),
        ErrorKind::ArgumentConflict => {
            format!("`{arg}` không dùng cùng với `{}`", get(K::PriorArg))
        }
        ErrorKind::TooManyValues => {
            format!("thừa `{value}`")
        }
        ErrorKind::NoEquals => format!("`{arg}` cần dấu = trước giá trị"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("`{arg}` thiếu giá trị")
        }
        ErrorKind::MissingSubcommand => "thiếu lệnh".to_owned(),
        ErrorKind::InvalidUtf8 => "dòng lệnh có ký tự không đọc được (không phải UTF-8)".to_owned(),
        // What clap may add later is still told in Vietnamese.
        _ if arg.is_empty() => "dòng lệnh không hợp lệ".to_owned(),
        _ => format!("dòng lệnh không hợp lệ ở `{arg}`"),
    };
    let usage = get(K::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        let command: Vec<&str> = usage
            .split(' ')
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect();
        message.push_str(&format!(
            "\nCách dùng: {usage}\nXem thêm: {} --help",
            command.join(" ")
        ));
    }
    Some(message)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap's own checks of the definitions: unique flags, valid headings.
    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
