//! The expectations of `shared/queries/natural.json` (top1 / top3 / doc / none), with the
//! semantics of `shared/queries/score.py`; shared by the natural-query test and the benchmark.

use policy_search::{Engine, SearchOptions};
use serde_json::Value;

/// Why `q` fails its expectation, if it does (the semantics of `shared/queries/score.py`).
pub fn check(engine: &Engine<'_>, q: &str, expect: &Value) -> Result<(), String> {
    let r = engine.search(q, &SearchOptions::default()).map_err(|e| e.to_string())?;
    let texts: Vec<String> = r.hits.iter().map(|h| engine.fold(&h.text)).collect();
    let wanted = |key: &str| -> Vec<String> {
        expect[key].as_array().map(|a| a.iter().map(|s| engine.fold(s.as_str().unwrap())).collect()).unwrap_or_default()
    };
    let first = texts.first().map(String::as_str).unwrap_or("");
    if expect.get("top1").is_some() && !wanted("top1").iter().any(|w| first.contains(w.as_str())) {
        return Err(format!("top1 is {:?}", first.chars().take(60).collect::<String>()));
    }
    if expect.get("top3").is_some()
        && !texts.iter().take(3).any(|t| wanted("top3").iter().any(|w| t.contains(w.as_str())))
    {
        return Err("not in the top 3".into());
    }
    if let Some(doc) = expect["doc"].as_str() {
        let title = r.hits.first().map(|h| engine.fold(&h.title)).unwrap_or_default();
        if !title.contains(&engine.fold(doc)) {
            return Err(format!("first hit is from {title:?}"));
        }
    }
    if expect["none"].as_bool() == Some(true) && !r.hits.is_empty() {
        return Err(format!("{} hits, first {:?}", r.hits.len(), first.chars().take(40).collect::<String>()));
    }
    Ok(())
}
