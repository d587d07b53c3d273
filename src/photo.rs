//! Photos of people, made fit to publish: whatever was uploaded is decoded under strict limits
//! and drawn again as a plain JPEG, so that nothing of the original file survives.
//!
//! A photo of a political prisoner often comes from a phone, and its EXIF block can say where
//! and when it was taken and with which device: enough to endanger the person who took it. The
//! decoder reads the pixels and the orientation, nothing else reaches the output; the encoder
//! writes no metadata at all. The format is read from the bytes, never from the file name or the
//! type the client claims, and only JPEG, PNG and WebP are decoded (the `image` crate is built
//! with those three decoders alone).
//!
//! Decoding is CPU and memory work: callers run [`process`] on a blocking thread, and
//! [`MAX_PIXELS`] with the decoder's allocation limit keep a "decompression bomb" (a few
//! kilobytes declaring a gigapixel image) from allocating anything.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};
use sha2::{Digest, Sha256};

/// The largest file accepted.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels an upload may have: a 48-megapixel phone photo is refused, a 12-megapixel one is
/// not. Decoding this many takes about 160 MB; more is refused before anything is allocated.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The longest side an upload may have, whatever its pixel count.
pub const MAX_SIDE: u32 = 16_000;
/// The long side of a published photo, in pixels.
pub const LONG_SIDE: u32 = 1200;
/// The media type of every photo the site stores and serves.
pub const CONTENT_TYPE: &str = "image/jpeg";
const JPEG_QUALITY: u8 = 85;
/// What the decoder may allocate in all: the pixels of [`MAX_PIXELS`] in RGBA with room for the
/// decoder's own buffers.
const MAX_DECODER_BYTES: u64 = 4 * MAX_PIXELS + 64 * 1024 * 1024;

/// Why an upload cannot become a photo. [`PhotoError::key`] names the message the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {MAX_UPLOAD_BYTES} bytes")]
    TooLarge,
    #[error("the file is not a JPEG, PNG or WebP image")]
    UnsupportedFormat,
    #[error("the image has more than {MAX_PIXELS} pixels or a side longer than {MAX_SIDE}")]
    TooManyPixels,
    #[error("the image cannot be read")]
    Unreadable,
}

impl PhotoError {
    /// The key `templates/admin/photo_parts.html` turns into words.
    pub fn key(self) -> &'static str {
        match self {
            PhotoError::Empty => "photo_empty",
            PhotoError::TooLarge => "photo_too_large",
            PhotoError::UnsupportedFormat => "photo_format",
            PhotoError::TooManyPixels => "photo_pixels",
            PhotoError::Unreadable => "photo_unreadable",
        }
    }
}

/// A photo ready to store and serve: a JPEG with no metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// Of `jpeg`, in lower-case hex.
    pub sha256: String,
}

/// The format of an upload, told by its first bytes; `None` for anything but JPEG, PNG or WebP.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(ImageFormat::WebP)
    } else {
        None
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    limits
}

fn read_error(error: ImageError) -> PhotoError {
    match error {
        ImageError::Limits(_) => PhotoError::TooManyPixels,
        _ => PhotoError::Unreadable,
    }
}

/// Decodes an upload, turns it upright, scales it down to [`LONG_SIDE`], puts transparent parts
/// on white, and encodes it again as a JPEG without metadata. CPU-bound: call it off the async
/// threads.
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = sniff(bytes).ok_or(PhotoError::UnsupportedFormat)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    // Set before the decoder exists: it checks the declared size against them while reading
    // the header, before it allocates for any pixel.
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(read_error)?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(PhotoError::Unreadable);
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODER_BYTES {
        return Err(PhotoError::TooManyPixels);
    }
    // A missing or malformed EXIF block means "as stored", not a refusal.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(read_error)?;
    image.apply_orientation(orientation);
    let image = scale_down(image);
    let rgb = on_white(&image);
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY).encode_image(&rgb).map_err(|_| PhotoError::Unreadable)?;
    let sha256 = Sha256::digest(&jpeg).iter().map(|b| format!("{b:02x}")).collect();
    Ok(Processed { jpeg, width: rgb.width(), height: rgb.height(), sha256 })
}

/// At most [`LONG_SIDE`] on the long side, proportions kept. A large photo is first reduced
/// to twice that by fast area averaging, so that the Lanczos filter, which gives the final
/// sharpness, works on few pixels (tens of times faster on a 12-megapixel photo).
fn scale_down(image: DynamicImage) -> DynamicImage {
    let long = image.width().max(image.height());
    if long <= LONG_SIDE {
        return image;
    }
    let image = if long > 4 * LONG_SIDE { image.thumbnail(2 * LONG_SIDE, 2 * LONG_SIDE) } else { image };
    image.resize(LONG_SIDE, LONG_SIDE, FilterType::Lanczos3)
}

/// RGB with transparent and translucent pixels laid over white (JPEG has no transparency,
/// and a photo cut out on a transparent background would otherwise turn black).
fn on_white(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u32::from(c) * u32::from(a) + 255 * (255 - u32::from(a)) + 127) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, Rgba, RgbaImage};

    fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut bytes = Cursor::new(Vec::new());
        image.write_to(&mut bytes, format).unwrap();
        bytes.into_inner()
    }

    /// The markers of a JPEG's segments before the image data (APP0, DQT, SOF, …).
    fn markers(jpeg: &[u8]) -> Vec<u8> {
        let mut markers = Vec::new();
        let mut at = 2;
        while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
            let marker = jpeg[at + 1];
            markers.push(marker);
            if marker == 0xDA {
                break;
            }
            at += 2 + usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        }
        markers
    }

    /// A JPEG with an EXIF block that says "rotate 90° clockwise to view" (orientation 6).
    fn jpeg_with_orientation_6(width: u32, height: u32) -> Vec<u8> {
        let jpeg = encode(&DynamicImage::new_rgb8(width, height), ImageFormat::Jpeg);
        // TIFF header (little-endian), IFD0 with one entry: Orientation (0x0112), SHORT, 1, 6.
        let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
        tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn photo_formats_are_told_by_their_bytes_not_their_names() {
        let cases: [(&[u8], Option<ImageFormat>, &str); 6] = [
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", Some(ImageFormat::Jpeg), "JPEG"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", Some(ImageFormat::Png), "PNG"),
            (b"RIFF\x24\0\0\0WEBPVP8 ", Some(ImageFormat::WebP), "WebP"),
            (b"GIF89a\x01\0\x01\0", None, "GIF is not accepted"),
            (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None, "SVG can carry script"),
            (b"RIFF\x24\0\0\0WAVEfmt ", None, "a RIFF that is not WebP"),
        ];
        for (bytes, format, why) in cases {
            assert_eq!(sniff(bytes), format, "{why}");
        }
    }

    #[test]
    fn a_photo_is_turned_upright_scaled_down_and_stripped_of_metadata() {
        let upload = jpeg_with_orientation_6(1600, 900);
        assert!(upload.windows(6).any(|w| w == b"Exif\0\0"), "the upload carries EXIF");

        let photo = process(&upload).unwrap();

        assert_eq!((photo.width, photo.height), (675, 1200), "rotated a quarter turn, long side 1200");
        assert_eq!(markers(&photo.jpeg).first(), Some(&0xE0), "JFIF first");
        assert!(!markers(&photo.jpeg).contains(&0xE1), "no APP1 (EXIF or XMP) segment");
        assert!(!photo.jpeg.windows(4).any(|w| w == b"Exif"));
        let decoded = image::load_from_memory(&photo.jpeg).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (675, 1200));
        assert_eq!(photo.sha256.len(), 64);
    }

    #[test]
    fn a_small_photo_keeps_its_size() {
        let png = encode(&DynamicImage::new_rgb8(300, 200), ImageFormat::Png);
        let photo = process(&png).unwrap();
        assert_eq!((photo.width, photo.height), (300, 200));
        assert_eq!(sniff(&photo.jpeg), Some(ImageFormat::Jpeg));
    }

    #[test]
    fn a_transparent_photo_is_laid_on_white() {
        let mut rgba = RgbaImage::from_pixel(40, 40, Rgba([0, 0, 0, 0]));
        rgba.put_pixel(0, 0, Rgba([200, 0, 0, 255]));
        let photo = process(&encode(&DynamicImage::ImageRgba8(rgba), ImageFormat::Png)).unwrap();
        let decoded = image::load_from_memory(&photo.jpeg).unwrap().to_rgb8();
        let Rgb([r, g, b]) = *decoded.get_pixel(30, 30);
        assert!(r > 245 && g > 245 && b > 245, "white where it was transparent, not black: {r} {g} {b}");
    }

    /// A valid one-pixel PNG whose header declares `width` × `height` pixels.
    fn png_declaring(width: u32, height: u32) -> Vec<u8> {
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(&[0; 3], 1, 1, image::ExtendedColorType::Rgb8)
            .unwrap();
        let ihdr = png.windows(4).position(|w| w == b"IHDR").unwrap();
        png[ihdr + 4..ihdr + 8].copy_from_slice(&width.to_be_bytes());
        png[ihdr + 8..ihdr + 12].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&png[ihdr..ihdr + 17]);
        png[ihdr + 17..ihdr + 21].copy_from_slice(&crc.to_be_bytes());
        png
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_decoded() {
        let cases = [
            (50_000, 50_000, "7.5 GB of pixels declared in a few bytes"),
            (20_000, 10, "a side longer than any photo"),
            (10_000, 10_000, "each side allowed, too many pixels in all"),
        ];
        for (width, height, why) in cases {
            let started = std::time::Instant::now();
            assert_eq!(process(&png_declaring(width, height)), Err(PhotoError::TooManyPixels), "{why}");
            assert!(started.elapsed() < std::time::Duration::from_secs(1), "{why}: refused at once");
        }
    }

    #[test]
    fn what_is_not_a_photo_is_refused_with_its_reason() {
        assert_eq!(process(b""), Err(PhotoError::Empty));
        assert_eq!(process(b"just some text, named photo.jpg"), Err(PhotoError::UnsupportedFormat));
        assert_eq!(process(b"\xFF\xD8\xFF\xE0 truncated"), Err(PhotoError::Unreadable));
        assert_eq!(process(&vec![0xFF; MAX_UPLOAD_BYTES + 1]), Err(PhotoError::TooLarge));
    }

    /// CRC-32 as PNG chunks use it.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
}
