//! The `policy-search` binary prints the JSON its usage promises.

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_policy-search")).args(args).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.success())
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn clauses_and_docs_are_json_lines_with_the_promised_fields() {
    let (out, _, ok) = run(&["clauses", "--json"]);
    assert!(ok);
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 147);
    for f in ["doc", "clause", "path", "heading", "text", "units"] {
        assert!(keys(&lines[0]).contains(&f.to_string()), "{f}");
    }
    let (out, _, ok) = run(&["docs", "--json"]);
    assert!(ok);
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    for f in ["doc", "title", "issuer", "number", "published", "effective", "status", "source"] {
        assert!(keys(&first).contains(&f.to_string()), "{f}");
    }
}

#[test]
fn search_prints_query_total_and_hits() {
    let (out, _, ok) = run(&["search", "--json", "--limit", "2", "--", "-众创空间", "孵化"]);
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["hits"].as_array().unwrap().len(), 2);
    assert!(v["total"].as_u64().unwrap() >= 5);
    for f in ["doc", "clause", "title", "path", "heading", "text", "highlights", "snippet", "score"] {
        assert!(v["hits"][0].get(f).is_some(), "{f}");
    }
    let (out, _, ok) = run(&["search", "孵化"]);
    assert!(ok && out.contains("«孵化»"));
}

#[test]
fn bad_usage_and_bad_queries_say_why() {
    let (_, err, ok) = run(&["search", "--limit", "x", "孵化"]);
    assert!(!ok && err.contains("--limit"));
    let (_, err, ok) = run(&["frobnicate"]);
    assert!(!ok && err.contains("unknown command"));
    let (_, err, ok) = run(&["search", "--", "-孵化"]);
    assert!(!ok && err.contains("exclude") || err.contains("不带"));
    let (out, _, ok) = run(&["stats", "--json"]);
    assert!(ok && serde_json::from_str::<Value>(&out).unwrap()["keys"].as_u64().unwrap() > 1000);
}

#[test]
fn a_non_utf8_argument_is_a_clear_error() {
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_policy-search"))
        .arg("search")
        .arg(std::ffi::OsStr::from_bytes(b"\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("argument 2 is not valid UTF-8"), "{err}");
}

#[test]
fn terminal_output_escapes_control_and_bidi_characters() {
    let (out, _, ok) = run(&["search", "--", "\u{1b}[31m创新\u{202e}\u{7}"]);
    assert!(ok);
    assert!(!out.contains(['\u{1b}', '\u{202e}', '\u{7}']), "{out}");
    assert!(out.contains("\\u{1b}"), "{out}");
    // JSON is for programs: serde_json escapes control characters itself.
    let (out, _, ok) = run(&["search", "--json", "--", "\u{1b}创新"]);
    assert!(ok && !out.contains('\u{1b}'));
}
