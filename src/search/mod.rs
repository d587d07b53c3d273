//! Finding people by name however it is spelled: the key that folds spellings together, and
//! the search parameters of `/prisoners`. The SQL lives in `db::search`.

pub mod key;
pub mod query;
