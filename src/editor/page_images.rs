//! The preview's page images, kept small on the way to the browser. A
//! keystroke changes a few lines of one page: when the browser shows the
//! page's previous image, only the band of rows that changed is sent, to
//! be drawn over it. Most of a keystroke's time went into encoding,
//! carrying and decoding the whole page again (see the README's figures).

use std::collections::HashMap;
use std::ops::Range;

use typst_layout::Page;

/// A page rendered at the screen's resolution.
pub struct Pixels {
    width: u32,
    height: u32,
    /// One byte a pixel when the page has no colour (all of today's
    /// templates): a quarter of the data, encoded and shown several times
    /// faster. Four (RGBA) otherwise.
    gray: bool,
    data: Vec<u8>,
}

impl Pixels {
    /// The page exactly as the PDF prints it, at `ppi` pixels per inch.
    pub fn of(page: &Page, ppi: f32) -> Self {
        let options = typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
            render_bleed: false,
        };
        let pixmap = typst_render::render(page, &options);
        let rgba = pixmap.data();
        // One pass: the gray values, until a pixel with colour says the
        // page needs all four bytes.
        let mut data = Vec::with_capacity(rgba.len() / 4);
        let mut gray = true;
        for p in rgba.chunks_exact(4) {
            if p[0] != p[1] || p[1] != p[2] || p[3] != 255 {
                gray = false;
                break;
            }
            data.push(p[0]);
        }
        if !gray {
            data = rgba.to_vec();
        }
        Self {
            width: pixmap.width(),
            height: pixmap.height(),
            gray,
            data,
        }
    }

    fn stride(&self) -> usize {
        self.width as usize * if self.gray { 1 } else { 4 }
    }

    fn rows(&self) -> std::slice::ChunksExact<'_, u8> {
        self.data.chunks_exact(self.stride().max(1))
    }

    /// The rows, first to last, in which this image differs from `old`;
    /// an empty range when none does. None when the two cannot be laid
    /// one over the other (another size or colour type).
    pub fn changed_rows(&self, old: &Pixels) -> Option<Range<u32>> {
        if (self.width, self.height, self.gray) != (old.width, old.height, old.gray) {
            return None;
        }
        let same = |(a, b): (&[u8], &[u8])| a == b;
        let top = self.rows().zip(old.rows()).take_while(|&p| same(p)).count();
        if top == self.height as usize {
            return Some(0..0);
        }
        let bottom = self
            .rows()
            .rev()
            .zip(old.rows().rev())
            .take_while(|&p| same(p))
            .count();
        // Row counts are at most the height, which is a u32.
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(self.height);
        Some(to_u32(top)..self.height - to_u32(bottom))
    }

    /// The rows `rows` as a PNG image the width of the page.
    pub fn png(&self, rows: Range<u32>) -> Option<Vec<u8>> {
        let stride = self.stride();
        let data = self
            .data
            .get(rows.start as usize * stride..rows.end as usize * stride)?;
        let mut out = Vec::new();
        let mut encoder =
            png::Encoder::new(&mut out, self.width, rows.end.saturating_sub(rows.start));
        encoder.set_color(if self.gray {
            png::ColorType::Grayscale
        } else {
            png::ColorType::Rgba
        });
        encoder.set_depth(png::BitDepth::Eight);
        // The image only crosses the loopback: speed over size. Measured on
        // the reference example: 7 ms a whole page, against 45 ms with the
        // defaults.
        encoder.set_compression(png::Compression::Fast);
        encoder.set_filter(png::Filter::Up);
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(data).ok()?;
        writer.finish().ok()?;
        Some(out)
    }

    pub fn height(&self) -> u32 {
        self.height
    }
}

/// The images of the pages last sent, by key: what the browser has on
/// screen, for the next answer to send only what changed. A page's key
/// says what it shows and at which resolution, so the same key always
/// stands for the same pixels, whichever tab asked.
#[derive(Default)]
pub struct Shown(HashMap<String, Pixels>);

impl Shown {
    pub fn get(&self, key: &str) -> Option<&Pixels> {
        self.0.get(key)
    }

    /// Keeps the pages of the last answer only (those taken over from the
    /// previous one included): one document's pages, no more.
    pub fn replace(&mut self, pages: HashMap<String, Pixels>) {
        self.0 = pages;
    }

    pub fn take(&mut self, key: &str) -> Option<Pixels> {
        self.0.remove(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(rows: &[u8]) -> Pixels {
        // Three pixels wide, one value a row.
        Pixels {
            width: 3,
            height: rows.len() as u32,
            gray: true,
            data: rows.iter().flat_map(|&r| [r, r, r]).collect(),
        }
    }

    #[test]
    fn changed_rows_are_the_band_between_the_equal_top_and_bottom() {
        let old = image(&[1, 2, 3, 4, 5, 6]);
        assert_eq!(image(&[1, 2, 9, 9, 5, 6]).changed_rows(&old), Some(2..4));
        assert_eq!(image(&[1, 2, 3, 4, 5, 6]).changed_rows(&old), Some(0..0));
        assert_eq!(image(&[9, 2, 3, 4, 5, 6]).changed_rows(&old), Some(0..1));
        assert_eq!(image(&[1, 2, 3, 4, 5, 9]).changed_rows(&old), Some(5..6));
        // A row that changed back in the middle is inside the band.
        assert_eq!(image(&[1, 9, 3, 9, 5, 6]).changed_rows(&old), Some(1..4));
        assert_eq!(image(&[1, 2, 3]).changed_rows(&old), None);
    }

    #[test]
    fn a_band_is_a_png_of_its_rows() {
        let page = image(&[1, 2, 3, 4, 5, 6]);
        let band = page.png(2..4).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(band));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (3, 2));
        assert_eq!(&buf[..info.buffer_size()], &[3, 3, 3, 4, 4, 4]);
        assert!(page.png(5..7).is_none());
    }
}
