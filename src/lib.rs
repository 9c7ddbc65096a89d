//! policy-search: search Chinese policy clauses entirely in the browser.
//!
//! This crate is what runs at query time, natively (the `policy-search` CLI) and in
//! WebAssembly (the `<policy-search>` element): it opens the index that `build.rs` compiled
//! from the corpus ([`engine`]), parses queries ([`query`]), matches and ranks clauses
//! ([`rank`]), filters them and counts them per facet ([`facets`]) and returns plain records
//! ([`results`]); on wasm, `bindings` exposes them to
//! JavaScript as the class `PolicySearch`.
//!
//! ```no_run
//! let engine = policy_search::Engine::embedded().unwrap();
//! let results = engine.search("知识产权 保护", &Default::default()).unwrap();
//! println!("{} clauses", results.total);
//! ```

#[cfg(target_arch = "wasm32")]
pub mod bindings;
pub mod embedded;
pub mod engine;
pub mod facets;
pub mod query;
pub mod rank;
pub mod reader;
pub mod results;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod testing;

#[cfg(feature = "embedded")]
pub use embedded::EMBEDDED_INDEX;
#[cfg(not(target_arch = "wasm32"))]
pub use embedded::EMBEDDED_LEXICON;
pub use engine::{Engine, SearchOptions};
pub use facets::{Filters, Sort};
pub use query::QueryError;
pub use reader::Reader;
pub use results::{ClauseRecord, Document, Hit, PathItem, SearchResults, Snippet, Stats};
