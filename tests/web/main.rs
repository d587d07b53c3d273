//! Integration tests: the whole site against a real PostgreSQL, a fresh database per test.
//! With DATABASE_URL unset they start the project's private cluster (see src/db/local_cluster.rs).

mod fixtures;
mod helpers;

mod admin;
mod admin_detentions;
mod admin_flows;
mod admin_forms;
mod admin_i18n;
mod admin_import;
mod admin_kinds;
mod admin_people;
mod admin_photos;
mod admin_records;
mod admin_waves;
mod api;
mod browser;
mod charts;
mod cli;
mod concurrency;
mod dataset;
mod downloads;
mod faults;
mod feeds;
mod headers;
mod health;
mod home;
mod hostile;
mod i18n;
mod lists;
mod migrations;
mod prisoners;
mod review;
mod sampling;
mod search;
mod seed;
mod serving;
mod synthetic;
mod texts;
mod trash;
mod two_factor;
mod waves;
mod withheld;
