//! Data loaders: the real demo records and synthetic data for scale tests. The two never mix:
//! synthetic records carry `synthetic = true` and obviously invented names.

pub mod demo;
pub mod synthetic;
