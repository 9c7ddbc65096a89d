//! The `policy-search` command's work, apart from where its index comes from: the native binary
//! (`src/main.rs`) runs it over the index embedded at build time, the indexer for JavaScript
//! (`crates/indexer-wasm`, the npm package's `search --index DIR`) over a deployed folder's
//! files. One parser, one printer, so both answer a query with the same text and the same JSON.
//!
//! ```text
//! policy-search search [--limit N] [--offset K] [--exact] [--no-pinyin] [FILTERS] [--json] [--] QUERY…
//! policy-search facets [FILTERS] [--json] [--] QUERY…
//! policy-search suggest [--limit N] [--json] [--] TEXT…
//! policy-search clauses [--json]
//! policy-search docs [--today YYYY-MM-DD] [--json]
//! policy-search stats [--json]
//! ```

use std::io::Write;

use policy_search::{
    facets::{Day, FACETS},
    query::fields::Field,
    Engine, SearchOptions, Sort,
};

/// What the command accepts, printed with any error about its arguments.
pub const USAGE: &str = "usage:
  policy-search search [--limit N] [--offset K] [--exact] [--no-pinyin] [FILTERS] [--json] [--] QUERY...
      --exact       search the query as typed, without a homophone correction
      --no-pinyin   do not read Latin letters as pinyin
      an empty QUERY with a filter lists every clause that passes it
  policy-search facets [FILTERS] [--json] [--] QUERY...
      each facet's values with their counts of hits for QUERY
  FILTERS:
      --filter NAME=VALUE   keep hits whose NAME (doc, issuer, year, status, unit, type, code,
                            topic) is VALUE (type: 公文种类, 通知, 意见, 法…; code: 机关代字,
                            国办发…; topic: 主题分类 as the documents state it);
                            several values of one NAME are OR, different NAMEs AND
                            (status: current, pending, expired, unknown, or 现行有效…)
      --in all|title|number|body
                            where QUERY is looked for: everywhere (default), document titles
                            or 文号 (documents only, literally), or the clauses' text only
      --sort relevance|newest
      --from YYYY-MM-DD, --to YYYY-MM-DD
                            keep hits of documents published in that range (either may be
                            left open; a document without a date of issue is left out)
      --today YYYY-MM-DD    the day validity is judged on (default: today in China)
  policy-search suggest [--limit N] [--json] [--] TEXT...
      completions of TEXT from the corpus's phrases (hanzi, pinyin or initials)
  policy-search clauses [--json]
  policy-search docs [--today YYYY-MM-DD] [--json]
  policy-search stats [--json]";

/// Parsed flags and positional words.
struct Args {
    json: bool,
    /// `--limit`, if given: each command has its own default.
    limit: Option<usize>,
    options: SearchOptions,
    words: Vec<String>,
}

fn parse_flags(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args { json: false, limit: None, options: SearchOptions::default(), words: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            let v = it.next().ok_or(format!("{name} needs a number"))?;
            v.parse().map_err(|_| format!("{name}: {v:?} is not a number"))
        };
        match a.as_str() {
            "--json" => parsed.json = true,
            "--exact" => parsed.options.correct = false,
            "--no-pinyin" => parsed.options.pinyin = false,
            "--limit" => parsed.limit = Some(number("--limit")?),
            "--offset" => parsed.options.offset = number("--offset")?,
            "--filter" => {
                let v = it.next().ok_or("--filter needs NAME=VALUE")?;
                let (name, value) = v.split_once('=').ok_or(format!("--filter {v:?}: expected NAME=VALUE"))?;
                let values = parsed
                    .options
                    .filters
                    .values_mut(name)
                    .ok_or(format!("--filter {v:?}: {name:?} is not a facet (one of {})", FACETS.join(", ")))?;
                values.push(value.to_string());
            }
            "--sort" => {
                parsed.options.sort = match it.next().map(String::as_str) {
                    Some("relevance") => Sort::Relevance,
                    Some("newest") => Sort::Newest,
                    other => return Err(format!("--sort {other:?}: expected relevance or newest")),
                }
            }
            "--in" => {
                let v = it.next().map(String::as_str);
                parsed.options.field =
                    v.and_then(Field::from_name).ok_or(format!("--in {v:?}: expected all, title, number or body"))?;
            }
            "--today" | "--from" | "--to" => {
                let v = it.next().ok_or(format!("{a} needs a date"))?;
                let day = Some(Day::parse(v).ok_or(format!("{a} {v:?}: expected a date YYYY-MM-DD"))?);
                match a.as_str() {
                    "--today" => parsed.options.today = day,
                    "--from" => parsed.options.filters.from = day,
                    _ => parsed.options.filters.to = day,
                }
            }
            "--" => {
                parsed.words.extend(it.by_ref().cloned());
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => parsed.words.push(a.clone()),
        }
    }
    Ok(parsed)
}

/// Runs one command (`args` without the program's name) over `engine`, writing what it prints
/// to `out`; an error is a message for the user (bad arguments carry the usage).
///
/// Over a sharded index whose files the engine lacks, the output is incomplete: the caller
/// checks [`Engine::take_missing`], adds the files and runs the command again.
pub fn run(engine: &Engine, args: &[String], out: impl Write) -> Result<(), String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let args = parse_flags(rest)?;
    // Text for people goes through `Terminal`, which escapes control and bidi characters from
    // the corpus or the query (an ESC sequence, a U+202E); JSON escapes them itself.
    let mut out: Box<dyn Write> = if args.json { Box::new(out) } else { Box::new(Terminal(out)) };
    let json = |v: &dyn erased::Json| v.line();
    let result = match command.as_str() {
        "search" => {
            let query = args.words.join(" ");
            let options = SearchOptions { limit: args.limit.unwrap_or(args.options.limit), ..args.options.clone() };
            let results = engine.search(&query, &options).map_err(|e| e.to_string())?;
            if args.json {
                writeln!(out, "{}", json(&results))
            } else {
                print_results(&mut out, &results)
            }
        }
        "facets" => {
            let options = SearchOptions { limit: 0, ..args.options.clone() };
            let results = engine.search(&args.words.join(" "), &options).map_err(|e| e.to_string())?;
            if args.json {
                writeln!(out, "{}", json(&results.facets))
            } else {
                results.facets.iter().try_for_each(|f| {
                    let values: Vec<String> = f
                        .values
                        .iter()
                        .map(|v| format!("{}{} ({})", if v.selected { "*" } else { "" }, v.label, v.count))
                        .collect();
                    writeln!(out, "{}: {}", f.name, values.join("  "))
                })
            }
        }
        "suggest" => {
            let limit = args.limit.unwrap_or(policy_search::query::suggest::DEFAULT_LIMIT);
            let found = engine.suggest(&args.words.join(" "), limit);
            if args.json {
                writeln!(out, "{}", json(&found))
            } else {
                found.iter().try_for_each(|s| writeln!(out, "{}  ({} 条)", s.text, s.clauses))
            }
        }
        "clauses" => engine.clauses().iter().try_for_each(|c| {
            if args.json {
                writeln!(out, "{}", json(c))
            } else {
                let path: Vec<String> = c.path.iter().map(|p| format!("{}{}", p.label, p.title)).collect();
                let first: String = c.text.chars().take(40).collect();
                writeln!(out, "{}#{}  {}  {}{}", c.doc, c.clause, path.join(" › "), c.label, first.replace('\n', " "))
            }
        }),
        "docs" => {
            engine.docs(args.options.today.unwrap_or_else(policy_search::facets::today)).iter().try_for_each(|d| {
                if args.json {
                    writeln!(out, "{}", json(d))
                } else {
                    writeln!(
                        out,
                        "{}  《{}》 {} {} {}",
                        d.doc,
                        d.title,
                        d.number.as_deref().unwrap_or("(无文号)"),
                        d.published.as_deref().unwrap_or("(日期未知)"),
                        d.status
                    )
                }
            })
        }
        "stats" => {
            let s = engine.stats();
            if args.json {
                writeln!(out, "{}", json(&s))
            } else {
                s.sections
                    .iter()
                    .try_for_each(|x| writeln!(out, "{:<10} {:>8} bytes", x.name, x.bytes))
                    .and_then(|()| {
                        writeln!(
                            out,
                            "total {} bytes; {} keys, {} clauses, {} documents; clause text {} bytes",
                            s.total_bytes, s.keys, s.clauses, s.docs, s.text_bytes
                        )
                    })
                    .and_then(|()| match &s.lexicon {
                        Some(l) => l
                            .sections
                            .iter()
                            .try_for_each(|x| writeln!(out, "lexicon.{:<10} {:>8} bytes", x.name, x.bytes))
                            .and_then(|()| writeln!(out, "lexicon total {} bytes; {} words", l.total_bytes, l.words)),
                        None => Ok(()),
                    })
            }
        }
        other => return Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    result.map_err(|e| e.to_string())
}

fn print_results(out: &mut impl Write, results: &policy_search::SearchResults) -> std::io::Result<()> {
    if let Some(c) = &results.corrected {
        writeln!(out, "您是不是要找：{} ({} → {}; search as typed: --exact)", c.query, c.from, c.to)?;
    }
    writeln!(
        out,
        "{} 条结果 (exact clauses), {} 条相关条款 (partial), {} 份文件 (documents): {}",
        results.total, results.partial, results.documents, results.query
    )?;
    if let Some(r) = &results.pinyin {
        writeln!(out, "按拼音 {} → {}: {} 条 (pinyin; as typed only: --no-pinyin)", r.from, r.to, results.pinyin_hits)?;
    }
    for (n, hit) in results.hits.iter().enumerate() {
        let path: Vec<String> = hit.path.iter().map(|p| format!("{}{}", p.label, p.title)).collect();
        let why = if hit.via.is_empty() {
            String::new()
        } else {
            let via: Vec<String> = hit.via.iter().map(|v| format!("{v:?}").to_lowercase()).collect();
            format!("  ({}: {})", via.join("+"), hit.matched.join(" "))
        };
        writeln!(
            out,
            "\n{}. 《{}》 › {} {}  [{}#{}  {:.2}]{why}",
            results.offset + n + 1,
            hit.title,
            path.join(" › "),
            hit.label,
            hit.doc,
            hit.clause,
            hit.score
        )?;
        writeln!(out, "   {}", mark(&hit.snippet.text, &hit.snippet.highlights).replace('\n', " "))?;
    }
    if !results.related.is_empty() {
        writeln!(out, "相关搜索：{}", results.related.join(" | "))?;
    }
    Ok(())
}

/// A writer for a terminal: control characters (but the newline) and invisible bidi controls
/// are written as `\u{…}` escapes, so corpus or query text cannot move the cursor, recolour
/// the terminal or reorder the line.
struct Terminal<W: Write>(W);

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let mut escaped = String::with_capacity(text.len());
        for c in text.chars() {
            if (c.is_control() && c != '\n') || policy_search_normalize::is_invisible(c) {
                escaped.extend(c.escape_unicode());
            } else {
                escaped.push(c);
            }
        }
        self.0.write_all(escaped.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Marks highlighted ranges with «…».
fn mark(text: &str, highlights: &[[u32; 2]]) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        let i = i as u32;
        if highlights.iter().any(|h| h[0] == i) {
            out.push('«');
        }
        out.push(c);
        if highlights.iter().any(|h| h[1] == i + 1) {
            out.push('»');
        }
    }
    out
}

mod erased {
    /// Serialises any record as one line of JSON.
    pub trait Json {
        fn line(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn line(&self) -> String {
            serde_json::to_string(self).expect("records serialise")
        }
    }
}
