//! PNG versions of the charts, rasterised from the very same SVG with resvg, for link previews
//! and slides. The font is embedded (DejaVu Sans, which covers Latin and Cyrillic), so the
//! output does not depend on the fonts of the machine it runs on.

use std::sync::LazyLock;

use resvg::{tiny_skia, usvg};

static FONT: &[u8] = include_bytes!("../../data/fonts/DejaVuSans.ttf");

/// Width of the PNG in pixels: the size link previews ask for.
pub const PNG_WIDTH: u32 = 1200;

static OPTIONS: LazyLock<usvg::Options<'static>> = LazyLock::new(|| {
    let mut options = usvg::Options { font_family: "DejaVu Sans".into(), ..usvg::Options::default() };
    let fonts = options.fontdb_mut();
    fonts.load_font_data(FONT.to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    options
});

#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the chart's SVG does not parse: {0}")]
    Parse(#[from] usvg::Error),
    #[error("the chart has no area to draw")]
    Empty,
    #[error("the PNG cannot be encoded: {0}")]
    Encode(String),
}

/// Renders `svg` to a PNG [`PNG_WIDTH`] pixels wide on its own (white) background.
/// CPU-bound: call it off the async threads.
pub fn render(svg: &str) -> Result<Vec<u8>, PngError> {
    let tree = usvg::Tree::from_str(svg, &OPTIONS)?;
    let size = tree.size();
    let scale = PNG_WIDTH as f32 / size.width();
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(PNG_WIDTH, height).ok_or(PngError::Empty)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PngError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders_text_and_shapes_to_a_png_of_the_preview_width() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 240">
            <rect x="10" y="10" width="100" height="100" fill="#0072B2"/>
            <text x="200" y="60" font-size="20">Кузнечык</text></svg>"##;
        let png = super::render(svg).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (1200, 600));
        assert!(super::render("<svg").is_err(), "broken SVG is an error, not a panic");
    }
}
