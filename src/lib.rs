//! prisoner-tracker: documents political prisoners, every event of their case, the waves in
//! which they are released, and the source behind every fact. See ARCHITECTURE.md.

pub mod accounts;
pub mod app;
pub mod charts;
pub mod config;
pub mod dataset;
pub mod db;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod photo;
pub mod records;
pub mod search;
pub mod seed;
pub mod spreadsheet;
#[cfg(test)]
mod testing;
pub mod web;
