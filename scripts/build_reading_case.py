"""Build src/wirewatch/data/lexicons/reading_case.tsv: how a word is written in ordinary text, for reading
articles sent in capital letters (clean/casing.py).

The words come only from text written for this project: the typing model's training snippets
(training/snippets_*.tsv), the lexicons, the docs and the sentences of the unit tests. A word seen more often in lower case than with a capital inside a
sentence is an ordinary word ("lower": "police", not "Kano", which tests also fold to "kano"); a word seen only in
capitals (an acronym: "RSF", "SBU") keeps them ("upper"). Any other word is read as a name.

Usage: python scripts/build_reading_case.py
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "wirewatch" / "data" / "lexicons" / "reading_case.tsv"
_LOWER = re.compile(r"\b[a-z][a-z]*\b")
_NOT_PROSE = re.compile(r"\S*\w[/_.:]\w\S*")
_MID_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z]\b")
# Lexicon columns hold regexes: their escapes and classes ("\s", "[a-z]") are no words.
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}
_ISO3 = re.compile(r"[A-Z]{3}")
_REGEX_BITS = re.compile(r"\\[a-zA-Z]|\[[^\]]*\]|\(\?[^)]*\)")
# the pronoun, which the lexicons' regexes also spell in lower case ("(?i)")
_ALWAYS_UPPER = {"i"}


def sources() -> tuple[list[str], list[str], list[str]]:
    """Prose (the training snippets, the docs and the tests' sentences), the lexicons' words, and the texts whose
    capitals are acronyms (the docs and the tests also write datelines and labels in capitals: "BAMAKO, Mali",
    "COERCE")."""
    snippets, lexicons = [], []
    for path in sorted((ROOT / "training").glob("snippets_*.tsv")):
        snippets += [line.split("\t", 1)[-1] for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    for path in sorted((ROOT / "src" / "wirewatch" / "data" / "lexicons").glob("*.tsv")):
        if path != OUT:
            # an ISO country column ("COL", "IND") holds codes, not words of the text
            lexicons += [" ".join(f for f in _REGEX_BITS.sub(" ", line).split("\t") if not _ISO3.fullmatch(f))
                         for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    # file names, URLs and identifiers ("kharkiv-shelling.txt", "test_kano_raid") are no prose
    prose = [_NOT_PROSE.sub(" ", path.read_text(encoding="utf-8")) for path in
             [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "tests").glob("test_*.py"))]]
    return snippets + prose, lexicons, snippets + lexicons


def main() -> None:
    lowered, in_lexicons, capitalised, shouted, upper = Counter(), Counter(), Counter(), Counter(), set()
    prose, lexicons, acronyms = sources()
    for text in prose:
        lowered.update(_LOWER.findall(text))
        capitalised.update(w.lower() for w in _MID_CAPITAL.findall(text))
        shouted.update(w.lower() for w in _ACRONYM.findall(text))
    for text in lexicons:
        in_lexicons.update(_LOWER.findall(text))
        capitalised.update(w.lower() for w in _MID_CAPITAL.findall(text))
    # Lexicon patterns are matched ignoring case and written in lower case, names too ("sbu", "msf", "unicef"): a
    # word the prose never writes in lower case but does write with capitals is a name or an acronym. (One the
    # prose never writes at all, "pentagon", "kremlin", stays an ordinary word.)
    named = {w for w in in_lexicons if not lowered[w] and (capitalised[w] or shouted[w])}
    # "may" and "march" are ordinary words; clean/casing.py gives them a capital where a number stands by
    lower = {w for w, n in (lowered + in_lexicons).items()
             if (n > capitalised[w] and w not in named) or w in _MONTHS} - _ALWAYS_UPPER
    for text in acronyms:
        upper.update(w.lower() for w in _ACRONYM.findall(text))
    upper |= {w for w in named if shouted[w] > capitalised[w]} | _ALWAYS_UPPER
    rows = [(w, "lower") for w in sorted(lower)] + [(w, "upper") for w in sorted(upper - lower)]
    OUT.write_text("# Built by scripts/build_reading_case.py from our own training snippets and lexicons; do not edit.\n"
                   "word\tcase\n" + "".join(f"{w}\t{c}\n" for w, c in rows), encoding="utf-8")
    print(f"{OUT}: {len(lower)} ordinary words, {len(upper - lower)} acronyms")


if __name__ == "__main__":
    main()
