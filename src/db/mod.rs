//! Everything that talks to PostgreSQL: connecting, checking the database is fit for search,
//! migrations, and one module of free query functions per area.

pub mod backup;
pub mod changes;
pub mod charts;
pub mod dataset;
pub mod feeds;
pub mod import;
pub mod local_cluster;
pub mod people;
pub mod photos;
pub mod review;
pub mod revisions;
pub mod search;
pub mod stats;
pub mod texts;
pub mod trash;
pub mod users;
pub mod waves;

use std::str::FromStr;
use std::time::Duration;

use anyhow::{Context, bail};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, Executor, PgConnection, PgPool};

use crate::config::DatabaseConfig;
use local_cluster::LocalCluster;

/// A transaction on the pool: every save runs in one, with its revision.
pub type Tx = sqlx::Transaction<'static, sqlx::Postgres>;

/// The migrations in `migrations/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!();

/// The database the site uses inside the private cluster.
pub const LOCAL_DATABASE: &str = "prisoner_tracker";

/// Resolves where the database is: `DATABASE_URL`, or the private cluster (started if needed,
/// with the database created if missing).
pub async fn connect_options(config: &DatabaseConfig) -> anyhow::Result<PgConnectOptions> {
    match &config.database_url {
        Some(url) => PgConnectOptions::from_str(url).context("DATABASE_URL is not a valid PostgreSQL URL"),
        None => {
            let cluster = LocalCluster::new(&config.local_pg_dir)?;
            let admin = tokio::task::spawn_blocking({
                let cluster = cluster.clone();
                move || cluster.ensure_running().map(|()| cluster.admin_options())
            })
            .await??;
            let mut conn = PgConnection::connect_with(&admin).await?;
            create_database_if_missing(&mut conn, LOCAL_DATABASE).await?;
            Ok(admin.database(LOCAL_DATABASE))
        }
    }
}

/// Creates a UTF-8 database with a UTF-8 `LC_CTYPE`, as search needs. `name` must be a plain
/// identifier (it is ours, never a user's).
pub async fn create_database_if_missing(conn: &mut PgConnection, name: &str) -> anyhow::Result<()> {
    assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
    let exists: bool = sqlx::query_scalar("select exists (select from pg_database where datname = $1)")
        .bind(name)
        .fetch_one(&mut *conn)
        .await?;
    if !exists {
        create_database(conn, name, "template0").await?;
    }
    Ok(())
}

/// `CREATE DATABASE name TEMPLATE template`, UTF-8 with the C.UTF-8 locale.
pub async fn create_database(conn: &mut PgConnection, name: &str, template: &str) -> anyhow::Result<()> {
    let statement = format!(
        "create database \"{name}\" template \"{template}\" encoding 'UTF8' \
         lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'"
    );
    conn.execute(statement.as_str()).await.with_context(|| format!("cannot create database {name}"))?;
    Ok(())
}

/// A pool for the site. Connections are checked before use so that the pool recovers by
/// itself when the server comes back after a restart.
pub async fn connect_pool(options: PgConnectOptions, max_connections: u32) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(max_connections)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(5))
        .idle_timeout(Duration::from_secs(300))
        .connect_with(options)
        .await
        .context("cannot connect to PostgreSQL")?;
    Ok(pool)
}

/// Refuses a database whose encoding or character classification would break name search:
/// pg_trgm finds no trigrams in Cyrillic text under `LC_CTYPE=C`.
pub async fn check_fit_for_search(pool: &PgPool) -> anyhow::Result<()> {
    let (encoding, ctype): (String, String) = sqlx::query_as(
        "select pg_encoding_to_char(encoding)::text, datctype::text from pg_database where datname = current_database()",
    )
    .fetch_one(pool)
    .await?;
    let utf8 = |s: &str| s.to_ascii_lowercase().replace('-', "").contains("utf8");
    if !utf8(&encoding) || !utf8(&ctype) {
        bail!(
            "this database has encoding {encoding} and LC_CTYPE {ctype}; prisoner-tracker needs UTF8 \
             and a UTF-8 LC_CTYPE, or searching Cyrillic names breaks. Create one with:\n  \
             CREATE DATABASE prisoner_tracker TEMPLATE template0 ENCODING 'UTF8' \
             LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';"
        );
    }
    Ok(())
}

/// After migrations: pg_trgm really sees Cyrillic letters in this database.
pub async fn check_trigrams_see_cyrillic(pool: &PgPool) -> anyhow::Result<()> {
    let trigrams: i32 =
        sqlx::query_scalar("select coalesce(array_length(show_trgm('Кузнечык'), 1), 0)").fetch_one(pool).await?;
    if trigrams == 0 {
        bail!("pg_trgm finds no trigrams in Cyrillic text in this database: its LC_CTYPE is not UTF-8");
    }
    Ok(())
}

/// Connects, checks, and applies any pending migration: what `serve` and `migrate` do first.
pub async fn prepare(config: &DatabaseConfig) -> anyhow::Result<PgPool> {
    let options = connect_options(config).await?;
    let pool = connect_pool(options, config.max_connections).await?;
    check_fit_for_search(&pool).await?;
    MIGRATOR.run(&pool).await.context("cannot apply the database migrations")?;
    check_trigrams_see_cyrillic(&pool).await?;
    Ok(pool)
}

/// Errors that mean "the database cannot be reached right now", as opposed to a bug.
pub fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(db) => {
            // 57P01-03: admin shutdown, crash shutdown, cannot connect now; 3D000: no such
            // database; 53300: too many connections; 08xxx: connection exceptions.
            db.code().is_some_and(|code| {
                matches!(code.as_ref(), "57P01" | "57P02" | "57P03" | "3D000" | "53300") || code.starts_with("08")
            })
        }
        _ => false,
    }
}

/// Whether PostgreSQL refused text it cannot represent: 22021 (a NUL character in UTF-8 text)
/// or 22P05 (a character the database's encoding lacks).
pub fn is_unstorable_text(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.code().is_some_and(|code| matches!(code.as_ref(), "22021" | "22P05")))
}

/// Reads a date that a query produced with `partial_date_iso`.
pub(crate) fn parse_date(text: Option<String>) -> Option<crate::domain::PartialDate> {
    text.and_then(|t| t.parse().ok())
}
