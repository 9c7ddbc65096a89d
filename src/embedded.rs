//! What this build carries, and which code it compiles: the one place where the browser's two
//! modules differ (docs/ARCHITECTURE.md, "Two modules in the browser").
//!
//! - feature `embedded`: the index `build.rs` compiled is in the binary ([`EMBEDDED_INDEX`]);
//!   the browser's natural module is built without it and is handed the exact module's bytes;
//! - feature `natural` ([`NATURAL`]): the tiers under [`crate::query::natural`] — documents by
//!   文号 or title, relaxed hits, corrections, pinyin, completions. The browser's exact module is
//!   built without them; every call into them is behind this constant, so the compiler drops
//!   their code;
//! - [`SHARDS`]: whether the code reading shard files is compiled in.
//!
//! The browser's exact module is built without `embedded` too: `scripts/build-web` appends the
//! index to it as a custom section, which the page reads and opens (docs/index-format.md).

/// The index built from the corpus by `build.rs` (feature `embedded`; the browser's natural
/// module is built without it and is handed the exact module's bytes).
#[cfg(feature = "embedded")]
pub static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Whether this build has the tiers beyond the exact one (feature `natural`): documents by 文号
/// or title, relaxed hits, corrections, pinyin and completions. The browser's first module is
/// built without them, so that the bytes before a hanzi query's first result hold only what
/// that result needs; the calls into them are behind this constant, so the compiler leaves
/// their code out.
pub const NATURAL: bool = cfg!(feature = "natural");

/// Whether this build reads shard files: its embedded index is sharded, or it opens an index
/// from bytes that may be sharded (both browser modules: the exact one opens its custom
/// section, the natural one the exact one's bytes; native builds open files too). Only a wasm
/// build embedding a whole index for the exact tier alone leaves that code out.
pub const SHARDS: bool =
    cfg!(any(policy_search_sharded, feature = "natural", not(feature = "embedded"), not(target_arch = "wasm32")));

/// The name of the lexicon file built with the embedded index (`lexicon-<checksum>.bin`).
/// The browser's exact module has no embedded index: its page reads the name from the
/// module's `policy-search-lexicon` section (docs/index-format.md, "In the browser").
#[cfg(feature = "embedded")]
pub static LEXICON_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.name"));

/// The lexicon built with it. Native builds embed it; the browser fetches it lazily (its file
/// name is [`crate::Engine::lexicon_file`]) so that it is not on the path of a first result.
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED_LEXICON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// The shard files of a sharded embedded index, as `(name, bytes)` (none for an embedded
/// one). Native builds embed them; the browser fetches each when a query first needs it.
#[cfg(all(feature = "embedded", not(target_arch = "wasm32")))]
pub static EMBEDDED_SHARDS: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/shards.rs"));
