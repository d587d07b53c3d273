//! What the unit tests share: the property tests' configuration.
//!
//! Every property test draws its cases from a fixed seed, so that a run is the same on every
//! machine and a failure can be replayed; `PROPTEST_RNG_SEED=N cargo test` explores another
//! seed. A failing case is kept by proptest in `proptest-regressions/` (commit it: it is
//! replayed first on every later run), and a failing run prints the seed it used.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use proptest::test_runner::{Config, RngSeed};

/// The seed of every property test unless `PROPTEST_RNG_SEED` sets another. The integration
/// tests' samplers use the same one (`tests/web/sampling.rs`).
pub(crate) const DEFAULT_SEED: u64 = 20_261_202;

/// proptest's configuration with `cases` cases from the seed above (or the environment's).
pub(crate) fn proptest_config(cases: u32) -> Config {
    let mut config = Config::with_cases(cases);
    if config.rng_seed == RngSeed::Random {
        config.rng_seed = RngSeed::Fixed(DEFAULT_SEED);
    }
    report_seed_on_failure(config.rng_seed);
    config
}

/// Adds the seed to what the first panic of the test binary prints (proptest catches a panic
/// for every case it tries while shrinking: once is enough).
fn report_seed_on_failure(seed: RngSeed) {
    static HOOK: Once = Once::new();
    static REPORTED: AtomicBool = AtomicBool::new(false);
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            previous(info);
            if !REPORTED.swap(true, Ordering::Relaxed) {
                eprintln!(
                    "property tests ran with PROPTEST_RNG_SEED={seed}; failing cases are kept in proptest-regressions/"
                );
            }
        }));
    });
}
