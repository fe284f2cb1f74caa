"""Word lists compiled into prefix-factored regex alternations.

Why: Python's `re` rejects an alternative cheaply only when it starts with a literal
character. A trie (`a(?:bout|lmost|pproximately)`) lets the one master regex dismiss most
word starts after one character comparison instead of trying every word.
"""
from __future__ import annotations

import re


def trie_regex(words, classes: dict[str, str] | None = None) -> str:
    """Regex (no capture groups) matching any of `words`, longest first; a space means `\\s+`.
    `classes` maps a character to the regex it stands for (Arabic: "ا" -> "[اأإآٱ]")."""
    root: dict = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, classes or {})


def _char(ch: str, classes: dict[str, str]) -> str:
    return r"\s+" if ch == " " else classes.get(ch) or re.escape(ch)


def _emit(node: dict, classes: dict[str, str] | None = None) -> str:
    classes = classes or {}
    ends_here = "" in node
    branches = [_char(ch, classes) + _emit(node[ch], classes) for ch in sorted(k for k in node if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longest first: try the continuation, then accept the word ending here.
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body


def with_capitals(words) -> list[str]:
    """Words plus their sentence-initial capitalised forms (we do not use re.IGNORECASE: it
    would let 'may' or 'march' be read as months and slows the scan)."""
    out = set(words)
    for w in words:
        # Turkish dotted/dotless i: "iki" -> "İki", "ılık" -> "Ilık" (str.upper gives "I" for both).
        first = {"i": "İ", "ı": "I"}.get(w[:1], w[:1].upper())
        out.add(first + w[1:])
    return sorted(out)


def trie_regex_tails(pairs, classes: dict[str, str] | None = None) -> str:
    """Like trie_regex, but each word carries the regex that must follow it, so that words
    with different right contexts still share one first-character dispatch."""
    root: dict = {}
    for word, tail in pairs:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault("", set()).add(tail)
    return _emit_tails(root, classes or {})


def _emit_tails(node: dict, classes: dict[str, str]) -> str:
    alts = [_char(ch, classes) + _emit_tails(node[ch], classes) for ch in sorted(k for k in node if k)]
    tails = sorted(node.get("", ()))
    if tails:
        alts.append(tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
