//! The page's files, inside the binary: the editor works offline and
//! loads nothing from elsewhere.

pub const INDEX_HTML: &str = include_str!("../../web/index.html");
pub const STYLE_CSS: &str = include_str!("../../web/style.css");
pub const APP_JS: &str = include_str!("../../web/app.js");
pub const FORM_JS: &str = include_str!("../../web/form.js");
pub const FAVICON_SVG: &str = include_str!("../../web/favicon.svg");
