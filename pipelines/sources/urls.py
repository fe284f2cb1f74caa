"""Which addresses a source may give as its URL: web addresses only.

The URL is published in sources.csv and datapackage.json and becomes a link on the dataset page, so
`javascript:`, `data:`, `file:` and the like are refused when a source is registered and at every
build, and the page renders anything else as text (a second line of defence).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# No whitespace or control character anywhere: browsers strip or skip them, which turns
# " javascript:…" or "java\tscript:…" back into a script.
_WEB_URL_RE = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def is_web_url(url) -> bool:
    """True for an absolute http or https address with a host."""
    if not isinstance(url, str) or not _WEB_URL_RE.fullmatch(url):
        return False
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # e.g. an invalid port or IPv6 literal
        return False
