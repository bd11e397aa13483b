#!/usr/bin/env python3
"""Builds the Chinese knowledge-base evaluation set from independent Taiwan and mainland
translations of the same software messages (gettext catalogues in Debian packages).

For each English message that a package's zh_TW and zh_CN catalogues both translate, the zh_CN
translation becomes an article (its title) and the zh_TW translation a query whose one relevant
article is that one. Only messages whose two translations still differ after folding Traditional
characters to Simplified are kept: the set measures the wording gap across the strait, not the
script gap that character folding already closes. Queries are split dev / test by a hash of the
English message, so the split is stable when the packages change.

Usage: bench/kb-eval-zh/build.py [OUT_DIR]
  (default knowledge-base/src/test/resources/kb-eval/zh; needs apt-get and dpkg-deb)
Downloads the packages with `apt-get download` into a temporary directory (nothing installed).
Debian's package-description translations (Translation-zh_TW/zh_CN) are not used: held out.
"""
import gettext
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

# package → gettext domains; all are free software, licences in README.md.
PACKAGES = {
    "git": ["git"],
    "libgtk-3-common": ["gtk30"],
    "libglib2.0-data": ["glib20"],
    "coreutils": ["coreutils"],
    "dpkg": ["dpkg"],
    "apt": ["apt"],
    "system-config-printer-common": ["system-config-printer"],
    "shared-mime-info": ["shared-mime-info"],
    "systemd": ["systemd"],
    "wget": ["wget"],
    "tar": ["tar"],
    "gnupg-l10n": ["gnupg2"],
}

MIN_ENGLISH, MAX_ENGLISH = 20, 160
ARTICLES = 2000
MIN_HAN = 5
HAN = re.compile(r"[\u3400-\u9fff]")
FORMAT = re.compile(r"%[-+ #0-9.]*[a-zA-Z]|\{[^}]*\}|<[^>]+>|_")


def catalogue(root, lang, domain):
    path = os.path.join(root, "usr/share/locale", lang, "LC_MESSAGES", domain + ".mo")
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        t = gettext.GNUTranslations(f)
    return {k: v for k, v in t._catalog.items() if isinstance(k, str) and k and v}


def clean(text):
    text = FORMAT.sub(" ", text).replace("\\n", " ").replace("\n", " ").replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip(" .:：。")


def fold(text, table):
    return "".join(table.get(c, c) for c in text)


def simplified_table(root_dirs):
    """Traditional → Simplified characters, from the OpenCC data vendored in the project."""
    here = os.path.dirname(os.path.abspath(__file__))
    # OpenCC's TSCharacters.txt (Apache-2.0, beside this script; see README.md).
    path = os.path.join(here, "TSCharacters.txt")
    table = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 1:
                table[parts[0]] = parts[1][0]
    return table


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "knowledge-base/src/test/resources/kb-eval/zh"
    os.makedirs(out, exist_ok=True)
    table = simplified_table(None)
    pairs = {}
    sources = {}
    with tempfile.TemporaryDirectory() as tmp:
        for package, domains in PACKAGES.items():
            subprocess.run(["apt-get", "download", package], cwd=tmp, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deb = sorted(glob.glob(os.path.join(tmp, package + "_*.deb")))[-1]
            root = os.path.join(tmp, package)
            subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
            sources[package] = os.path.basename(deb)
            for domain in domains:
                tw = catalogue(root, "zh_TW", domain)
                cn = catalogue(root, "zh_CN", domain)
                for english in sorted(set(tw) & set(cn)):
                    if not (MIN_ENGLISH <= len(english) <= MAX_ENGLISH) or english in pairs:
                        continue
                    t, c = clean(tw[english]), clean(cn[english])
                    if len(HAN.findall(t)) < MIN_HAN or len(HAN.findall(c)) < MIN_HAN:
                        continue
                    if fold(t, table) == c:
                        continue
                    pairs[english] = (package, t, c)
    # One article per distinct mainland text; a zh_CN text shared by two messages is ambiguous.
    by_cn = {}
    for english, (package, t, c) in pairs.items():
        by_cn.setdefault(c, []).append(english)
    # A fixed sample (by hash, so stable) keeps the set small enough to embed in a test run.
    unique = [e for e, (p, t, c) in pairs.items() if len(by_cn[c]) == 1]
    unique.sort(key=lambda e: hashlib.sha1(("sample" + e).encode()).hexdigest())
    kept = sorted(unique[:ARTICLES])
    with open(os.path.join(out, "articles.jsonl"), "w", encoding="utf-8") as a, \
            open(os.path.join(out, "queries-dev.tsv"), "w", encoding="utf-8") as dev, \
            open(os.path.join(out, "queries-test.tsv"), "w", encoding="utf-8") as test:
        for f in (dev, test):
            f.write("query_id\tarticle_id\tquery\n")
        counts = {"dev": 0, "test": 0}
        for n, english in enumerate(kept):
            package, t, c = pairs[english]
            article_id = "zh-%04d" % n
            a.write(json.dumps({"id": article_id, "title": c, "resolution": "",
                                "language": "zh-CN", "product": package},
                               ensure_ascii=False) + "\n")
            split = "dev" if int(hashlib.sha1(english.encode()).hexdigest(), 16) % 2 == 0 else "test"
            counts[split] += 1
            (dev if split == "dev" else test).write(
                "q-%04d\t%s\t%s\n" % (n, article_id, t.replace("\t", " ")))
    print("articles %d, dev queries %d, test queries %d, from %s" % (
        len(kept), counts["dev"], counts["test"], ", ".join(sorted(sources.values()))))


if __name__ == "__main__":
    main()
