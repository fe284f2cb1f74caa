"""Publication dates as the corpus writes them: every form in the 61 corpus metadata files maps to
earliest / latest / precision / inferred without sharpening; anything else is a clear error."""
from __future__ import annotations

import pytest

from pipelines.errors import TsrError
from pipelines.sources.published import parse_published

# Every distinct `published` string of the corpus (docs/*.meta.json) that is not a plain day, and
# two plain days: as given → (earliest, latest, precision, inferred).
CORPUS_FORMS = {
    "2024-12-15": ("2024-12-15", "2024-12-15", "day", False),
    "2026-01-03": ("2026-01-03", "2026-01-03", "day", False),
    "2025-11-01 (Saturday)": ("2025-11-01", "2025-11-01", "day", False),
    "2025-02-11 (Tuesday)": ("2025-02-11", "2025-02-11", "day", False),
    "2011-12 (URL path)": ("2011-12-01", "2011-12-31", "month", False),
    "2021 (circular); ~Mar/Apr 2021 (bound from vergisizdunya.net commentary dated 2021-04-04)":
        ("2021-01-01", "2021-12-31", "year", False),
    "2025-06/07 (report month June 2025; posted after 19 Jun 2025)": ("2025-06-01", "2025-07-31", "range", False),
    "2025-08-06/07": ("2025-08-06", "2025-08-07", "range", False),
    "~2025-01-23/24": ("2025-01-23", "2025-01-24", "range", True),
    "~2024-12-30/31 (inferred: same interview as doc 64, '21 days since the fall')": ("2024-12-30", "2024-12-31", "range", True),
    "~2025-06-06..2025-06-14 (bound)": ("2025-06-06", "2025-06-14", "range", True),
    "~2025-12-19..22": ("2025-12-19", "2025-12-22", "range", True),
    "~2025-08-29..31": ("2025-08-29", "2025-08-31", "range", True),
    "~2026-02-02": ("2026-02-02", "2026-02-02", "day", True),
    "~2025-05-22 (inferred)": ("2025-05-22", "2025-05-22", "day", True),
    "~2025-03 (bound: after IOM DTM baseline of Feb 2025)": ("2025-03-01", "2025-03-31", "month", True),
    "~2025-02 (bound: reports January 2025 data)": ("2025-02-01", "2025-02-28", "month", True),
}
# Forms the contract names that the corpus does not use (yet).
OTHER_FORMS = {
    "~2025-04 (inferred)": ("2025-04-01", "2025-04-30", "month", True),
    "2024-02": ("2024-02-01", "2024-02-29", "month", False),  # a leap February
    "2025-06-28..07-02": ("2025-06-28", "2025-07-02", "range", False),
    "2025 (inferred from the budget year)": ("2025-01-01", "2025-12-31", "year", True),
}


@pytest.mark.parametrize("as_given", list(CORPUS_FORMS) + list(OTHER_FORMS))
def test_every_form_maps_without_sharpening(as_given):
    date = parse_published(as_given, "date line in excerpt", file="x.meta.json")
    expected = CORPUS_FORMS.get(as_given) or OTHER_FORMS[as_given]
    assert (date.earliest, date.latest, date.precision, date.inferred) == expected
    assert date.as_given == as_given


def test_the_basis_keeps_the_corpus_basis_and_the_commentary():
    date = parse_published("2025-06/07 (report month June 2025; posted after 19 Jun 2025)",
                           "title; latest date cited inside is 19 June 2025")
    assert date.basis == "title; latest date cited inside is 19 June 2025; report month June 2025; posted after 19 Jun 2025"
    year = parse_published("2021 (circular); ~Mar/Apr 2021 (bound from vergisizdunya.net commentary dated 2021-04-04)",
                           "circular number; commentary date")
    # The year is all the leading date says; the bound stays in the basis and does not narrow the year.
    assert (year.earliest, year.latest) == ("2021-01-01", "2021-12-31")
    assert year.basis == ("circular number; commentary date; (circular); ~Mar/Apr 2021 "
                          "(bound from vergisizdunya.net commentary dated 2021-04-04)")


def test_commentary_already_in_the_basis_is_not_repeated():
    assert parse_published("2011-12 (URL path)", "URL path 2011/12").basis == "URL path 2011/12"
    assert parse_published("~2025-06-06..2025-06-14 (bound)", "sidebar items dated 7-14 Jun 2025").basis == \
        "sidebar items dated 7-14 Jun 2025; bound"


def test_without_a_basis_the_basis_says_so():
    assert "no further basis" in parse_published("2025-03-01").basis
    assert parse_published("~2025-05-22 (inferred)").basis == "inferred"


@pytest.mark.parametrize(("as_given", "code"), [
    ("yesterday", "unreadable-published"),
    ("March 2025", "unreadable-published"),
    ("2025-1", "unreadable-published"),
    ("2025/06", "unreadable-published"),
    ("2025-06-", "unreadable-published"),
    ("2025-06-01 Saturday", "unreadable-published"),  # commentary must be in parentheses or after ';'
    ("2025-06-01 (bound", "unreadable-published"),
    ("2025-08-06/06", "unreadable-published"),  # the same day twice
    ("", "unreadable-published"),
    ("2025-02-30", "bad-date"),
    ("2025-13", "bad-date"),
    ("2025-06/13", "bad-date"),
    ("~2025-12-19..32", "bad-date"),
    ("2025-07/06", "end-before-start"),
    ("~2025-06-14..2025-06-06 (bound)", "end-before-start"),
    ("2025-11-01 (Friday)", "weekday-mismatch"),
])
def test_unreadable_forms_are_errors_naming_file_and_string(as_given, code):
    with pytest.raises(TsrError) as caught:
        parse_published(as_given, "basis", file="docs/99_x.meta.json")
    (problem,) = caught.value.problems
    assert problem.code == code
    assert problem.file == "docs/99_x.meta.json" and problem.key == "published"
    assert repr(as_given) in problem.message
