//! Values drawn for the samplers of the hostile-input tests: the same on every run, and every
//! failure kept.
//!
//! Cases come from a fixed seed (`PROPTEST_RNG_SEED=N` explores another one), so the suite
//! passes or fails the same way on every machine. When a test fails while checking a case,
//! the seed and the case are printed and the case is added to
//! `tests/web/regressions/{name}.jsonl`, one JSON array of strings a line; commit the file and
//! the case is checked first on every later run, whatever the seed.

use std::io::Write;
use std::path::PathBuf;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngSeed, TestRunner};

/// The seed unless `PROPTEST_RNG_SEED` sets another; the unit tests' property tests use the
/// same (`src/testing.rs`).
const DEFAULT_SEED: u64 = 20_261_202;

/// The cases of one test: those kept from earlier failures, then drawn ones.
pub(crate) struct Sampler {
    name: &'static str,
    seed: u64,
    runner: TestRunner,
    /// The case being checked, printed and kept if the test fails.
    current: Option<Vec<String>>,
}

impl Sampler {
    pub(crate) fn new(name: &'static str) -> Self {
        let seed = match Config::default().rng_seed {
            RngSeed::Fixed(seed) => seed,
            RngSeed::Random => DEFAULT_SEED,
        };
        let config = Config { rng_seed: RngSeed::Fixed(seed), failure_persistence: None, ..Config::default() };
        Sampler { name, seed, runner: TestRunner::new(config), current: None }
    }

    /// `n` values of `strategy`, drawn outside proptest's synchronous runner so that each can
    /// be sent to the site with `.await`.
    pub(crate) fn draw<S: Strategy>(&mut self, strategy: S, n: usize) -> Vec<S::Value> {
        (0..n).map(|_| strategy.new_tree(&mut self.runner).expect("a value").current()).collect()
    }

    /// The cases kept from earlier failures, each as the strings given to [`Sampler::check`].
    pub(crate) fn regressions(&self) -> Vec<Vec<String>> {
        let Ok(text) = std::fs::read_to_string(self.file()) else { return Vec::new() };
        text.lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{}: {e}: {line}", self.file().display())))
            .collect()
    }

    /// Marks `case` as the one being checked, until the next.
    pub(crate) fn check(&mut self, case: &[&str]) {
        self.current = Some(case.iter().map(|s| (*s).to_owned()).collect());
    }

    fn file(&self) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/web/regressions").join(format!("{}.jsonl", self.name))
    }

    /// Adds `case` to the regressions file, unless it is there already.
    fn keep(&self, case: &[String]) -> std::io::Result<PathBuf> {
        let file = self.file();
        if !self.regressions().iter().any(|kept| kept == case) {
            std::fs::create_dir_all(file.parent().expect("a folder"))?;
            let mut out = std::fs::OpenOptions::new().create(true).append(true).open(&file)?;
            writeln!(out, "{}", serde_json::to_string(case).expect("strings serialise"))?;
        }
        Ok(file)
    }
}

impl Drop for Sampler {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            return;
        }
        eprintln!("{}: cases drawn with PROPTEST_RNG_SEED={}", self.name, self.seed);
        if let Some(case) = &self.current {
            match self.keep(case) {
                Ok(file) => eprintln!("{}: failed on {case:?}, kept in {} (commit it)", self.name, file.display()),
                Err(e) => eprintln!("{}: failed on {case:?}, which could not be kept: {e}", self.name),
            }
        }
    }
}
