//! Finding people by name however it is spelled.

pub mod key;
