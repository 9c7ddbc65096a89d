//! The wasm interface: the engine as a JavaScript class, `PolicySearch`.
//!
//! Every method takes and returns plain JS values (objects, arrays, strings, numbers, `null`)
//! made by `serde-wasm-bindgen` from the same records the CLI prints as JSON, so the element
//! and the CLI can never disagree about a field. Nothing here panics on user input: bad input
//! comes back as a thrown `Error` whose `code` says what was wrong.
//!
//! The methods of the natural tiers (`attachLexicon`, `hasLexicon`, `suggest`) exist only in a
//! build with the `natural` feature: the browser's exact module has none of their code. Those of
//! a sharded index (`addFile`, `missing`, `hitOf`) exist in every module but an exact one that
//! embeds a whole index: the browser's two modules open their index from bytes
//! (`PolicySearch.open`), which may be sharded. `lexiconFile` exists only in a module with an
//! embedded index; the browser's exact module carries the name in a custom section.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{
    facets::{Day, Filters, Sort, FACETS},
    query::{fields::Field, MAX_QUERY_CHARS, MAX_TERMS},
    Engine, SearchOptions,
};

/// The largest page a caller may ask for; more is refused with a clear error.
pub const MAX_LIMIT: u32 = 1000;

/// What [`PolicySearch::limits`] returns: the constants where they are defined, not copies.
#[derive(Serialize)]
struct Limits {
    max_query_chars: usize,
    max_terms: usize,
    max_limit: u32,
}

/// The search engine over the index embedded in this module.
#[wasm_bindgen]
pub struct PolicySearch {
    engine: Engine<'static>,
}

#[wasm_bindgen]
impl PolicySearch {
    /// Opens the embedded index. Throws if the index is corrupt (a build defect), or if this
    /// module was built without one (then use [`PolicySearch::open`]).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<PolicySearch, JsValue> {
        #[cfg(feature = "embedded")]
        let engine = Engine::embedded().map_err(|e| error("bad_index", &e.to_string()));
        #[cfg(not(feature = "embedded"))]
        let engine = Err(error("no_index", "this module has no embedded index: use PolicySearch.open(bytes)"));
        Ok(PolicySearch { engine: engine? })
    }

    /// Opens an index from its bytes (those of [`PolicySearch::index_bytes`] of another
    /// module of the same build). Throws an `Error` with `code` `bad_index` for bytes that
    /// are not a whole index of this format.
    pub fn open(bytes: Vec<u8>) -> Result<PolicySearch, JsValue> {
        // Leaked once per page, like the lexicon: the engine lives as long as the module.
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let engine = Engine::open(bytes).map_err(|e| error("bad_index", &e.to_string()))?;
        Ok(PolicySearch { engine })
    }

    /// A copy of the index this engine searches, for handing to the natural module (which is
    /// built without one, so that the page downloads the index once).
    #[wasm_bindgen(js_name = indexBytes)]
    pub fn index_bytes(&self) -> Vec<u8> {
        self.engine.index().bytes().to_vec()
    }

    #[cfg(any(policy_search_sharded, feature = "natural", not(feature = "embedded")))]
    /// Adds a shard file of a sharded index or of a sharded lexicon: `name` as
    /// [`PolicySearch::missing`] gave it (relative to this module's folder), `bytes` its
    /// content. Throws an `Error` with `code` `bad_shard` for a name that is not this index's or
    /// its lexicon's, or bytes that are not that file whole.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&self, name: &str, bytes: Vec<u8>) -> Result<(), JsValue> {
        self.engine.add_file(name, bytes).map_err(|e| error("bad_shard", &[name, ": ", &e.to_string()].concat()))
    }

    #[cfg(any(policy_search_sharded, feature = "natural", not(feature = "embedded")))]
    /// The shard files the calls since the last `missing()` needed and did not have (names
    /// relative to this module's folder: the index's, then the lexicon's), and clears the list.
    /// Empty for an embedded index with a whole lexicon.
    /// When not empty, those calls answered without the files: fetch them, `addFile` each and
    /// call again — the answer is then complete (or names yet more files, as a search whose
    /// correction reads other keys may).
    pub fn missing(&self) -> Vec<String> {
        self.engine.take_missing()
    }

    /// Whether this module has the tiers beyond the exact one (relaxed hits, corrections,
    /// pinyin, completions): false for the page's first module, true for the natural one.
    pub fn natural(&self) -> bool {
        crate::embedded::NATURAL
    }

    /// Runs `query` and returns `{query, total, partial, documents, corrected, pinyin,
    /// pinyin_hits, parsed, offset, hits, facets}` (see the CLI's JSON in the README).
    /// `options` is `undefined` or `{limit?: number, offset?: number, correct?: boolean,
    /// pinyin?: boolean, filters?: {doc?, issuer?, year?, status?, unit?, type?, code?, topic?: string[]},
    /// in?: "all" | "title" | "number" | "body", sort?: "relevance" | "newest", today?:
    /// "YYYY-MM-DD", from?: "YYYY-MM-DD", to?: "YYYY-MM-DD"}` (defaults 10, 0, true, true,
    /// none, all, relevance, today in China, no range: `in` looks in titles or 文号 only (the
    /// hits are documents) or in the clauses' text only; `from`/`to` keep documents published
    /// in that range; `correct: false` searches the query exactly as typed,
    /// `pinyin: false` does not read Latin letters as pinyin). An empty query with a filter
    /// lists the clauses that pass it. Throws an `Error` with `code` `too_long`,
    /// `too_many_terms`, `only_exclusions` or `bad_options`.
    pub fn search(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let query = string(&query, "query")?;
        let options = search_options(&options)?;
        let results = self.engine.search(&query, &options).map_err(|e| error(e.code(), &e.to_string()))?;
        to_js(&results)
    }

    #[cfg(any(policy_search_sharded, feature = "natural", not(feature = "embedded")))]
    /// The hit of one clause for `query` (as [`PolicySearch::search`] would list it, with its
    /// highlights), or `null` when the query does not find that clause: what a clause opened
    /// from a link highlights, without the text of every other hit. `options` as for search.
    #[wasm_bindgen(js_name = hitOf)]
    pub fn hit_of(&self, query: JsValue, doc: JsValue, clause: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let query = string(&query, "query")?;
        let Some(n) = self.engine.clause_number(&string(&doc, "doc")?, &string(&clause, "clause")?) else {
            return Ok(JsValue::NULL);
        };
        let options = SearchOptions { within: Some(n), ..search_options(&options)? };
        let results = self.engine.search(&query, &options).map_err(|e| error(e.code(), &e.to_string()))?;
        to_js(&results.hits.first())
    }

    #[cfg(feature = "natural")]
    /// Up to `limit` (default 8, at most 32) completions of what is typed so far, from the
    /// corpus's own phrases: `[{text, clauses}]`, most widely held first. Hanzi, Traditional,
    /// pinyin and initials alike (`知识`, `知識`, `zhis`, `zscq` → 知识产权…); `text` is the whole
    /// box to search. Empty until the lexicon is attached. Throws a `TypeError` for a
    /// non-string `text` and `bad_options` for a bad `limit`.
    pub fn suggest(&self, text: JsValue, limit: JsValue) -> Result<JsValue, JsValue> {
        let text = string(&text, "text")?;
        let limit = if limit.is_undefined() || limit.is_null() {
            crate::query::suggest::DEFAULT_LIMIT as u32
        } else {
            let max = crate::query::suggest::MAX_LIMIT as u32;
            whole(&limit, max).ok_or_else(|| error("bad_options", "limit must be a whole number from 0 to 32"))?
        };
        to_js(&self.engine.suggest(&text, limit as usize))
    }

    /// The file name of this index's lexicon, served beside the wasm module (it names the
    /// index's checksum, so a cache never mixes builds).
    #[cfg(feature = "embedded")]
    #[wasm_bindgen(js_name = lexiconFile)]
    pub fn lexicon_file(&self) -> String {
        self.engine.lexicon_file().to_string()
    }

    #[cfg(feature = "natural")]
    /// Attaches the lexicon (the bytes of [`PolicySearch::lexicon_file`]: a whole lexicon, or
    /// the core of a sharded one, whose shard files then come through `missing`/`addFile`):
    /// turns on the relaxed tier's vocabulary, synonyms and stop words, and homophone
    /// corrections. Throws an `Error` with `code` `bad_lexicon` for bytes of another build or a
    /// broken download.
    #[wasm_bindgen(js_name = attachLexicon)]
    pub fn attach_lexicon(&mut self, bytes: Vec<u8>) -> Result<(), JsValue> {
        // Leaked once per page: the lexicon lives as long as the engine, which lives as long
        // as the module.
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        self.engine.attach_lexicon(bytes).map_err(|e| error("bad_lexicon", &e.to_string()))
    }

    #[cfg(feature = "natural")]
    /// Whether the lexicon is attached.
    #[wasm_bindgen(js_name = hasLexicon)]
    pub fn has_lexicon(&self) -> bool {
        self.engine.lexicon().is_some()
    }

    /// Up to `n` example queries that find something in this corpus (short clause headings),
    /// for the hints of a search that found nothing.
    pub fn examples(&self, n: u32) -> Result<JsValue, JsValue> {
        to_js(&self.engine.examples(n.min(20) as usize))
    }

    /// The portal's popular searches (热门搜索, its manifest's `popular`), in its order, to show
    /// before anything is typed.
    pub fn popular(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine.popular())
    }

    /// The limits a search keeps to, for a caller that must not repeat them: `{max_query_chars,
    /// max_terms, max_limit}` — the longest query (characters) and most distinct terms it
    /// accepts (more throws `too_long`, `too_many_terms`), and the largest `limit` of a page.
    pub fn limits(&self) -> Result<JsValue, JsValue> {
        to_js(&Limits { max_query_chars: MAX_QUERY_CHARS, max_terms: MAX_TERMS, max_limit: MAX_LIMIT })
    }

    /// Every document's metadata: `[{doc, title, issuer, number, published, effective,
    /// expires, period, status, source}]`, `status` judged on `today` (`"YYYY-MM-DD"`, or
    /// `undefined` for today in China).
    pub fn docs(&self, today: JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.engine.docs(day(&today, "today")?.unwrap_or_else(crate::facets::today)))
    }

    /// One clause, `{doc, clause, label, path, heading, text, units}`, or `null` if there is
    /// no such clause.
    pub fn clause(&self, doc: JsValue, clause: JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.engine.clause(&string(&doc, "doc")?, &string(&clause, "clause")?))
    }

    /// The clauses of one document in order (an empty array for an unknown document): the
    /// context a deep link opens in.
    #[wasm_bindgen(js_name = documentClauses)]
    pub fn document_clauses(&self, doc: JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.engine.document_clauses(&string(&doc, "doc")?))
    }

    /// Folds every clause now rather than on first use (the element calls this when idle), so
    /// that no search pays for it.
    pub fn prepare(&self) {
        self.engine.prepare();
    }

    /// Sizes and counts of the index.
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine.stats())
    }

    /// `text` folded exactly as the index folds (for brute-force baselines and debugging).
    pub fn fold(&self, text: &str) -> String {
        self.engine.fold(text)
    }
}

/// The options of a search: `undefined` or `{limit?, offset?, correct?, pinyin?, filters?, in?,
/// sort?, today?, from?, to?}`.
fn search_options(options: &JsValue) -> Result<SearchOptions, JsValue> {
    let limit = option(options, "limit", 10)?;
    if limit > MAX_LIMIT {
        return Err(error("bad_options", "limit is above 1000"));
    }
    Ok(SearchOptions {
        limit: limit as usize,
        offset: option(options, "offset", 0)? as usize,
        correct: flag(options, "correct", true)?,
        pinyin: flag(options, "pinyin", true)?,
        within: None,
        filters: Filters {
            from: day(&property(options, "from")?.unwrap_or(JsValue::UNDEFINED), "from")?,
            to: day(&property(options, "to")?.unwrap_or(JsValue::UNDEFINED), "to")?,
            ..filters(options)?
        },
        field: match property(options, "in")?.map(|v| v.as_string()) {
            None => Field::All,
            Some(Some(name)) => Field::from_name(&name).ok_or_else(bad_field)?,
            Some(None) => return Err(bad_field()),
        },
        sort: match property(options, "sort")?.map(|v| v.as_string()) {
            None => Sort::Relevance,
            Some(Some(s)) if s == "relevance" => Sort::Relevance,
            Some(Some(s)) if s == "newest" => Sort::Newest,
            Some(_) => return Err(error("bad_options", "sort must be \"relevance\" or \"newest\"")),
        },
        today: day(&property(options, "today")?.unwrap_or(JsValue::UNDEFINED), "today")?,
    })
}

fn bad_field() -> JsValue {
    error("bad_options", "in must be \"all\", \"title\", \"number\" or \"body\"")
}

/// `options.filters`: an object whose keys are facet names, each an array of strings.
fn filters(options: &JsValue) -> Result<Filters, JsValue> {
    let mut filters = Filters::default();
    let Some(given) = property(options, "filters")?.filter(|v| !v.is_null()) else { return Ok(filters) };
    for name in FACETS {
        let Some(values) = property(&given, name)? else { continue };
        let bad = || error("bad_options", &["filters.", name, " must be an array of strings"].concat());
        if !js_sys::Array::is_array(&values) {
            return Err(bad());
        }
        let into = filters.values_mut(name).expect("a facet name");
        for v in js_sys::Array::from(&values).iter() {
            into.push(v.as_string().ok_or_else(bad)?);
        }
    }
    Ok(filters)
}

/// A day given as `"YYYY-MM-DD"` (the option `name`), `undefined`/`null` for none.
fn day(value: &JsValue, name: &str) -> Result<Option<Day>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let parsed = value.as_string().as_deref().and_then(Day::parse);
    parsed.map(Some).ok_or_else(|| error("bad_options", &[name, " must be a date \"YYYY-MM-DD\""].concat()))
}

/// A string argument, or a `TypeError` (code `bad_argument`) naming it: a page script that
/// passes a number gets an answer, not a trapped module.
fn string(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let error = js_sys::TypeError::new(&[name, " must be a string"].concat());
        let _ = js_sys::Reflect::set(&error, &"code".into(), &"bad_argument".into());
        error.into()
    })
}

/// `options[name]`, or `None` when it is absent (or there are no options). Options must be
/// `undefined`, `null` or an object.
fn property(options: &JsValue, name: &str) -> Result<Option<JsValue>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() {
        return Err(error("bad_options", "options must be an object such as {limit: 10, offset: 0}"));
    }
    let value = js_sys::Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    Ok((!value.is_undefined()).then_some(value))
}

/// Reads `options[name]`: absent means `default`; otherwise a whole number from 0 to 2³²−1.
/// Read by hand rather than with serde, whose error messages would pull float formatting
/// (~7 KB brotli) into the module. Other keys are ignored.
fn option(options: &JsValue, name: &str, default: u32) -> Result<u32, JsValue> {
    let Some(value) = property(options, name)? else { return Ok(default) };
    whole(&value, u32::MAX).ok_or_else(|| error("bad_options", &[name, " must be a whole number from 0"].concat()))
}

/// `value` when it is a whole number from 0 to `max`.
fn whole(value: &JsValue, max: u32) -> Option<u32> {
    value.as_f64().filter(|n| (0.0..=f64::from(max)).contains(n) && n.fract() == 0.0).map(|n| n as u32)
}

/// Reads `options[name]`: absent means `default`; otherwise a boolean.
fn flag(options: &JsValue, name: &str, default: bool) -> Result<bool, JsValue> {
    let Some(value) = property(options, name)? else { return Ok(default) };
    value.as_bool().ok_or_else(|| error("bad_options", &[name, " must be true or false"].concat()))
}

/// Plain objects and `null` (not `Map`s and `undefined`), so results survive `JSON.stringify`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| error("internal", &e.to_string()))
}

/// A JS `Error` carrying a machine-readable `code` beside its message.
fn error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("PolicySearchError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}
