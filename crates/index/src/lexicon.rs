//! The lexicon: the language data of the natural tiers (vocabulary, synonyms, readings, the
//! typed section, pinyin, the general thesaurus), one blob or a **lexicon core** and shard
//! files.
//!
//! A whole lexicon holds every section inline and an empty `shards` section. A sharded one's
//! core holds the readings (every natural tier needs them) and a [`Directory`] of four kinds
//! of file ([`Kind`]), each a range of keys: vocabulary shards (a key range of the `vocab` FST
//! with the synonym records its words use), pinyin shards (a key range of the `pinyin` FST),
//! typed shards (a range of the typed section's characters) and general shards (a key range of
//! the general thesaurus, with its records). Its own `vocab`, `synonyms`, `typed`, `pinyin`
//! and `general` sections are empty.
//!
//! The general thesaurus is a section of its own, not vocabulary words, so that its many
//! entries weigh nothing on the vocabulary shards every natural query reads: it is read only
//! for the pieces of a query that the relaxed tier widens.
//!
//! As in a sharded [`crate::Index`], a lookup that needs a file not added yet answers as if the
//! file held nothing and notes it ([`Lexicon::take_missing`]); the caller fetches it, adds it
//! ([`Lexicon::add_file`]) and asks again. Walks over a sharded FST go through a [`Cursor`],
//! which visits keys in the order, and with the values, of the whole FST, so that an answer
//! once every file it needs is added is the whole lexicon's answer.
//!
//! Files are served as `shards/v-<checksum>.bin` (vocabulary), `shards/p-<checksum>.bin`
//! (pinyin), `shards/y-<checksum>.bin` (typed) and `shards/g-<checksum>.bin` (general), the checksum in 16 lower-case hex digits;
//! each holds in its first section the checksum of the index core the lexicon was built with.

use std::{
    borrow::Cow,
    cell::{OnceCell, RefCell},
    ops::Range,
};

use fst::raw::{Fst, Node, Output};
use policy_search_sort as sort;

use crate::{
    alphabet::Alphabet,
    bytes::{Reader, Table},
    header,
    readings::Readings,
    shards::{self, File},
    synonyms,
    typed::Typed,
    vocab, FormatError, Index,
};

/// The kinds of lexicon shard files, in directory order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A key range of the vocabulary, with its synonym records.
    Vocab,
    /// A key range of the pinyin section.
    Pinyin,
    /// A range of the typed section, by character.
    Typed,
    /// A key range of the general thesaurus, with its synonym records.
    General,
}

impl Kind {
    /// Every kind, in directory order.
    pub const ALL: [Kind; 4] = [Kind::Vocab, Kind::Pinyin, Kind::Typed, Kind::General];

    /// The letter its files are named with.
    fn letter(self) -> char {
        match self {
            Kind::Vocab => 'v',
            Kind::Pinyin => 'p',
            Kind::Typed => 'y',
            Kind::General => 'g',
        }
    }

    fn at(self) -> usize {
        self as usize
    }
}

/// The key of a typed shard's range: the character's code point, big-endian, so that byte
/// order is character order.
pub fn typed_key(c: char) -> [u8; 4] {
    (c as u32).to_be_bytes()
}

/// The directory of a sharded lexicon (empty for a whole one).
///
/// ```text
/// per kind (vocabulary, pinyin, typed, general): count: varint
///   per file: first key (str of bytes) | tag: 5 bytes LE | bytes: varint ([`File::tag`])
/// ```
///
/// Files are numbered in this order; file *i* of a kind holds its keys from its first key up to
/// the next file's.
#[derive(Clone, Debug, Default)]
pub struct Directory<'a> {
    /// First key of each file, per kind, ascending.
    first_keys: [Vec<&'a [u8]>; 4],
    files: Vec<File>,
}

impl<'a> Directory<'a> {
    /// Parses the section; `None` when it is malformed.
    pub fn new(bytes: &'a [u8]) -> Option<Directory<'a>> {
        let mut out = Directory::default();
        if bytes.is_empty() {
            return Some(out);
        }
        let mut r = Reader::new(bytes);
        for keys in &mut out.first_keys {
            for _ in 0..r.u32()? {
                let len = r.u32()? as usize;
                keys.push(r.take(len)?);
                out.files.push(File::read(&mut r)?);
            }
            if !keys.windows(2).all(|w| w[0] < w[1]) {
                return None;
            }
        }
        r.is_empty().then_some(out)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none (a whole lexicon).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// File `f`.
    pub fn file(&self, f: usize) -> Option<File> {
        self.files.get(f).copied()
    }

    /// The number of the first file of `kind`.
    fn start(&self, kind: Kind) -> usize {
        self.first_keys[..kind.at()].iter().map(Vec::len).sum()
    }

    /// The kind of file `f`.
    pub fn kind_of(&self, f: usize) -> Option<Kind> {
        let mut start = 0;
        for kind in Kind::ALL {
            start += self.first_keys[kind.at()].len();
            if f < start {
                return Some(kind);
            }
        }
        None
    }

    /// The name file `f` is served under, relative to the wasm module's folder.
    pub fn name(&self, f: usize) -> Option<String> {
        Some(self.file(f)?.name(self.kind_of(f)?.letter()))
    }

    /// The file served under `name`, if it is one of this lexicon's.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        let tag = shards::tag_of(name)?;
        (0..self.len()).find(|&f| self.files[f].tag() == tag && self.name(f).as_deref() == Some(name))
    }

    /// The files of `kind` that may hold keys beginning with `prefix`.
    pub fn holding(&self, kind: Kind, prefix: &[u8]) -> Range<usize> {
        let start = self.start(kind);
        let r = shards::holding(&self.first_keys[kind.at()], prefix);
        start + r.start..start + r.end
    }

    /// The file of `kind` whose range holds `key`, if any.
    pub fn shard_of(&self, kind: Kind, key: &[u8]) -> Option<usize> {
        Some(self.start(kind) + shards::range_of(&self.first_keys[kind.at()], key)?)
    }
}

/// Writes the directory: per kind (vocabulary, pinyin, typed, general), each file's first key
/// and entry.
#[cfg(feature = "write")]
pub fn write_directory(kinds: &[Vec<(Vec<u8>, File)>; 4]) -> Vec<u8> {
    use crate::bytes::put_varint;
    let mut out = Vec::new();
    for files in kinds {
        put_varint(&mut out, files.len() as u64);
        for (key, f) in files {
            put_varint(&mut out, key.len() as u64);
            out.extend(key);
            f.write(&mut out);
        }
    }
    out
}

/// The bytes of one FST: a section of the lexicon core (borrowed), or of a shard file the
/// lexicon owns.
#[derive(Clone)]
pub(crate) enum FstBytes<'a> {
    /// A section of a blob that outlives the lexicon.
    Borrowed(&'a [u8]),
    /// The section at `fst` of an added file.
    Owned {
        /// The whole file (its other sections are read from it too).
        file: Box<[u8]>,
        /// Where the FST is in it.
        fst: Range<usize>,
    },
}

impl AsRef<[u8]> for FstBytes<'_> {
    fn as_ref(&self) -> &[u8] {
        match self {
            FstBytes::Borrowed(b) => b,
            FstBytes::Owned { file, fst } => file.get(fst.clone()).unwrap_or_default(),
        }
    }
}

/// A shard file once added. It owns its bytes, so it borrows nothing: a lexicon stays
/// covariant in the lifetime of the blob it borrows (a reader over it is shortened freely).
enum Loaded {
    /// A vocabulary, pinyin or general shard, its FST parsed once.
    Fst(Fst<FstBytes<'static>>),
    /// A typed shard.
    Typed(Box<[u8]>),
}

/// The lexicon, opened against the core index it was built with. A sharded lexicon also owns
/// the shard files added to it.
pub struct Lexicon<'a> {
    /// The index core's checksum, which every shard file holds in its first section.
    build: [u8; 8],
    vocab: Fst<FstBytes<'a>>,
    synonyms: Table<'a>,
    readings: Readings<'a>,
    typed: Typed<'a>,
    pinyin: Fst<FstBytes<'a>>,
    general: Fst<FstBytes<'a>>,
    directory: Directory<'a>,
    /// The shard files added so far, by file number.
    files: Vec<OnceCell<Loaded>>,
    /// Files a lookup needed and did not have (a handful: a Vec, as in [`Index`]).
    missing: RefCell<Vec<usize>>,
    sizes: [usize; 8],
}

impl<'a> Lexicon<'a> {
    /// Opens a lexicon (whole, or the core of a sharded one): checks magic, version, checksum,
    /// each section's shape, and that it was built with `core` (a lexicon of another build
    /// would spell words in another alphabet).
    pub fn open<const S: bool>(bytes: &'a [u8], core: &Index<'_, S>) -> Result<Lexicon<'a>, FormatError> {
        let sections = header::LEXICON.read(bytes)?;
        let sizes = sections.map(<[u8]>::len);
        let [own_core, vocab, synonyms, readings, typed, pinyin, shards, general] = sections;
        if own_core != core.checksum().to_le_bytes() {
            return Err(FormatError::OtherBuild);
        }
        let fst = |b: &'a [u8], name| Fst::new(FstBytes::Borrowed(b)).map_err(|_| FormatError::Corrupt(name));
        let directory = Directory::new(shards).ok_or(FormatError::Corrupt("shards"))?;
        Ok(Lexicon {
            build: core.checksum().to_le_bytes(),
            vocab: fst(vocab, "vocab")?,
            synonyms: Table::new(synonyms).ok_or(FormatError::Corrupt("synonyms"))?,
            readings: Readings::new(readings).ok_or(FormatError::Corrupt("readings"))?,
            typed: Typed::new(typed).ok_or(FormatError::Corrupt("typed"))?,
            pinyin: fst(pinyin, "pinyin")?,
            general: fst(general, "general")?,
            files: (0..directory.len()).map(|_| OnceCell::new()).collect(),
            directory,
            missing: RefCell::default(),
            sizes,
        })
    }

    /// Whether the lexicon is sharded (its core names shard files).
    pub fn is_sharded(&self) -> bool {
        !self.directory.is_empty()
    }

    /// The shard directory (empty for a whole lexicon).
    pub fn directory(&self) -> &Directory<'a> {
        &self.directory
    }

    /// Adds the shard file served as `name`: checks that it is one of this lexicon's, whole, and
    /// built with its index. Adding a file twice is harmless.
    pub fn add_file(&self, name: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        let f = self.directory.by_name(name).ok_or(FormatError::UnknownFile)?;
        let kind = self.directory.kind_of(f).ok_or(FormatError::UnknownFile)?;
        let (own, sum, loaded) = match kind {
            Kind::Vocab => {
                let [core, vocab, synonyms] = header::VOCAB_SHARD.read(&bytes)?;
                Table::new(synonyms).ok_or(FormatError::Corrupt("synonyms"))?;
                let at = offset(&bytes, vocab);
                (core, header::VOCAB_SHARD.stored_checksum(&bytes), at)
            }
            Kind::Pinyin => {
                let [core, pinyin] = header::PINYIN_SHARD.read(&bytes)?;
                let at = offset(&bytes, pinyin);
                (core, header::PINYIN_SHARD.stored_checksum(&bytes), at)
            }
            Kind::General => {
                let [core, general, synonyms] = header::GENERAL_SHARD.read(&bytes)?;
                Table::new(synonyms).ok_or(FormatError::Corrupt("synonyms"))?;
                let at = offset(&bytes, general);
                (core, header::GENERAL_SHARD.stored_checksum(&bytes), at)
            }
            Kind::Typed => {
                let [core, typed] = header::TYPED_SHARD.read(&bytes)?;
                Typed::new(typed).ok_or(FormatError::Corrupt("typed"))?;
                let at = offset(&bytes, typed);
                (core, header::TYPED_SHARD.stored_checksum(&bytes), at)
            }
        };
        if own != self.build {
            return Err(FormatError::OtherBuild);
        }
        if !self.directory.file(f).is_some_and(|x| x.is(sum)) {
            return Err(FormatError::Checksum);
        }
        let file = bytes.into_boxed_slice();
        let loaded = match kind {
            Kind::Typed => Loaded::Typed(file),
            _ => Loaded::Fst(
                Fst::new(FstBytes::Owned { file, fst: loaded }).map_err(|_| FormatError::Corrupt("lexicon shard"))?,
            ),
        };
        let _ = self.files[f].set(loaded);
        Ok(())
    }

    /// The names of the files lookups needed since the last call and did not have, in file
    /// order; clears the list.
    pub fn take_missing(&self) -> Vec<String> {
        let mut missing = std::mem::take(&mut *self.missing.borrow_mut());
        sort::sort(&mut missing);
        // A file noted by a call whose caller never asked (a completion) may have been added since.
        missing.retain(|&f| self.files.get(f).is_some_and(|cell| cell.get().is_none()));
        missing.into_iter().filter_map(|f| self.directory.name(f)).collect()
    }

    /// File `f`, or `None` (noting it as missing) when it has not been added.
    fn loaded(&self, f: usize) -> Option<&Loaded> {
        let loaded = self.files.get(f)?.get();
        let mut missing = self.missing.borrow_mut();
        if loaded.is_none() && !missing.contains(&f) {
            missing.push(f);
        }
        loaded
    }

    /// The core's FST of `kind` (a whole lexicon's).
    fn own_fst(&self, kind: Kind) -> &Fst<FstBytes<'a>> {
        match kind {
            Kind::Pinyin => &self.pinyin,
            Kind::General => &self.general,
            Kind::Vocab | Kind::Typed => &self.vocab,
        }
    }

    /// The FSTs of `kind` that may hold keys beginning with `prefix`, skipping (and noting) the
    /// files not added yet.
    fn fsts(&self, kind: Kind, prefix: &[u8]) -> Vec<&Fst<FstBytes<'a>>> {
        if !self.is_sharded() {
            return vec![self.own_fst(kind)];
        }
        self.directory.holding(kind, prefix).filter_map(|f| self.shard_fst(f)).collect()
    }

    /// The FST of file `f`, when added (noted as missing otherwise).
    fn shard_fst(&self, f: usize) -> Option<&Fst<FstBytes<'a>>> {
        match self.loaded(f)? {
            Loaded::Fst(fst) => Some(fst),
            Loaded::Typed(_) => None,
        }
    }

    /// The FST of `kind` whose range holds `key` (exact lookups read one file).
    fn fst_of(&self, kind: Kind, key: &[u8]) -> Option<&Fst<FstBytes<'a>>> {
        if !self.is_sharded() {
            return Some(self.own_fst(kind));
        }
        self.shard_fst(self.directory.shard_of(kind, key)?)
    }

    /// The vocabulary entry of a folded word, if it is one.
    pub fn word(&self, alphabet: &Alphabet, word: &str) -> Option<vocab::Word> {
        self.word_key(&alphabet.encode(word)?)
    }

    /// The vocabulary entry of a word already spelled in alphabet codes.
    pub fn word_key(&self, key: &[u8]) -> Option<vocab::Word> {
        self.fst_of(Kind::Vocab, key)?.get(key).map(|out| vocab::Word::unpack(out.value()))
    }

    /// The words that the vocabulary word spelled `key` (alphabet codes) also finds (empty
    /// when it has no synonyms).
    pub fn synonyms_of(&self, key: &[u8]) -> Vec<&str> {
        self.record_of(Kind::Vocab, key)
    }

    /// The corpus's words for the word spelled `key` (alphabet codes) in the general thesaurus
    /// (empty when it has none). Reads, or notes as missing, one general shard.
    pub fn general_of(&self, key: &[u8]) -> Vec<&str> {
        self.record_of(Kind::General, key)
    }

    /// The synonyms record of `key` in the FST of `kind` (vocabulary or general).
    fn record_of(&self, kind: Kind, key: &[u8]) -> Vec<&str> {
        let Some(fst) = self.fst_of(kind, key) else { return Vec::new() };
        let Some(record) = fst.get(key).and_then(|out| vocab::Word::unpack(out.value()).synonyms) else {
            return Vec::new();
        };
        // Both shard layouts keep the records third.
        let layout = if kind == Kind::General { &header::GENERAL_SHARD } else { &header::VOCAB_SHARD };
        let table = match fst.as_inner() {
            FstBytes::Borrowed(_) => Some(self.synonyms),
            FstBytes::Owned { file, .. } => {
                layout.sections(file).ok().and_then(|[_, _, synonyms]| Table::new(synonyms))
            }
        };
        table.map(|t| synonyms::read(&t, record)).unwrap_or_default()
    }

    /// The vocabulary, to walk (keys in alphabet codes, values [`vocab::Word`] packed).
    pub fn vocab(&self) -> Cursor<'_, 'a> {
        Cursor::root(self, Kind::Vocab)
    }

    /// The corpus's words by reading (see [`crate::pinyin`]), to walk for pinyin queries and
    /// completions.
    pub fn pinyin(&self) -> Cursor<'_, 'a> {
        Cursor::root(self, Kind::Pinyin)
    }

    /// The pinyin readings of every alphabet character (always in the core).
    pub fn readings(&self) -> &Readings<'a> {
        &self.readings
    }

    /// The syllable number of the usual reading of a common character the corpus lacks.
    pub fn typed_reading(&self, c: char) -> Option<u32> {
        if !self.is_sharded() {
            return self.typed.reading(c);
        }
        let f = self.directory.shard_of(Kind::Typed, &typed_key(c))?;
        let Loaded::Typed(file) = self.loaded(f)? else { return None };
        let [_, typed] = header::TYPED_SHARD.sections(file).ok()?;
        Typed::new(typed)?.reading(c)
    }

    /// Number of words in the vocabulary: a sharded lexicon's in the vocabulary shards added so
    /// far (every one natively, where the build embeds them).
    pub fn word_count(&self) -> usize {
        if !self.is_sharded() {
            return self.vocab.len();
        }
        let files = self.directory.holding(Kind::Vocab, &[]);
        files.filter_map(|f| self.files[f].get()).map(|l| if let Loaded::Fst(fst) = l { fst.len() } else { 0 }).sum()
    }

    /// Bytes per section of the lexicon (core), in on-disk order, named as in
    /// [`header::LEXICON`].
    pub fn section_sizes(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        header::LEXICON.sections.iter().copied().zip(self.sizes)
    }
}

/// Where `section` (a slice of `file`) starts and ends in it.
fn offset(file: &[u8], section: &[u8]) -> Range<usize> {
    let start = section.as_ptr() as usize - file.as_ptr() as usize;
    start..start + section.len()
}

/// A node of a lexicon FST — the whole FST of a whole lexicon, or the union of the key ranges
/// of a sharded one — reached by following a prefix. The shards' key sets are disjoint and
/// together the whole FST's, so a walk through cursors visits the same keys in the same order,
/// with the same values, however the FST is cut.
///
/// From the root of a sharded FST nothing is read until a step names the range it needs; from
/// any other node, only the files holding its prefix (read, or noted as missing, when the step
/// to it was taken).
#[derive(Clone)]
pub struct Cursor<'s, 'a> {
    lexicon: &'s Lexicon<'a>,
    kind: Kind,
    /// The node in each FST that holds the prefix.
    members: Members<'s, 'a>,
}

/// A cursor's nodes: one per FST (file) that holds its prefix.
#[derive(Clone)]
enum Members<'s, 'a> {
    /// The root of a sharded FST: the files' roots are found when asked for.
    Root,
    /// One FST holds the prefix: the usual case, kept without an allocation because the
    /// pinyin walk steps hundreds of cursors per query.
    One(Member<'s, 'a>),
    /// A prefix that straddles files.
    Many(Vec<Member<'s, 'a>>),
}

impl<'s, 'a> Members<'s, 'a> {
    /// The members `nodes` yields, or `None` when it yields none.
    fn of(mut nodes: impl Iterator<Item = Member<'s, 'a>>) -> Option<Self> {
        let first = nodes.next()?;
        Some(match nodes.next() {
            None => Members::One(first),
            Some(second) => Members::Many([first, second].into_iter().chain(nodes).collect()),
        })
    }
}

/// A cursor's node in one FST, with the output so far.
#[derive(Clone, Copy)]
struct Member<'s, 'a> {
    fst: &'s Fst<FstBytes<'a>>,
    node: Node<'s>,
    out: Output,
}

impl<'s, 'a> Member<'s, 'a> {
    fn root(fst: &'s Fst<FstBytes<'a>>) -> Self {
        Member { fst, node: fst.root(), out: Output::zero() }
    }

    /// The node after `bytes`, if this FST has that path.
    fn follow(mut self, bytes: &[u8]) -> Option<Self> {
        for &b in bytes {
            let t = self.node.transition(self.node.find_input(b)?);
            self.out = self.out.cat(t.out);
            self.node = self.fst.node(t.addr);
        }
        Some(self)
    }
}

impl<'s, 'a> Cursor<'s, 'a> {
    fn root(lexicon: &'s Lexicon<'a>, kind: Kind) -> Self {
        let members = match lexicon.is_sharded() {
            true => Members::Root,
            false => Members::One(Member::root(lexicon.own_fst(kind))),
        };
        Cursor { lexicon, kind, members }
    }

    /// This node's members; at the root of a sharded FST, every file's root (all are read).
    fn members(&self) -> Cow<'_, [Member<'s, 'a>]> {
        match &self.members {
            Members::Root => Cow::Owned(self.lexicon.fsts(self.kind, &[]).into_iter().map(Member::root).collect()),
            Members::One(m) => Cow::Borrowed(std::slice::from_ref(m)),
            Members::Many(m) => Cow::Borrowed(m),
        }
    }

    /// The node after `bytes`, or `None` when no key (in the files at hand) continues this
    /// prefix with them. From the root of a sharded FST, reads only the files holding `bytes`.
    pub fn step(&self, bytes: &[u8]) -> Option<Cursor<'s, 'a>> {
        let members = match &self.members {
            Members::Root => Members::of(
                self.lexicon.fsts(self.kind, bytes).into_iter().filter_map(|f| Member::root(f).follow(bytes)),
            ),
            Members::One(m) => m.follow(bytes).map(Members::One),
            Members::Many(m) => Members::of(m.iter().filter_map(|m| m.follow(bytes))),
        }?;
        Some(Cursor { lexicon: self.lexicon, kind: self.kind, members })
    }

    /// The value of the prefix, when it is a key.
    pub fn value(&self) -> Option<u64> {
        let members = self.members();
        let m = members.iter().find(|m| m.node.is_final())?;
        Some(m.out.cat(m.node.final_output()).value())
    }

    /// Every key below this node (the bytes after its prefix) with its value, in key order:
    /// at the root, the whole FST (every file of a sharded one is read).
    pub fn entries(&self) -> Vec<(Vec<u8>, u64)> {
        let mut out = Vec::new();
        let mut stack = vec![(self.clone(), Vec::new())];
        while let Some((node, key)) = stack.pop() {
            if let Some(value) = node.value() {
                out.push((key.clone(), value));
            }
            // Reversed onto the stack, so that the smallest byte is taken first.
            for (b, child) in node.children().into_iter().rev() {
                let mut next = key.clone();
                next.push(b);
                stack.push((child, next));
            }
        }
        out
    }

    /// Every byte that continues the prefix, ascending, with the node it leads to.
    pub fn children(&self) -> Vec<(u8, Cursor<'s, 'a>)> {
        let members = self.members();
        let mut inputs: Vec<u8> = members.iter().flat_map(|m| m.node.transitions().map(|t| t.inp)).collect();
        sort::sort(&mut inputs);
        inputs.dedup();
        inputs
            .into_iter()
            .filter_map(|b| {
                let next = Members::of(members.iter().filter_map(|m| m.follow(&[b])))?;
                Some((b, Cursor { lexicon: self.lexicon, kind: self.kind, members: next }))
            })
            .collect()
    }
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn each_kind_finds_its_files_by_key_and_by_name() {
        let f = |n| File { checksum: n, bytes: 10 };
        let bytes = write_directory(&[
            vec![(b"a".to_vec(), f(1)), (b"c".to_vec(), f(2))],
            vec![(b"\x00\x01".to_vec(), f(3)), (b"\x00\x09".to_vec(), f(4)), (b"\x00\x09\x01".to_vec(), f(5))],
            vec![(typed_key('一').to_vec(), f(6))],
            vec![(b"a".to_vec(), f(7))],
        ]);
        let d = Directory::new(&bytes).unwrap();
        assert_eq!(d.len(), 7);
        assert_eq!(
            (d.kind_of(0), d.kind_of(2), d.kind_of(5), d.kind_of(6)),
            (Some(Kind::Vocab), Some(Kind::Pinyin), Some(Kind::Typed), Some(Kind::General))
        );
        assert_eq!(d.kind_of(7), None);
        assert_eq!(d.shard_of(Kind::General, b"b"), Some(6), "each kind has its own key ranges");
        assert_eq!(d.name(6).as_deref(), Some("shards/g-0000000007.bin"));
        // A prefix reads every file its keys may be in; an exact key, the one file holding it.
        assert_eq!(d.holding(Kind::Vocab, b"b"), 0..1);
        assert_eq!(d.holding(Kind::Pinyin, b"\x00\x09"), 3..5);
        assert_eq!(d.holding(Kind::Pinyin, b""), 2..5);
        assert_eq!(d.shard_of(Kind::Pinyin, b"\x00\x09"), Some(3));
        assert_eq!(d.shard_of(Kind::Vocab, b"0"), None, "before the first key: in no file");
        assert_eq!(d.shard_of(Kind::Typed, &typed_key('丁')), Some(5));
        assert_eq!(d.name(3).as_deref(), Some("shards/p-0000000004.bin"));
        assert_eq!(d.by_name("shards/p-0000000004.bin"), Some(3));
        assert_eq!(d.by_name("shards/v-0000000004.bin"), None, "another kind's name");
        assert_eq!(d.by_name("shards/k-0000000001.bin"), None, "an index file's name");
        assert!(Directory::new(&bytes[..bytes.len() - 1]).is_none());
        assert!(Directory::new(&[]).unwrap().is_empty());
    }
}
