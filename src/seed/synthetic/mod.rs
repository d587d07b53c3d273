//! `generate-synthetic`: obviously synthetic records for scale tests.
//!
//! Writes N invented people, each with names in Belarusian, Russian and English plus the other
//! Latin spellings search has to find, citizenships, one or two detentions with charges and
//! sentences, about ten timeline events and a citation of one invented source; around them a few
//! hundred invented facilities and a few dozen invented release waves. Every record carries
//! `synthetic = true`, people and waves have `synthetic-` slugs, and surnames are built on roots
//! that mean "test", "sample" or "example" (Тэставіч / Тестович / Testavich), so that no record
//! can be taken for a real person.
//!
//! - Drawing is pure and deterministic: a [`Generator`] holds one `StdRng` seeded from `--seed`,
//!   draws the catalogue (facilities, waves) and then one person after another. The same seed
//!   writes the same people, names and dates; database ids and `public_id`s differ between runs,
//!   because the schema promises those are never reused.
//! - Writing is one transaction of `COPY … FROM STDIN (FORMAT csv)`. People go in batches so that
//!   memory stays bounded up to the five million the command accepts. Ids are reserved from the
//!   identity sequences first, so detentions, charges and events name their parents without a
//!   round trip.
//! - A run first removes what earlier runs wrote (rows with `synthetic = true` and their
//!   children, never anything else), so the command can be repeated.
//!
//! The parts, in the order a run needs them: [`names`] spells the invented people, [`dates`]
//! holds the span of the data and the random helpers, [`catalogue`] draws the facilities and
//! waves, [`people`] defines the records of one person and the tables they are drawn from,
//! [`draw`] draws them, and [`write`] removes an earlier run and writes this one through
//! [`copy`].

mod catalogue;
mod copy;
mod dates;
mod draw;
mod names;
mod people;
mod write;

use std::fmt;
use std::time::{Duration, Instant};

use sqlx::PgPool;

use self::draw::Generator;
use self::write::{remove_previous, write_catalogue, write_people};

/// People drawn and written per round of `COPY` statements; bounds memory for large runs.
const BATCH: usize = 25_000;

/// What a run removed and wrote, and how long it took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyntheticReport {
    pub seed: u64,
    pub removed_people: u64,
    pub removed_waves: u64,
    pub removed_facilities: u64,
    pub people: u64,
    pub names: u64,
    pub citizenships: u64,
    pub detentions: u64,
    pub charges: u64,
    pub events: u64,
    pub facilities: u64,
    pub waves: u64,
    pub citations: u64,
    pub elapsed: Duration,
}

impl fmt::Display for SyntheticReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "synthetic data (seed {}): ", self.seed)?;
        if self.removed_people + self.removed_waves + self.removed_facilities == 0 {
            f.write_str("nothing from an earlier run to remove; ")?;
        } else {
            write!(
                f,
                "removed an earlier run's {} people, {} waves and {} facilities; ",
                self.removed_people, self.removed_waves, self.removed_facilities
            )?;
        }
        write!(
            f,
            "wrote {} people ({} names, {} citizenships), {} detentions ({} charges), {} events, \
             {} facilities, {} waves, 1 source and {} citations in {:.1} s",
            self.people,
            self.names,
            self.citizenships,
            self.detentions,
            self.charges,
            self.events,
            self.facilities,
            self.waves,
            self.citations,
            self.elapsed.as_secs_f64()
        )
    }
}

/// What a run writes of each person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything: names, citizenships, detentions with charges, events, a citation.
    Full,
    /// Names and citizenships only, for name searches at a scale whose case records would take
    /// hours to write; their stored status has no detention behind it.
    NamesOnly,
}

/// Replaces the synthetic records with `prisoners` freshly drawn people, in one transaction.
pub async fn generate(pool: &PgPool, prisoners: u32, seed: u64) -> anyhow::Result<SyntheticReport> {
    generate_scoped(pool, prisoners, seed, Scope::Full).await
}

/// [`generate`], writing `scope` of each person.
pub async fn generate_scoped(
    pool: &PgPool,
    prisoners: u32,
    seed: u64,
    scope: Scope,
) -> anyhow::Result<SyntheticReport> {
    let clock = Instant::now();
    let total = usize::try_from(prisoners)?;
    let mut generator = Generator::new(seed);
    let mut report = SyntheticReport { seed, ..SyntheticReport::default() };

    let mut tx = pool.begin().await?;
    // Losing this transaction in a crash loses nothing that cannot be generated again.
    sqlx::query!("select set_config('synchronous_commit', 'off', true)").fetch_one(&mut *tx).await?;
    remove_previous(&mut tx, &mut report).await?;
    let refs = write_catalogue(&mut tx, &generator.catalogue, &mut report).await?;

    let mut written = 0;
    while written < total {
        let count = BATCH.min(total - written);
        let people = generator.people(written + 1, count);
        write_people(&mut tx, &generator.catalogue, &refs, &people, seed, scope, &mut report).await?;
        written += count;
        tracing::info!(written, total, elapsed_ms = clock.elapsed().as_millis(), "synthetic people written");
    }
    tx.commit().await?;
    // Autovacuum would get to it eventually; until then the planner believes the tables hold
    // the few rows they had before, and picks plans that crawl (seen: 30 s for the chart data).
    sqlx::query!("analyze").execute(pool).await?;
    report.elapsed = clock.elapsed();
    Ok(report)
}
