//! Knowing when the data changed, so that caches know when to forget.
//!
//! Migration 0004 makes every write to a record table send a notification at commit. A task
//! listens on a connection of its own and counts them in a *generation*. A cache tags what it
//! stores with the generation it read *before* computing, and trusts an entry only while the
//! generation is unchanged and the listener is connected: a change made while the listener was
//! away would otherwise go unseen, so losing the connection, and getting it back, both move the
//! generation on. Writes made by this process also move it at once ([`Changes::bump`]), so an
//! editor sees their change on the very next request.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;

const CHANNEL: &str = "prisoner_tracker_data_changed";

#[derive(Debug, Default)]
struct Inner {
    generation: AtomicU64,
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

    /// Moves the generation on: everything cached before is stale.
    pub fn bump(&self) {
        self.inner.generation.fetch_add(1, Ordering::SeqCst);
        self.inner.moved.notify_waiters();
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
            let moved = self.inner.moved.notified();
            if self.current().is_some() {
                break;
            }
            moved.await;
        }
        sqlx::query("select pg_notify($1, $2)").bind(CHANNEL).bind(&token).execute(pool).await?;
        loop {
            let moved = self.inner.moved.notified();
            if self.current().is_some() && *self.inner.last_heard.lock().unwrap_or_else(|e| e.into_inner()) == token {
                return Ok(());
            }
            moved.await;
        }
    }

    async fn run(&self, pool: &PgPool) {
        let mut backoff = Duration::from_millis(250);
        loop {
            match subscribe(pool).await {
                Ok(mut listener) => {
                    backoff = Duration::from_millis(250);
                    // Whatever was cached before may have missed changes: start afresh.
                    self.inner.live.store(true, Ordering::SeqCst);
                    self.bump();
                    // `try_recv` gives `Ok(None)` when the connection is lost.
                    while let Ok(Some(notification)) = listener.try_recv().await {
                        *self.inner.last_heard.lock().unwrap_or_else(|e| e.into_inner()) =
                            notification.payload().to_owned();
                        self.bump();
                    }
                    self.inner.live.store(false, Ordering::SeqCst);
                    self.bump();
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
