//! How failed logins slow the next try ([`LoginThrottle`]), per client and per account: both
//! steps of a login wait their turn here, the password (`/login`) and the second factor
//! (`/login/code`, `web::account`).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::app::AppState;
use crate::db::users::{self, AuditAction, AuditEntry};
use crate::web::error::AppResult;

/// Failed logins within [`THROTTLE_MINUTES`] that cost nothing: a mistyped password or two.
pub const FREE_FAILURES_PER_CLIENT: i64 = 3;
/// The same for one account, counted from every address.
pub const FREE_FAILURES_PER_ACCOUNT: i64 = 5;
pub const THROTTLE_MINUTES: i32 = 15;

/// How failed logins slow the next try. They never refuse one: a wall that shuts after a few
/// failures is a wall an attacker can hold shut against an admin. Each try of a client that has
/// failed often waits before its password is checked, twice as long with each further failure
/// up to `client_cap`, and one client's tries wait in line one after another, so that sending
/// them in parallel gains nothing. An account that many clients fail at makes every try for it
/// wait too, briefly (`account_cap`), which slows guessing from many addresses.
#[derive(Clone)]
pub struct LoginThrottle {
    /// The first delay.
    pub step: Duration,
    pub client_cap: Duration,
    pub account_cap: Duration,
    lines: moka::future::Cache<IpAddr, Arc<tokio::sync::Mutex<()>>>,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle::new(Duration::from_millis(500))
    }
}

impl LoginThrottle {
    /// Delays from `step`, capped at 40 steps for a client and 8 for an account.
    pub fn new(step: Duration) -> Self {
        let lines = moka::future::Cache::builder()
            .max_capacity(100_000)
            .time_to_idle(Duration::from_secs(60 * THROTTLE_MINUTES as u64))
            .build();
        LoginThrottle { step, client_cap: step * 40, account_cap: step * 8, lines }
    }

    /// How long the next try waits after these failures.
    pub fn delay(&self, by_client: i64, by_account: i64) -> Duration {
        let growing = |failures: i64, free: i64, cap: Duration| {
            let beyond = failures - free;
            if beyond <= 0 { Duration::ZERO } else { (self.step * 2u32.pow(beyond.min(16) as u32 - 1)).min(cap) }
        };
        growing(by_client, FREE_FAILURES_PER_CLIENT, self.client_cap).max(growing(
            by_account,
            FREE_FAILURES_PER_ACCOUNT,
            self.account_cap,
        ))
    }

    /// The line a client's tries wait in.
    async fn line(&self, client: IpAddr) -> Arc<tokio::sync::Mutex<()>> {
        self.lines.get_with(client, async { Arc::default() }).await
    }

    /// Waits for the client's turn, then as long as its and the account's recent failures (of
    /// a password or a second factor) say, before a try is checked. Hold the turn until the try
    /// is recorded; `failures` are what the refusal's "next try waits" message counts from.
    pub async fn wait_turn(&self, state: &AppState, ip: Option<IpAddr>, email: &str) -> AppResult<Turn> {
        let guard = match ip {
            Some(ip) => Some(self.line(ip).await.lock_owned().await),
            None => None,
        };
        let (by_account, by_client) =
            users::recent_failures(&mut *state.db.acquire().await?, email, ip, THROTTLE_MINUTES).await?;
        let delay = self.delay(by_client, by_account);
        if !delay.is_zero() {
            let detail = serde_json::json!({ "waited_ms": delay.as_millis() as u64 });
            let entry = AuditEntry {
                action: AuditAction::LoginThrottled,
                user_id: None,
                email: Some(email),
                ip,
                detail: Some(detail),
            };
            // On a connection of its own, the one above given back: no handler holds two at once.
            crate::web::audit(state, entry).await?;
            tracing::warn!(waited_ms = delay.as_millis() as u64, "login slowed after failures");
            tokio::time::sleep(delay).await;
        }
        Ok(Turn { _guard: guard, next_delay: self.delay(by_client + 1, by_account + 1) })
    }
}

/// A client's turn to try a password or a code ([`LoginThrottle::wait_turn`]).
pub struct Turn {
    _guard: Option<tokio::sync::OwnedMutexGuard<()>>,
    /// How long the next try waits if this one fails.
    pub next_delay: Duration,
}
