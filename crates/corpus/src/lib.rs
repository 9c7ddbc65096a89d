//! The corpus pipeline, run at build time: a folder of scraped policy pages → clean clauses with
//! document metadata.
//!
//! For each file: decode UTF-8 → per line, unify spaces and strip pinyin glosses
//! ([`clean`]) → drop spam and site chrome by named line rules, keeping the facts they carry
//! (page date, 文号, site) → split the page header (title, 文号) from the body → lift the
//! signature block into metadata → drop the page footer → segment the body into clauses
//! ([`segment`]) → find responsible units ([`units`]) and effective dates ([`meta`]).
//! Every removed line is kept in [`Document::removed`] with the rule that removed it, so
//! nothing disappears without a name. Bad input is a [`CorpusError`] that names the file.

pub mod clean;
pub mod date;
pub mod error;
pub mod manifest;
pub mod meta;
pub mod segment;
pub mod split;
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
pub use meta::Status;
pub use segment::Heading;
pub use split::{Split, MAX_CLAUSE_CHARS};

use clean::{gloss::strip_glosses, lines::chrome_rule, numbers::repair_doc_numbers, whitespace::unify_spaces};
use segment::{marker, Line};

/// All documents of a corpus folder.
#[derive(Debug)]
pub struct Corpus {
    /// The date validity status was computed against.
    pub as_of: Date,
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
    /// What the build reports without failing, one line each: skipped files, then every clause
    /// that was split because it was longer than [`MAX_CLAUSE_CHARS`].
    pub fn report(&self) -> Vec<String> {
        let splits = self.documents.iter().flat_map(|d| {
            d.split.iter().map(|s| {
                format!(
                    "{}: clause {} ({} characters) split into {} clauses of at most {MAX_CLAUSE_CHARS} characters",
                    self.dir.join(format!("{}.txt", d.meta.doc)).display(),
                    s.clause,
                    s.chars,
                    s.pieces
                )
            })
        });
        self.skipped.iter().cloned().chain(splits).collect()
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
    /// Validity on the build's reference date.
    pub status: Status,
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
    /// The rule that removed it (`seo_spam`, `breadcrumb`, `header`, `signature`, `footer`, …).
    pub rule: &'static str,
    /// The line after space unification and gloss removal.
    pub text: String,
}

/// Reads every `*.txt` in `dir` and its optional `manifest.toml`.
///
/// `as_of` overrides the manifest's `as_of`; one of the two must give the reference date for
/// validity status. Any problem is an error naming the file.
pub fn load_dir(dir: &Path, as_of: Option<Date>) -> Result<Corpus, CorpusError> {
    let io = CorpusError::io;
    let manifest_path = dir.join("manifest.toml");
    let manifest = match fs::read_to_string(&manifest_path) {
        Ok(text) => Manifest::parse(&text, &manifest_path)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Manifest::default(),
        Err(e) => return Err(io(&manifest_path)(e)),
    };
    let as_of = match (as_of, &manifest.as_of) {
        (Some(d), _) => d,
        (None, Some(s)) => Date::parse_iso(s).expect("validated by Manifest::parse"),
        (None, None) => return Err(CorpusError::NoReferenceDate { path: manifest_path }),
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
        if path.extension().and_then(|e| e.to_str()) != Some("txt") || !path.is_file() {
            return Err(CorpusError::NotCorpusFile { path });
        }
        paths.push(path);
    }
    paths.sort();

    for stem in manifest.files.keys() {
        if !paths.iter().any(|p| p.file_stem().and_then(|s| s.to_str()) == Some(stem)) {
            return Err(CorpusError::ManifestNoSuchFile {
                path: manifest_path,
                stem: stem.clone(),
                dir: dir.to_path_buf(),
            });
        }
    }

    let mut documents = Vec::new();
    for path in &paths {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let bytes = fs::read(path).map_err(io(path))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| CorpusError::NotUtf8 { path: path.clone(), offset: e.utf8_error().valid_up_to() })?;
        let doc = parse_document(stem, &text, manifest.files.get(stem), as_of)
            .map_err(|source| CorpusError::Document { path: path.clone(), source })?;
        // The same document twice (a re-scrape, a copy) would show every clause twice.
        let same = |d: &Document| {
            (d.meta.title == doc.meta.title && d.meta.number == doc.meta.number)
                || d.clauses.iter().map(|c| &c.text).eq(doc.clauses.iter().map(|c| &c.text))
        };
        if let Some(first) = documents.iter().find(|d| same(d)) {
            return Err(CorpusError::Duplicate {
                path: path.clone(),
                first: first.meta.doc.clone(),
                title: doc.meta.title,
            });
        }
        documents.push(doc);
    }
    if documents.is_empty() {
        return Err(CorpusError::NoDocuments { path: dir.to_path_buf() });
    }
    Ok(Corpus { as_of, documents, synonyms: manifest.synonyms, skipped, dir: dir.to_path_buf() })
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
    removed: Option<&'static str>,
}

impl Source {
    /// Not removed (yet) and not blank: a line the next step still has to place.
    fn live(&self) -> bool {
        self.removed.is_none() && !self.probe.is_empty()
    }
}

/// What the page itself says about the document, before the manifest has its say.
#[derive(Default)]
struct PageFacts {
    title: Option<String>,
    number: Option<String>,
    issuer: Vec<String>,
    signed: Option<Date>,
    page_date: Option<Date>,
    source: Option<String>,
}

/// Cleans and segments one document. Errors say what is wrong, without the file name.
pub fn parse_document(
    doc: &str,
    text: &str,
    overrides: Option<&Overrides>,
    as_of: Date,
) -> Result<Document, DocumentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    refuse_non_text(text)?;
    let mut lines = clean_lines(text);
    let mut facts = chrome_facts(&lines);
    let body_start = take_header(&mut lines, &mut facts)?;
    let last_signed = take_signatures(&mut lines, body_start, &mut facts);
    drop_footer(&mut lines, body_start, last_signed);
    let (clauses, split) = segment_body(&lines[body_start..])?;
    let meta = document_meta(doc, overrides, facts, &clauses, as_of)?;
    let removed =
        lines.into_iter().filter_map(|l| Some(Removed { line: l.no, rule: l.removed?, text: l.text })).collect();
    Ok(Document { meta, clauses, removed, split })
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

/// Cleans every line (spaces, glosses, 文号 brackets) and marks the chrome rules match, so that
/// later steps see only what is left; CR-only (old Mac) and CRLF endings read like LF.
fn clean_lines(text: &str) -> Vec<Source> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let full = FoldTable::full();
    text.lines()
        .enumerate()
        .map(|(i, raw)| {
            let text = repair_doc_numbers(&strip_glosses(&unify_spaces(raw)));
            let compact: String = text.chars().filter(|c| *c != ' ').collect();
            let probe = fold(&compact, full);
            let removed = (!probe.is_empty()).then(|| chrome_rule(&probe)).flatten();
            Source { no: i + 1, text, compact, probe, removed }
        })
        .collect()
}

/// The facts chrome lines carry (page date, 文号, site), read before the lines go.
fn chrome_facts(lines: &[Source]) -> PageFacts {
    let mut facts = PageFacts::default();
    for line in lines {
        match line.removed {
            Some("page_meta") => {
                facts.page_date = facts.page_date.or_else(|| date::find_date(&line.probe).map(|(d, _)| d));
                facts.number = facts.number.or_else(|| char_slice(&line.compact, meta::find_doc_number(&line.probe)?));
            }
            Some("contact_block") => facts.source = facts.source.or_else(|| meta::find_site(&line.probe)),
            Some("welcome_banner") => {
                facts.source = facts.source.take().or_else(|| clean::lines::welcome_site(&line.compact, &line.probe))
            }
            _ => {}
        }
    }
    facts
}

/// Marks everything before the body (主送, the first numbered item or sentence) as header, where
/// the title and 文号 are; returns where the body starts.
fn take_header(lines: &mut [Source], facts: &mut PageFacts) -> Result<usize, DocumentError> {
    let body_start = lines
        .iter()
        .position(|l| {
            l.live()
                && (marker::parse(&l.compact).is_some()
                    || marker::bullet(&l.compact).is_some()
                    || meta::is_addressee(&l.probe)
                    || l.probe.contains('。'))
        })
        .ok_or(DocumentError::NoPolicyText)?;
    for line in lines[..body_start].iter_mut().filter(|l| l.live()) {
        line.removed = Some("header");
        if let Some(range) = meta::find_doc_number(&line.probe) {
            if range.len() == line.probe.chars().count() {
                facts.number = facts.number.take().or_else(|| char_slice(&line.compact, range));
                continue;
            }
        }
        // The longest title-like line: a title block's parts, or a short headline before it.
        let candidate = strip_category_tag(&clean::whitespace::tighten_spaces(&line.text));
        if segment::is_title_like(&fold(&candidate, FoldTable::full()))
            && facts.title.as_ref().is_none_or(|t| t.chars().count() < candidate.chars().count())
        {
            facts.title = Some(candidate);
        }
    }
    Ok(body_start)
}

/// Lifts signature blocks (organisation lines followed by a date alone on its line) into the
/// issuer and date; returns the last signature's line, or `body_start` when there is none.
fn take_signatures(lines: &mut [Source], body_start: usize, facts: &mut PageFacts) -> usize {
    let mut last_signed = body_start;
    let body: Vec<usize> = (body_start..lines.len()).filter(|&i| lines[i].live()).collect();
    for (k, &i) in body.iter().enumerate() {
        if let Some(date) = meta::date_only(&lines[i].probe) {
            let orgs: Vec<usize> =
                body[..k].iter().rev().take(3).take_while(|&&j| meta::is_org_line(&lines[j].probe)).copied().collect();
            if !orgs.is_empty() {
                facts.issuer = orgs.iter().rev().map(|&j| lines[j].compact.clone()).collect();
                facts.signed = Some(date);
                for j in orgs.into_iter().chain([i]) {
                    lines[j].removed = Some("signature");
                }
                last_signed = i;
            }
        }
    }
    last_signed
}

/// Marks the page's trailing run of lines that are not prose (after `last_signed`) as footer:
/// what a site prints under every page.
fn drop_footer(lines: &mut [Source], body_start: usize, last_signed: usize) {
    let prose = |l: &Source| {
        l.removed.is_none()
            && (marker::parse(&l.compact).is_some()
                || marker::bullet(&l.compact).is_some()
                || l.probe.contains('。')
                || (l.probe.contains(['，', ',']) && l.probe.chars().count() >= 40)
                || (l.text.split(' ').count() >= 3 && l.text.starts_with(|c: char| c.is_ascii_digit())))
    };
    let last_prose = (body_start..lines.len()).rev().find(|&i| prose(&lines[i]));
    let last_body = last_prose.map_or(last_signed, |i| i.max(last_signed));
    for line in lines[last_body + 1..].iter_mut().filter(|l| l.live()) {
        line.removed = Some("footer");
    }
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
    facts: PageFacts,
    clauses: &[Clause],
    as_of: Date,
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
    let published = iso(&o.published).or(facts.signed).or(facts.page_date);
    let period_text = o.period.clone().or_else(|| period_in(&title));
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
        status: Status::at(effective, expires, as_of),
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
        units: units.as_ref().map(|u| u.names.clone()).unwrap_or_default(),
        units_span: units.map(|u| u.span),
        text: d.text,
    }
}

fn char_slice(s: &str, range: Range<usize>) -> Option<String> {
    Some(s.chars().skip(range.start).take(range.len()).collect())
}

/// `【高新区】杭州…` → `杭州…`: a portal's category tag is not part of the title.
fn strip_category_tag(title: &str) -> String {
    if title.starts_with(['【', '〔', '[']) {
        if let Some(end) = title.find(['】', '〕', ']']) {
            let close = title[end..].chars().next().map_or(0, char::len_utf8);
            return title[end + close..].to_string();
        }
    }
    title.to_string()
}

/// `…三年行动方案(2016~2018年)` → `2016~2018`.
fn period_in(title: &str) -> Option<String> {
    let open = title.rfind(['(', '（'])?;
    let inner = title[open..].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
    manifest::parse_period(inner).map(|(a, b)| format!("{a}~{b}"))
}
