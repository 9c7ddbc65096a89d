//! The corpus pipeline, run at build time: a folder of scraped policy pages → clean clauses with
//! document metadata.
//!
//! For each file: decode it and, for an HTML page, take its main content's lines ([`read`]) →
//! per line, unify spaces and strip pinyin glosses ([`clean`]) → split the page header (title,
//! 文号) from the body → lift the signature block into metadata → drop the page footer; spam and
//! site chrome are removed by named line rules only in the header and footer, keeping the facts
//! they carry (page date, 文号, site) → segment the body into clauses
//! ([`segment`]) → find responsible units ([`units`]) and effective dates ([`meta`]).
//! Every removed line is kept in [`Document::removed`] with the rule that removed it, so
//! nothing disappears without a name. Bad input is a [`CorpusError`] that names the file.

pub mod clean;
pub mod date;
pub mod error;
pub mod manifest;
pub mod meta;
pub mod read;
pub mod rule;
pub mod segment;
pub mod split;
pub mod title;
pub mod units;

use std::{
    fs,
    ops::Range,
    path::{Path, PathBuf},
};

use policy_search_normalize::{fold, FoldTable};

pub use date::Date;
pub use error::{CorpusError, DocumentError};
pub use manifest::{Manifest, Overrides};
pub use read::{Page, PageLine, PageMeta};
pub use rule::Rule;
pub use segment::Heading;
pub use split::{Split, MAX_CLAUSE_CHARS};

use clean::{gloss::strip_glosses, lines::chrome_rule, numbers::repair_doc_numbers, whitespace::unify_spaces};
use read::FileKind;
use segment::{marker, Line};

/// All documents of a corpus folder.
#[derive(Debug)]
pub struct Corpus {
    /// Documents in file-name order.
    pub documents: Vec<Document>,
    /// The manifest's own thesaurus rules (Solr syntax), checked by the build.
    pub synonyms: Vec<String>,
    /// Files of the folder that were not read, each with why (the build prints them).
    pub skipped: Vec<String>,
    /// The folder it was read from.
    pub dir: PathBuf,
}

impl Corpus {
    /// What the build says about single files without failing, one line each: files not read
    /// (hidden ones) and files read in an encoding that had to be guessed.
    pub fn warnings(&self) -> Vec<String> {
        self.skipped.iter().cloned().chain(self.documents.iter().filter_map(|d| d.warning.clone())).collect()
    }

    /// [`Corpus::warnings`], then every clause that was split because it was longer than
    /// [`MAX_CLAUSE_CHARS`].
    pub fn report(&self) -> Vec<String> {
        let splits = self.documents.iter().flat_map(|d| {
            d.split.iter().map(|s| {
                format!(
                    "{}: clause {} ({} characters) split into {} clauses of at most {MAX_CLAUSE_CHARS} characters",
                    d.file.display(),
                    s.clause,
                    s.chars,
                    s.pieces
                )
            })
        });
        self.warnings().into_iter().chain(splits).collect()
    }

    /// The removed-lines report the build writes beside the index: one line per removed line
    /// (`file:line: rule: text`), then [`Corpus::report`].
    pub fn removed_report(&self) -> String {
        let removed = self.documents.iter().flat_map(|d| {
            d.removed.iter().map(move |r| format!("{}:{}: {}: {}", d.file.display(), r.line, r.rule, r.text))
        });
        removed.chain(self.report()).map(|line| line + "\n").collect()
    }

    /// One line for the build's output: documents, clauses, removed lines (and where the report
    /// is), files skipped or read in a guessed encoding, clauses split.
    pub fn summary(&self, report: &Path) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let clauses = self.documents.iter().map(|d| d.clauses.len()).sum();
        let removed = self.documents.iter().map(|d| d.removed.len()).sum();
        let mut parts = vec![
            count(self.documents.len(), "document", "documents"),
            count(clauses, "clause", "clauses"),
            format!("{} (see {})", count(removed, "line removed", "lines removed"), report.display()),
        ];
        let guessed = self.documents.iter().filter(|d| d.warning.is_some()).count();
        let split = self.documents.iter().map(|d| d.split.len()).sum();
        for (n, one, many) in [
            (self.skipped.len(), "file skipped", "files skipped"),
            (guessed, "file not UTF-8", "files not UTF-8"),
            (split, "long clause split", "long clauses split"),
        ] {
            if n > 0 {
                parts.push(count(n, one, many));
            }
        }
        format!("policy-search corpus: {}", parts.join(", "))
    }
}

/// One policy document.
#[derive(Debug)]
pub struct Document {
    /// Its metadata.
    pub meta: DocMeta,
    /// Its clauses in reading order.
    pub clauses: Vec<Clause>,
    /// Every source line that is not policy text, with the rule that removed it.
    pub removed: Vec<Removed>,
    /// Clauses longer than [`MAX_CLAUSE_CHARS`], split into several (see [`split`]).
    pub split: Vec<Split>,
    /// The file it was read from (empty when parsed from a string).
    pub file: PathBuf,
    /// How it was read, when that deserves a word (a text file that is not UTF-8).
    pub warning: Option<String>,
}

/// Document metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocMeta {
    /// The file stem, e.g. `000_1d89341c27db629f`.
    pub doc: String,
    /// Title in the document's own script.
    pub title: String,
    /// Issuing bodies.
    pub issuer: Vec<String>,
    /// 文号, e.g. `杭政〔2019〕55號`.
    pub number: Option<String>,
    /// Date of issue (the signature date, else the page's publication date).
    pub published: Option<Date>,
    /// Date it takes effect.
    pub effective: Option<Date>,
    /// Last day in force.
    pub expires: Option<Date>,
    /// Validity period as stated, e.g. `2016~2018`.
    pub period: Option<String>,
    /// Validity as the manifest states it (a code or label [`manifest::VALIDITY`] lists),
    /// overriding the dates; the engine otherwise computes it from the dates on the day of
    /// each search.
    pub status: Option<String>,
    /// The site the page came from.
    pub source: Option<String>,
}

/// One citable clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Stable id from the numbering path, unique within the document: `2.4`, `preamble`, `2.4~2`
    /// for a second `2.4` in the source, `2.4-2` for the second piece of a split clause.
    pub clause: String,
    /// Its own numbering as cited (`（四）`), empty when un-numbered.
    pub label: String,
    /// Headings above it, outermost first.
    pub path: Vec<Heading>,
    /// Its heading or lead phrase: always the first `heading_len` characters of `text`.
    pub heading: Option<String>,
    /// Cleaned display text in the original script; paragraphs separated by `\n`.
    pub text: String,
    /// Responsible units it names.
    pub units: Vec<String>,
    /// Character range in `text` of the tag that names the units.
    pub units_span: Option<Range<usize>>,
}

/// A source line that is not policy text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number.
    pub line: usize,
    /// The rule that removed it (printed as `seo_spam`, `breadcrumb`, `header`, `signature`, …).
    pub rule: Rule,
    /// The line after space unification and gloss removal.
    pub text: String,
}

/// Reads every `*.txt`, `*.html` and `*.htm` in `dir` and its optional `manifest.toml`
/// (docs/corpus.md).
///
/// Any problem is an error naming the file.
pub fn load_dir(dir: &Path) -> Result<Corpus, CorpusError> {
    let io = CorpusError::io;
    let manifest_path = dir.join("manifest.toml");
    let manifest = match fs::read_to_string(&manifest_path) {
        Ok(text) => Manifest::parse(&text, &manifest_path)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Manifest::default(),
        Err(e) => return Err(io(&manifest_path)(e)),
    };

    let mut paths = Vec::new();
    let mut skipped = Vec::new();
    let root = fs::canonicalize(dir).map_err(io(dir))?;
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if name == "manifest.toml" {
            continue;
        }
        if name.starts_with('.') {
            skipped.push(format!("{}: skipped, a hidden file", path.display()));
            continue;
        }
        // A link may not lead out of the folder: the corpus is what the folder holds.
        let target = fs::canonicalize(&path).map_err(io(&path))?;
        if !target.starts_with(&root) {
            return Err(CorpusError::LinkOutside { path, target });
        }
        match FileKind::of(&path) {
            Some(kind) if path.is_file() => paths.push((path, kind)),
            _ => return Err(CorpusError::NotCorpusFile { path }),
        }
    }
    paths.sort_by(|a, b| a.0.cmp(&b.0));

    let stem = |p: &Path| p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    for name in manifest.files.keys() {
        if !paths.iter().any(|(p, _)| &stem(p) == name) {
            return Err(CorpusError::ManifestNoSuchFile {
                path: manifest_path,
                stem: name.clone(),
                dir: dir.to_path_buf(),
            });
        }
    }

    let mut documents: Vec<Document> = Vec::new();
    for (path, kind) in &paths {
        let doc = read_document(path, *kind, &stem(path), &manifest)?;
        // The same document twice (a re-scrape, a copy, page.html beside page.txt) would show
        // every clause twice.
        let same = |d: &Document| {
            (d.meta.title == doc.meta.title && d.meta.number == doc.meta.number)
                || d.clauses.iter().map(|c| &c.text).eq(doc.clauses.iter().map(|c| &c.text))
        };
        if let Some(first) = documents.iter().find(|d| same(d)) {
            return Err(CorpusError::Duplicate {
                path: path.clone(),
                first: first.file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string(),
                title: doc.meta.title,
            });
        }
        documents.push(doc);
    }
    if documents.is_empty() {
        return Err(CorpusError::NoDocuments { path: dir.to_path_buf() });
    }
    Ok(Corpus { documents, synonyms: manifest.synonyms, skipped, dir: dir.to_path_buf() })
}

/// Reads, decodes and parses one file; its manifest entry is the one named by its stem.
fn read_document(path: &Path, kind: FileKind, stem: &str, manifest: &Manifest) -> Result<Document, CorpusError> {
    let bytes = fs::read(path).map_err(CorpusError::io(path))?;
    let undecodable = |e: read::decode::Undecodable| CorpusError::Undecodable {
        path: path.to_path_buf(),
        tried: e.tried,
        offset: e.offset,
    };
    let overrides = manifest.files.get(stem);
    let (parsed, guessed) = match kind {
        FileKind::Text => {
            let (text, guessed) = read::decode::text(&bytes).map_err(undecodable)?;
            (parse_document(stem, &text, overrides), guessed)
        }
        FileKind::Html => {
            let (text, guessed) = read::decode::html(&bytes).map_err(undecodable)?;
            (parse_page(stem, read::html::page(&text), overrides), guessed)
        }
    };
    let mut doc = parsed.map_err(|source| CorpusError::Document { path: path.to_path_buf(), source })?;
    doc.file = path.to_path_buf();
    doc.warning = guessed.map(|e| format!("{}: not UTF-8, read as {e}", path.display()));
    Ok(doc)
}

/// A source line on its way through the pipeline.
struct Source {
    no: usize,
    /// Spaces unified, glosses stripped.
    text: String,
    /// `text` without spaces, in the original script.
    compact: String,
    /// `compact` folded: what the rules look at.
    probe: String,
    /// The chrome rule the line matches, which removes it only outside the body.
    chrome: Option<Rule>,
    /// It starts with a numbering marker or a bullet: body text, never chrome.
    numbered: bool,
    removed: Option<Rule>,
}

impl Source {
    /// Not removed (yet) and not blank: a line the next step still has to place.
    fn live(&self) -> bool {
        self.removed.is_none() && !self.probe.is_empty()
    }
}

/// Cleans and segments one text document. Errors say what is wrong, without the file name.
pub fn parse_document(doc: &str, text: &str, overrides: Option<&Overrides>) -> Result<Document, DocumentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    refuse_non_text(text)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines = text.lines().map(|l| PageLine { text: l.to_string(), outside: false }).collect();
    parse_page(doc, Page { lines, meta: PageMeta::default(), warning: None }, overrides)
}

/// Cleans and segments one page as [`read`] gives it (a text file, or an HTML page's text with
/// what lies outside its main content marked). Errors say what is wrong, without the file name.
pub fn parse_page(doc: &str, page: Page, overrides: Option<&Overrides>) -> Result<Document, DocumentError> {
    if page.lines.iter().all(|l| l.outside || l.text.trim().is_empty()) {
        return Err(DocumentError::Empty);
    }
    let mut lines = clean_lines(page.lines);
    let body_start = take_header(&mut lines)?;
    let signature = take_signatures(&mut lines, body_start);
    let last_signed = signature.as_ref().map_or(body_start, |s| s.line);
    drop_footer(&mut lines, body_start, last_signed);
    drop_labels(&mut lines[body_start..]);
    let facts = page_facts(page.meta, &lines, body_start, signature);
    let (clauses, split) = segment_body(&lines[body_start..])?;
    let meta = document_meta(doc, overrides, facts, &clauses)?;
    let removed =
        lines.into_iter().filter_map(|l| Some(Removed { line: l.no, rule: l.removed?, text: l.text })).collect();
    Ok(Document { meta, clauses, removed, split, file: PathBuf::new(), warning: page.warning })
}

/// Refuses an empty file and a web page saved as .txt by name, rather than failing later on
/// "no title found".
fn refuse_non_text(text: &str) -> Result<(), DocumentError> {
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    let head: String = text.trim_start().chars().take(200).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<head>")
        || head.contains("<body")
    {
        return Err(DocumentError::Html);
    }
    Ok(())
}

/// Cleans every line (spaces, glosses, 文号 brackets) and notes the chrome rule each matches;
/// a line outside an HTML page's main content is removed as `outside_main` here.
fn clean_lines(lines: Vec<PageLine>) -> Vec<Source> {
    let full = FoldTable::full();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let text = repair_doc_numbers(&strip_glosses(&unify_spaces(&line.text)));
            let compact: String = text.chars().filter(|c| *c != ' ').collect();
            let probe = fold(&compact, full);
            let chrome = (!probe.is_empty()).then(|| chrome_rule(&probe)).flatten();
            let numbered = marker::parse(&compact).is_some() || marker::bullet(&compact).is_some();
            let removed = (line.outside && !probe.is_empty()).then_some(Rule::OutsideMain);
            Source { no: i + 1, text, compact, probe, chrome, numbered, removed }
        })
        .collect()
}

/// Marks everything before the body (主送, the first numbered item or sentence that is not site
/// chrome) as header, where the title and 文号 are, or as the chrome rule it matches; returns
/// where the body starts.
fn take_header(lines: &mut [Source]) -> Result<usize, DocumentError> {
    let body_start = lines
        .iter()
        .position(|l| l.live() && (is_prose(l) || (l.chrome.is_none() && meta::is_addressee(&l.probe))))
        .ok_or(DocumentError::NoPolicyText)?;
    for line in lines[..body_start].iter_mut().filter(|l| l.live()) {
        // A title is never chrome, whatever word it holds (中华人民共和国注册会计师法).
        let title = title::is_title_like(&title::candidate(&line.compact));
        line.removed = Some(line.chrome.filter(|_| !title).unwrap_or(Rule::Header));
    }
    Ok(body_start)
}

/// The last signature block (organisation lines followed by a date alone on its line).
struct Signature {
    line: usize,
    issuer: Vec<String>,
    date: Date,
}

/// Lifts signature blocks out of the body; returns the last one, which names the issuer.
fn take_signatures(lines: &mut [Source], body_start: usize) -> Option<Signature> {
    let mut last = None;
    let body: Vec<usize> = (body_start..lines.len()).filter(|&i| lines[i].live()).collect();
    for (k, &i) in body.iter().enumerate() {
        if let Some(date) = meta::date_only(&lines[i].probe) {
            let orgs: Vec<usize> =
                body[..k].iter().rev().take(3).take_while(|&&j| meta::is_org_line(&lines[j].probe)).copied().collect();
            if !orgs.is_empty() {
                let issuer = orgs.iter().rev().map(|&j| lines[j].compact.clone()).collect();
                for j in orgs.into_iter().chain([i]) {
                    lines[j].removed = Some(Rule::Signature);
                }
                last = Some(Signature { line: i, issuer, date });
            }
        }
    }
    last
}

/// A line of the body, not of the page around it: numbered, a sentence, a long clause, a table
/// row of numbers. A line of chrome (`经营许可证…`) is none, but a numbered one
/// (`第五十条 …经营许可证…`) is.
fn is_prose(l: &Source) -> bool {
    l.removed.is_none()
        && (l.chrome.is_none() || l.numbered)
        && (l.numbered
            || l.probe.contains('。')
            || (l.probe.contains(['，', ',']) && l.probe.chars().count() >= 40)
            || (l.text.split(' ').count() >= 3 && l.text.starts_with(|c: char| c.is_ascii_digit())))
}

/// Marks the page's trailing run of lines that are not prose (after `last_signed`) as footer,
/// or as the chrome rule it matches: what a site prints under every page. An attachment (附件,
/// 附表) after the body is body up to its last line that is not chrome, so a table it holds
/// (rows with no sentence) stays, whatever words its label uses (`附件 用户注册表`); an
/// attachment label with nothing but chrome after it is footer.
fn drop_footer(lines: &mut [Source], body_start: usize, last_signed: usize) {
    let last_prose = (body_start..lines.len()).rev().find(|&i| is_prose(&lines[i]));
    let mut last_body = last_prose.map_or(last_signed, |i| i.max(last_signed));
    let attachment =
        (last_body + 1..lines.len()).find(|&i| lines[i].live() && segment::is_attachment(&lines[i].compact));
    if let Some(at) = attachment {
        let last_kept = (at + 1..lines.len()).rev().find(|&i| lines[i].live() && lines[i].chrome.is_none());
        last_body = last_kept.unwrap_or(last_body);
    }
    for line in lines[last_body + 1..].iter_mut().filter(|l| l.live()) {
        line.removed = Some(line.chrome.unwrap_or(Rule::Footer));
    }
}

/// Inside the body, only the rules that match a whole line equal to a button or placeholder
/// label (`图片`, `关闭`) apply: no sentence is such a line. Every other rule looks for a word
/// (`注册`, `来源：`, `经营许可证`) that policy text uses too, so it never fires here.
fn drop_labels(body: &mut [Source]) {
    for line in body.iter_mut().filter(|l| l.live()) {
        if let Some(rule) = line.chrome.filter(|r| r.is_label()) {
            line.removed = Some(rule);
        }
    }
}

/// What the page says about the document: its markup first (HTML meta tags and index table),
/// then the chrome lines that were removed (page date, 文号, site), the header (title, 文号) and
/// the last signature (issuer, date).
fn page_facts(mut facts: PageMeta, lines: &[Source], body_start: usize, signature: Option<Signature>) -> PageMeta {
    for line in lines.iter().filter(|l| l.removed.is_some()) {
        match line.chrome {
            Some(Rule::PageMeta) => {
                facts.published = facts.published.or_else(|| date::find_date(&line.probe).map(|(d, _)| d));
                facts.number =
                    facts.number.take().or_else(|| char_slice(&line.compact, meta::find_doc_number(&line.probe)?));
            }
            Some(Rule::ContactBlock) => facts.source = facts.source.take().or_else(|| meta::find_site(&line.probe)),
            Some(Rule::WelcomeBanner) => {
                facts.source = facts.source.take().or_else(|| clean::lines::welcome_site(&line.compact, &line.probe))
            }
            _ => {}
        }
    }
    let mut header_title: Option<String> = None;
    for line in lines[..body_start].iter().filter(|l| l.removed == Some(Rule::Header)) {
        if let Some(range) = meta::find_doc_number(&line.probe) {
            if range.len() == line.probe.chars().count() {
                facts.number = facts.number.take().or_else(|| char_slice(&line.compact, range));
                continue;
            }
        }
        // The longest title-like line: a title block's parts, or a short headline before it.
        let candidate = title::strip_category_tag(&clean::whitespace::tighten_spaces(&line.text));
        if title::is_title_like(&title::candidate(&line.compact))
            && header_title.as_ref().is_none_or(|t| t.chars().count() < candidate.chars().count())
        {
            header_title = Some(candidate);
        }
    }
    facts.title = facts.title.take().or(header_title).or(facts.title_tag.take());
    if let Some(s) = signature {
        if facts.issuer.is_empty() {
            facts.issuer = s.issuer;
        }
        facts.signed = facts.signed.or(Some(s.date));
    }
    facts
}

/// Segments what is left of the body into clauses (a removed line is a blank one, so numbering
/// and line breaks stay where they were) and splits the over-long ones.
fn segment_body(body: &[Source]) -> Result<(Vec<Clause>, Vec<Split>), DocumentError> {
    let body_lines: Vec<Line> = body
        .iter()
        .map(|l| Line { no: l.no, text: if l.removed.is_some() { String::new() } else { l.text.clone() } })
        .collect();
    let clauses: Vec<Clause> = segment::segment(&body_lines).into_iter().map(clause_from).collect();
    if clauses.is_empty() {
        return Err(DocumentError::NoClause);
    }
    Ok(split::split_long(clauses, MAX_CLAUSE_CHARS))
}

/// The document's metadata: the manifest's overrides first, then what the page says; refuses
/// an empty title and dates in the wrong order, which would otherwise pass silently.
fn document_meta(
    doc: &str,
    overrides: Option<&Overrides>,
    facts: PageMeta,
    clauses: &[Clause],
) -> Result<DocMeta, DocumentError> {
    let full = FoldTable::full();
    let o = overrides.cloned().unwrap_or_default();
    let iso = |s: &Option<String>| s.as_deref().and_then(Date::parse_iso);
    let title = o.title.clone().or(facts.title).ok_or(DocumentError::NoTitle)?;
    if title.trim().is_empty() {
        return Err(DocumentError::EmptyTitle);
    }
    let mut issuer = facts.issuer;
    if issuer.is_empty() {
        issuer.extend(meta::issuer_from_title(&fold(&title, full), &title));
    }
    let published = iso(&o.published).or(facts.signed).or(facts.published);
    let period_text = o.period.clone().or_else(|| title::period_in(&title));
    let period = period_text.as_deref().and_then(manifest::parse_period);
    let stated = clauses.iter().find_map(|c| meta::find_effective(&fold(&c.text, full)));
    let effective = iso(&o.effective)
        .or_else(|| stated.and_then(|d| d.or(published)))
        .or_else(|| period.and_then(|(from, _)| Date::new(from, 1, 1)));
    let expires = iso(&o.expires).or_else(|| period.and_then(|(_, to)| Date::end_of_year(to)));
    if let (Some(from), Some(to)) = (effective, expires) {
        if from > to {
            return Err(DocumentError::DatesOutOfOrder { effective: from, expires: to });
        }
    }
    Ok(DocMeta {
        doc: doc.to_string(),
        title,
        issuer: o.issuer.clone().unwrap_or(issuer),
        number: o.number.clone().or(facts.number),
        published,
        effective,
        expires,
        period: period_text,
        status: o.status.clone(),
        source: o.source.clone().or(facts.source),
    })
}

fn clause_from(d: segment::Draft) -> Clause {
    let units = units::find_units(&d.text);
    let heading = (d.heading_len > 0).then(|| d.text.chars().take(d.heading_len).collect());
    Clause {
        clause: d.id,
        label: d.label,
        path: d.path,
        heading,
        units: {
            // The closing tag's list, then bodies the text puts in charge (`由市发改委牵头…`).
            let mut names = units.as_ref().map(|u| u.names.clone()).unwrap_or_default();
            for lead in units::find_leads(&d.text) {
                if !names.contains(&lead) {
                    names.push(lead);
                }
            }
            names
        },
        units_span: units.map(|u| u.span),
        text: d.text,
    }
}

fn char_slice(s: &str, range: Range<usize>) -> Option<String> {
    Some(s.chars().skip(range.start).take(range.len()).collect())
}
