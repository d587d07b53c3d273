//! Knowing when the data changed, so that caches know when to forget.
//!
//! Migration 0004 makes every write to a record table send a notification at commit. A task
//! listens on a connection of its own and counts them in a *generation*. A cache tags what it
//! stores with the generation it read *before* computing, and trusts an entry only while the
//! generation is unchanged and the listener is connected: a change made while the listener was
//! away would otherwise go unseen, so losing the connection, and getting it back, both move the
//! generation on. Writes made by this process also move it at once ([`Changes::bump`]), so an
//! editor sees their change on the very next request.
//!
//! A change that takes something away from the public (unpublishing, deleting; migration 0013
//! says `withdrawn`) also marks the generation it happened at: an entry computed before it may
//! show what is gone, so it is never served stale ([`Changes::may_serve_stale`]), not even
//! while the database is unavailable.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;

const CHANNEL: &str = "prisoner_tracker_data_changed";

/// The payload of a change that unpublished or deleted something (migration 0013).
const WITHDRAWN: &str = "withdrawn";

#[derive(Debug, Default)]
struct Inner {
    generation: AtomicU64,
    /// The generation of the latest change that withdrew something from the public.
    withdrawn: AtomicU64,
    live: AtomicBool,
    moved: tokio::sync::Notify,
    /// The payload of the latest notification heard, for [`Changes::settle`].
    last_heard: std::sync::Mutex<String>,
}

/// The generation of the data. Cheap to clone; all clones share one counter.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    inner: Arc<Inner>,
}

impl Changes {
    /// Starts listening on a connection of `pool`'s database, reconnecting as long as the pool
    /// is open. Until the first connection succeeds nothing may be cached.
    pub fn listen(pool: PgPool) -> Changes {
        let changes = Changes::default();
        let task = changes.clone();
        tokio::spawn(async move {
            tokio::select! {
                () = task.run(&pool) => {},
                () = pool.close_event() => {},
            }
            task.inner.live.store(false, Ordering::SeqCst);
        });
        changes
    }

    /// The current generation, or `None` while changes cannot be seen (caches must not be used).
    pub fn current(&self) -> Option<u64> {
        self.inner.live.load(Ordering::SeqCst).then(|| self.inner.generation.load(Ordering::SeqCst))
    }

    /// Moves the generation on after a write of this process: everything cached before is
    /// stale, and, as this process does not say what it wrote, may not be served stale either.
    pub fn bump(&self) {
        self.withdraw();
    }

    /// Whether an entry computed at `generation` may be served, stale, when it cannot be
    /// computed again: only if nothing was withdrawn from the public since.
    pub fn may_serve_stale(&self, generation: u64) -> bool {
        generation >= self.inner.withdrawn.load(Ordering::SeqCst)
    }

    fn advance(&self) -> u64 {
        let now = self.inner.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.inner.moved.notify_waiters();
        now
    }

    fn withdraw(&self) {
        // Marked before the generation moves, so that no older entry slips through meanwhile,
        // and again after, in case another change moved it in between.
        let next = self.inner.generation.load(Ordering::SeqCst) + 1;
        self.inner.withdrawn.fetch_max(next, Ordering::SeqCst);
        let now = self.advance();
        self.inner.withdrawn.fetch_max(now, Ordering::SeqCst);
    }

    /// Waits until the generation is past `seen` and changes are being listened to.
    pub async fn wait_past(&self, seen: Option<u64>) {
        loop {
            let moved = self.inner.moved.notified();
            if let Some(now) = self.current()
                && Some(now) != seen
            {
                return;
            }
            moved.await;
        }
    }

    /// Waits until the listener has heard every change committed before this call: it sends a
    /// notification of its own and waits for it, since PostgreSQL delivers notifications in
    /// commit order. (Tests use it after loading data, so that a late notification cannot
    /// make a cached answer stale between two requests.)
    pub async fn settle(&self, pool: &PgPool) -> sqlx::Result<()> {
        let token = format!("settle-{}", uuid::Uuid::new_v4());
        loop {
            loop {
                let moved = self.inner.moved.notified();
                if self.current().is_some() {
                    break;
                }
                moved.await;
            }
            sqlx::query("select pg_notify($1, $2)").bind(CHANNEL).bind(&token).execute(pool).await?;
            // A listener whose connection was lost (a restarted server) and that subscribes
            // again only after the notification was sent never hears it: send it again.
            let heard = tokio::time::timeout(Duration::from_secs(2), async {
                loop {
                    let moved = self.inner.moved.notified();
                    if self.current().is_some()
                        && *self.inner.last_heard.lock().unwrap_or_else(|e| e.into_inner()) == token
                    {
                        return;
                    }
                    moved.await;
                }
            });
            if heard.await.is_ok() {
                return Ok(());
            }
        }
    }

    async fn run(&self, pool: &PgPool) {
        let mut backoff = Duration::from_millis(250);
        loop {
            match subscribe(pool).await {
                Ok(mut listener) => {
                    backoff = Duration::from_millis(250);
                    // Whatever was cached before may have missed changes, withdrawals among
                    // them: start afresh.
                    self.inner.live.store(true, Ordering::SeqCst);
                    self.withdraw();
                    // `try_recv` gives `Ok(None)` when the connection is lost.
                    while let Ok(Some(notification)) = listener.try_recv().await {
                        let payload = notification.payload();
                        *self.inner.last_heard.lock().unwrap_or_else(|e| e.into_inner()) = payload.to_owned();
                        if payload == WITHDRAWN {
                            self.withdraw();
                        } else {
                            self.advance();
                        }
                    }
                    // What was cached stays servable while the database is away.
                    self.inner.live.store(false, Ordering::SeqCst);
                    self.advance();
                    tracing::warn!(
                        "lost the connection that listens for data changes; caches are off until it is back"
                    );
                }
                Err(error) => {
                    tracing::warn!(%error, retry_in = ?backoff, "cannot listen for data changes; caches are off");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(10));
                }
            }
        }
    }
}

async fn subscribe(pool: &PgPool) -> sqlx::Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}
