"""The dataset page and README tell a reader what each source is: full text, or an excerpt whose figures
are to be checked at its URL (linked), with the publisher, the retrieval day and the date as given."""
from __future__ import annotations

import pandas as pd

from pipelines.paths import REPO_ROOT
from pipelines.site.render import sources_html

EXCERPT = {
    "source_id": "121_0123456789abcdef", "kind": "text", "text_scope": "excerpt",
    "title": "Suriyelilere TC kimliği 100 kat azaldı", "publisher": "Sözcü", "language": "tr",
    "url": "https://www.sozcu.com.tr/x-p280745", "retrieved_on": "2026-11-28",
    "path": "data/sources/121_0123456789abcdef.txt", "sha256": "a" * 64, "bytes": 10, "characters": 10,
    "published_earliest": "2025-06-01", "published_latest": "2025-07-31", "published_precision": "range",
    "published_inferred": False, "published_basis": "title", "published_as_given": "2025-06/07 (report month)",
    "topic": "returns", "flags": "agency_copy;weak_aggregator", "notes": "Rounded figures.", "slug": "21_sozcu",
}


def page(**changes) -> str:
    return sources_html({"sources": pd.DataFrame([EXCERPT | changes])})


def test_an_excerpt_says_where_to_check_its_figures():
    html = page()
    assert ('<strong class="scope excerpt">excerpt: check the figure at '
            '<a href="https://www.sozcu.com.tr/x-p280745">https://www.sozcu.com.tr/x-p280745</a></strong>') in html
    assert "Sözcü, published between 1 June 2025 and 31 July 2025, retrieved 28 November 2026." in html
    assert "Date as given: <code>2025-06/07 (report month)</code>" in html
    assert "Flags: <code>agency_copy</code>, <code>weak_aggregator</code>." in html
    assert "Notes: Rounded figures." in html


def test_precision_and_inference_are_worded_without_sharpening():
    assert "published in June 2025 (inferred)" in page(published_latest="2025-06-30", published_precision="month",
                                                        published_inferred=True)
    assert "published in 2021, retrieved 28 November 2026." in page(published_earliest="2021-01-01", published_latest="2021-12-31",
                                        published_precision="year")


def test_a_full_text_says_so_and_links_its_original():
    html = page(text_scope="full_text")
    assert '<span class="scope">full text</span> · original: <a href="https://www.sozcu.com.tr/x-p280745">' in html


def test_only_http_addresses_become_links():
    html = page(url="javascript:alert(1)")
    assert "href=\"javascript" not in html and "javascript:alert(1)" in html


def test_the_readme_tells_readers_to_check_excerpts_at_their_url():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "check an excerpt's figure at its `url`" in readme
    assert "offsets refer to the vendored excerpt" in readme
