//! The second factor: TOTP codes (RFC 6238: HMAC-SHA-1, six digits, 30-second steps, one step
//! of clock drift either way), each accepted once, and ten one-time recovery codes hashed like
//! passwords. The QR code of the secret is drawn here as SVG, so that enrolling sends nothing to
//! another site.

use rand::Rng;
use totp_rs::{Algorithm, Totp};

use crate::db::users;

/// The name authenticator apps show above the account.
pub const ISSUER: &str = "prisoner-tracker";
pub const RECOVERY_CODES: usize = 10;
const SECRET_BYTES: usize = 20;
/// Recovery codes are ten characters from an alphabet without look-alikes (no 0/o, 1/l/i).
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_CHARS: usize = 10;

/// A new random secret.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rng().fill(&mut secret[..]);
    secret
}

fn totp(secret: &[u8], account: &str) -> Option<Totp> {
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        .with_account_name(account.replace(':', ""))
        .build()
        .ok()
}

/// The secret as people type it into an app: base32 in groups of four.
pub fn secret_text(secret: &[u8]) -> String {
    let base32 = totp_rs::Secret::from(secret.to_vec()).to_base32();
    base32.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The secret read back from [`secret_text`] (spaces and case ignored).
pub fn secret_from_text(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let secret = totp_rs::Secret::try_from_base32(compact).ok()?;
    Some(secret.to_vec()).filter(|s| s.len() == SECRET_BYTES)
}

/// The `otpauth://` address of the secret drawn as a QR code, an SVG document of black squares.
pub fn qr_svg(secret: &[u8], account: &str) -> Option<String> {
    let url = totp(secret, account)?.to_url().ok()?;
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M).ok()?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(220, 220).quiet_zone(true).build();
    // Inline in a page: without the XML declaration.
    svg.find("<svg").map(|start| svg[start..].to_owned())
}

/// The time step of a code typed for `secret` at `unix_seconds` (drift of one step allowed), if
/// it is right. Spaces in what was typed are ignored.
pub fn code_step(secret: &[u8], typed: &str, unix_seconds: u64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != 6 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    totp(secret, "")?.check(&typed, unix_seconds).map(|step| step as i64)
}

/// The code for `secret` at `unix_seconds`: what an authenticator app shows (tests use it).
pub fn code_at(secret: &[u8], unix_seconds: u64) -> String {
    totp(secret, "").map(|t| t.generate(unix_seconds).to_string()).unwrap_or_default()
}

pub fn now() -> u64 {
    time::OffsetDateTime::now_utc().unix_timestamp().max(0) as u64
}

/// Ten new recovery codes, as they are shown (`abcde-fghjk`).
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let chars: String = (0..RECOVERY_CHARS)
                .map(|_| RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// A recovery code as typed, in the form it is hashed in: lower case, no spaces or hyphens.
fn recovery_key(typed: &str) -> String {
    typed.chars().filter(|c| c.is_ascii_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

/// Whether what was typed looks like a recovery code rather than a six-digit code.
pub fn looks_like_recovery_code(typed: &str) -> bool {
    recovery_key(typed).len() == RECOVERY_CHARS
}

/// The hashes of `codes`, computed off the async threads.
pub async fn hash_recovery_codes(codes: &[String]) -> anyhow::Result<Vec<String>> {
    let keys: Vec<String> = codes.iter().map(|c| recovery_key(c)).collect();
    Ok(tokio::task::spawn_blocking(move || keys.into_iter().map(password_auth::generate_hash).collect()).await?)
}

/// How a second factor was proved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    Code,
    RecoveryCode,
}

impl Proof {
    pub fn as_str(self) -> &'static str {
        match self {
            Proof::Code => "code",
            Proof::RecoveryCode => "recovery_code",
        }
    }
}

/// Checks what the user typed after their password: a code from their app (each accepted once)
/// or an unused recovery code (then spent). `None` when it is neither.
pub async fn verify(pool: &sqlx::PgPool, user_id: i64, typed: &str) -> anyhow::Result<Option<Proof>> {
    let mut conn = pool.acquire().await?;
    let Some((secret, _)) = users::second_factor(&mut conn, user_id).await? else { return Ok(None) };
    if looks_like_recovery_code(typed) {
        let key = recovery_key(typed);
        let unused = users::unused_recovery_codes(&mut conn, user_id).await?;
        let found = tokio::task::spawn_blocking(move || {
            unused.into_iter().find(|(_, hash)| password_auth::verify_password(&key, hash).is_ok()).map(|(id, _)| id)
        })
        .await?;
        return Ok(match found {
            Some(id) if users::spend_recovery_code(&mut conn, id).await? => Some(Proof::RecoveryCode),
            _ => None,
        });
    }
    Ok(match code_step(&secret, typed, now()) {
        Some(step) if users::spend_step(&mut conn, user_id, step).await? => Some(Proof::Code),
        _ => None,
    })
}

/// How many recovery codes the account has left.
pub async fn recovery_codes_left(pool: &sqlx::PgPool, user_id: i64) -> anyhow::Result<usize> {
    Ok(users::unused_recovery_codes(&mut *pool.acquire().await?, user_id).await?.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_step_and_its_neighbours_are_accepted() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let step = (now / 30) as i64;
        assert_eq!(code_step(&secret, &code_at(&secret, now), now), Some(step));
        assert_eq!(code_step(&secret, &code_at(&secret, now - 30), now), Some(step - 1));
        assert_eq!(code_step(&secret, &code_at(&secret, now + 30), now), Some(step + 1));
        assert_eq!(code_step(&secret, &code_at(&secret, now - 90), now), None, "too old");
        let spaced = code_at(&secret, now);
        assert_eq!(code_step(&secret, &format!(" {} {} ", &spaced[..3], &spaced[3..]), now), Some(step));
        assert_eq!(code_step(&secret, "12345", now), None);
        assert_eq!(code_step(&secret, "abcdef", now), None);
    }

    /// RFC 6238, appendix B: the SHA-1 test vectors (the last six digits).
    #[test]
    fn the_rfc_test_vectors_hold() {
        let secret = b"12345678901234567890";
        for (time, code) in [(59, "287082"), (1111111109, "081804"), (1234567890, "005924"), (2000000000, "279037")] {
            assert_eq!(code_at(secret, time), code, "{time}");
        }
    }

    #[test]
    fn secrets_round_trip_through_their_text() {
        let secret = new_secret();
        let text = secret_text(&secret);
        assert!(text.split(' ').all(|group| group.len() <= 4));
        assert_eq!(secret_from_text(&text.to_lowercase()), Some(secret));
        assert_eq!(secret_from_text("not base32!"), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_typed_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(codes.iter().collect::<std::collections::BTreeSet<_>>().len(), RECOVERY_CODES);
        assert!(looks_like_recovery_code(&codes[0].to_uppercase().replace('-', " ")));
        assert!(!looks_like_recovery_code("123456"));
    }

    #[test]
    fn the_qr_code_is_svg_of_the_secret() {
        let svg = qr_svg(&new_secret(), "editor@example.org").unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(!svg.contains("href"), "nothing to load from elsewhere");
    }
}
