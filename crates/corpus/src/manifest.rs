//! `seeds/manifest.toml`: per-file metadata that overrides or supplies what the pages lack.
//!
//! ```toml
//! [files."001_ee824c631fbc07cd"]
//! title = "杭州市“十四五”高新技术产业发展规划"
//! period = "2021~2025"
//! ```
//!
//! Unknown keys and files that are not in the corpus are errors, so a typo never goes unnoticed.

use std::{collections::BTreeMap, path::Path};

use serde::Deserialize;

use crate::{date::Date, CorpusError};

/// The parsed manifest.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The portal's own thesaurus rules, in Solr `synonyms.txt` syntax, one per string
    /// (`"社保, 社会保险"`, `"一网通办 => 政务服务"`); added to the project's thesaurus.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// The searches the portal shows before anything is typed (热门搜索), in its order:
    /// `popular = ["创业补贴", "人才公寓"]`; at most [`MAX_POPULAR`], each 1 to
    /// [`MAX_POPULAR_CHARS`] characters.
    #[serde(default)]
    pub popular: Vec<String>,
    /// Overrides per file stem.
    #[serde(default)]
    pub files: BTreeMap<String, Overrides>,
}

/// Metadata a manifest may set for one file. Every field is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Document title.
    pub title: Option<String>,
    /// Issuing bodies.
    pub issuer: Option<Vec<String>>,
    /// 文号.
    pub number: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Date it takes effect, `YYYY-MM-DD`.
    pub effective: Option<String>,
    /// Last day it is in force, `YYYY-MM-DD`.
    pub expires: Option<String>,
    /// Validity period in years, `2021~2025`.
    pub period: Option<String>,
    /// The site the page came from.
    pub source: Option<String>,
    /// Validity as stated, overriding the dates: one of [`VALIDITY`] (a repeal the
    /// dates do not show, for instance, or `已修改`: in force, with a newer wording).
    pub status: Option<String>,
    /// Date it was written (成文日期, the date under the signature), `YYYY-MM-DD`; the date of
    /// issue when `published` is not given.
    pub written: Option<String>,
    /// Subject category (主题分类) as the publisher files it, e.g. `城乡建设、环境保护`.
    pub topic: Option<String>,
    /// The file (stem) holding this document's newer wording: it amends this one.
    pub superseded_by: Option<String>,
    /// The file (stem) this document amends, or replaces with a newer wording.
    pub amends: Option<String>,
    /// The file (stem) of the policy this document interprets (政策解读).
    pub interprets: Option<String>,
}

/// Popular searches a manifest may list at most.
pub const MAX_POPULAR: usize = 20;
/// The longest popular search, in characters.
pub const MAX_POPULAR_CHARS: usize = 64;

/// The validity a manifest may state, as a code or as its label.
pub const VALIDITY: [&str; 11] = [
    "current",
    "amended",
    "pending",
    "expired",
    "unknown",
    "现行有效",
    "已修改",
    "尚未生效",
    "已失效",
    "效力未知",
    "未知",
];

/// The keys of [`Overrides`] that name another file of the corpus, and the value of each.
pub fn links(o: &Overrides) -> [(&'static str, Option<&str>); 3] {
    [
        ("superseded_by", o.superseded_by.as_deref()),
        ("amends", o.amends.as_deref()),
        ("interprets", o.interprets.as_deref()),
    ]
}

impl Manifest {
    /// Parses manifest text; `file` names the manifest in errors.
    pub fn parse(text: &str, file: &Path) -> Result<Manifest, CorpusError> {
        let manifest: Manifest =
            toml::from_str(text).map_err(|source| CorpusError::ManifestSyntax { path: file.to_path_buf(), source })?;
        let popular = |value: &String, problem| CorpusError::ManifestPopular {
            path: file.to_path_buf(),
            value: value.clone(),
            problem,
        };
        if let Some(extra) = manifest.popular.get(MAX_POPULAR) {
            return Err(popular(extra, "is one more than the 20 popular searches shown"));
        }
        if let Some(p) = manifest.popular.iter().find(|p| p.trim().is_empty()) {
            return Err(popular(p, "is empty"));
        }
        if let Some(p) = manifest.popular.iter().find(|p| p.chars().count() > MAX_POPULAR_CHARS) {
            return Err(popular(p, "is longer than 64 characters"));
        }
        for (stem, o) in &manifest.files {
            let at = |key: &str| format!("files.\"{stem}\".{key}");
            for (key, value) in [
                ("published", &o.published),
                ("effective", &o.effective),
                ("expires", &o.expires),
                ("written", &o.written),
            ] {
                if let Some(v) = value {
                    check_date(v, file, &at(key))?;
                }
            }
            if let Some(s) = o.status.as_ref().filter(|s| !VALIDITY.contains(&s.as_str())) {
                return Err(CorpusError::ManifestStatus {
                    path: file.to_path_buf(),
                    key: at("status"),
                    value: s.clone(),
                });
            }
            if let Some((key, _)) = links(o).into_iter().find(|(_, to)| *to == Some(stem.as_str())) {
                return Err(CorpusError::ManifestLink {
                    path: file.to_path_buf(),
                    key: at(key),
                    value: stem.clone(),
                    problem: "is the document itself",
                });
            }
            if let Some(p) = &o.period {
                parse_period(p).ok_or_else(|| CorpusError::ManifestPeriod {
                    path: file.to_path_buf(),
                    key: at("period"),
                    value: p.clone(),
                })?;
            }
        }
        Ok(manifest)
    }
}

fn check_date(value: &str, file: &Path, key: &str) -> Result<Date, CorpusError> {
    Date::parse_iso(value).ok_or_else(|| CorpusError::ManifestDate {
        path: file.to_path_buf(),
        key: key.to_string(),
        value: value.to_string(),
    })
}

/// Reads a period of years such as `2016~2018`, `2016-2018` or `2016—2018年`.
pub fn parse_period(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().trim_end_matches('年');
    let cut = s.find(|c: char| !c.is_ascii_digit())?;
    let from: u32 = s[..cut].parse().ok()?;
    let rest = s[cut..].trim_start_matches(['~', '～', '-', '—', '–', '至', '到', ' ']);
    let to: u32 = rest.trim_end_matches('年').parse().ok()?;
    (s[..cut].len() == 4 && (1900..=2200).contains(&from) && from <= to && to - from < 50).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_overrides() {
        let m =
            Manifest::parse("[files.\"001_x\"]\ntitle = \"T\"\nperiod = \"2021~2025\"\n", Path::new("manifest.toml"))
                .unwrap();
        assert_eq!(m.files["001_x"].title.as_deref(), Some("T"));
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_problem() {
        let parse = |text: &str, file: &str| Manifest::parse(text, Path::new(file)).unwrap_err();
        let e = parse("[files.\"a\"]\ntitel = \"T\"\n", "seeds/manifest.toml");
        assert!(matches!(e, CorpusError::ManifestSyntax { .. }), "{e:?}");
        let e = e.to_string();
        assert!(e.contains("seeds/manifest.toml") && e.contains("titel"), "{e}");
        let e = parse("[files.\"a\"]\npublished = \"2019/1/1\"\n", "m.toml");
        assert!(matches!(&e, CorpusError::ManifestDate { key, .. } if key == "files.\"a\".published"), "{e:?}");
        assert_eq!(e.to_string(), "m.toml: files.\"a\".published: \"2019/1/1\" is not a date of the form YYYY-MM-DD");
        let e = parse("[files.\"a\"]\nperiod = \"十四五\"\n", "m.toml");
        assert_eq!(e.to_string(), "m.toml: files.\"a\".period: period \"十四五\" is not of the form 2021~2025");
        assert!(parse("synonyms = [", "m.toml").to_string().starts_with("m.toml"));
    }

    #[test]
    fn reads_periods() {
        assert_eq!(parse_period("2016~2018"), Some((2016, 2018)));
        assert_eq!(parse_period("2016—2018年"), Some((2016, 2018)));
        assert_eq!(parse_period("2018~2016"), None);
        assert_eq!(parse_period("十四五"), None);
    }
}
