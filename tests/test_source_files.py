"""What may be a source, at registration (`tsr add-source`) and at every build (issue 12):
no control characters in the text (V6), only regular files inside the package (V7, V10), only web
addresses as URL (V9), and only well-formed ids on the commands that take one (V8)."""
from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipelines.build import build_package
from pipelines.cli import cli
from pipelines.coding.stub import find_source
from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout
from pipelines.publish import files as publish
from pipelines.site.render import sources_html
from pipelines.sources.add import add_source
from pipelines.sources.registry import read_sources

SEED = "000_2c69b4d6582214f2"
SEED_003 = "003_6dc9c966a4e88e09"


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    shutil.copytree(REPO_ROOT / "data" / "sources", tmp_path / "pkg" / "data" / "sources")
    return Layout(tmp_path / "pkg")


@pytest.fixture()
def published(built_root, tmp_path) -> Path:
    root = tmp_path / "published"
    shutil.copytree(built_root, root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest() for rel in publish.published_paths(root)}


def build_fails(root: Path, code: str) -> list[str]:
    """The build stops with `code`, publishes nothing, and returns the problems as printed."""
    before = snapshot(root)
    with pytest.raises(TsrError) as caught:
        build_package(Layout(root), force=True)
    assert code in caught.value.codes, [str(p) for p in caught.value.problems]
    assert snapshot(root) == before, "a failed build changed published files"
    return [str(p) for p in caught.value.problems if p.code == code]


def refused(layout: Layout, code: str, file: Path, **options) -> str:
    before = sorted(p.name for p in layout.sources_dir.iterdir())
    with pytest.raises(TsrError) as caught:
        add_source(layout, file, **{"title": "Anything", **options})
    assert code in caught.value.codes, str(caught.value)
    assert sorted(p.name for p in layout.sources_dir.iterdir()) == before, "a refused source must write nothing"
    return str(caught.value)


# -- V6: control characters ------------------------------------------------------------------------

@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85"])
def test_registration_refuses_control_characters_naming_the_offset(layout, tmp_path, char):
    report = tmp_path / "report.txt"
    report.write_text(f"First line.\nAbout 5{char}000 people returned.\n", encoding="utf-8")
    message = refused(layout, "control-character", report)
    assert f"[control-character] {report}: offset 19 (line 2, column 8): control character U+{ord(char):04X}" in message


def test_tab_and_line_ends_are_text(layout, tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(b"Returns\tby route\r\nAbout 5,000 people returned.\r\n")
    source_id = add_source(layout, report, title="Returns")
    assert (layout.sources_dir / f"{source_id}.txt").read_bytes() == report.read_bytes()


def test_build_refuses_a_source_text_with_a_control_character(published):
    text = published / f"data/sources/{SEED}.txt"
    data = text.read_bytes().replace(b"Syria", b"Syr\x00ia", 1)
    text.write_bytes(data)
    meta = published / f"data/sources/{SEED}.meta.yaml"
    old = hashlib.sha256((REPO_ROOT / f"data/sources/{SEED}.txt").read_bytes()).hexdigest()
    meta.write_text(meta.read_text(encoding="utf-8").replace(old, hashlib.sha256(data).hexdigest()), encoding="utf-8")
    [problem] = build_fails(published, "control-character")
    offset = data.decode("utf-8").index("\x00")
    assert problem.startswith(f"[control-character] data/sources/{SEED}.txt: offset {offset} (line ")
    assert "U+0000" in problem


# -- V7: only regular files inside the package --------------------------------------------------------

def test_build_refuses_a_symlinked_source_without_publishing_its_target(published, tmp_path):
    outside = tmp_path / "elsewhere" / "secret-report.txt"
    outside.parent.mkdir()
    text = published / f"data/sources/{SEED}.txt"
    shutil.move(text, outside)
    text.symlink_to(outside)
    [problem] = build_fails(published, "not-a-regular-file")
    assert problem.startswith(f"[not-a-regular-file] data/sources/{SEED}.txt: is a symbolic link")
    assert str(outside.parent) not in problem


def test_build_refuses_a_symlinked_metadata_file(published, tmp_path):
    meta = published / f"data/sources/{SEED}.meta.yaml"
    outside = tmp_path / "meta.yaml"
    shutil.move(meta, outside)
    meta.symlink_to(outside)
    [problem] = build_fails(published, "not-a-regular-file")
    assert problem.startswith(f"[not-a-regular-file] data/sources/{SEED}.meta.yaml: is a symbolic link")


def test_build_refuses_sources_reached_through_a_linked_folder(published, tmp_path):
    outside = tmp_path / "elsewhere-sources"
    shutil.move(published / "data" / "sources", outside)
    (published / "data" / "sources").symlink_to(outside, target_is_directory=True)
    problems = build_fails(published, "outside-package")
    assert any(p.startswith(f"[outside-package] data/sources/{SEED}.txt: lies outside the package") for p in problems)
    assert not any(str(outside) in p for p in problems)


def unblock_later(fifo: Path, seconds: float = 3.0) -> None:
    """Without the fix a reader blocks on the pipe: open it for writing later so the test ends instead of hanging."""
    def writer():
        time.sleep(seconds)
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass  # nobody is reading: the pipe was refused without being opened
    threading.Thread(target=writer, daemon=True).start()


def test_build_refuses_a_pipe_among_the_sources(published):
    fifo = published / "data" / "sources" / "004_0123456789abcdef.txt"
    os.mkfifo(fifo)
    unblock_later(fifo)
    [problem] = build_fails(published, "not-a-regular-file")
    assert problem.startswith("[not-a-regular-file] data/sources/004_0123456789abcdef.txt: is not a regular file")


# -- V10: add-source accepts only regular files ---------------------------------------------------------

def test_add_source_refuses_a_pipe_at_once(layout, tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    unblock_later(fifo)
    started = time.monotonic()
    message = refused(layout, "not-a-regular-file", fifo)
    assert f"[not-a-regular-file] {fifo}: is not a regular file" in message
    assert time.monotonic() - started < 3.0, "the pipe was opened and waited on"


def test_add_source_refuses_a_device(layout):
    refused(layout, "not-a-regular-file", Path("/dev/null"))


def test_add_source_takes_the_bytes_of_a_linked_file(layout, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("About 5,000 people returned.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    source_id = add_source(layout, link, title="Returns")
    vendored = layout.sources_dir / f"{source_id}.txt"
    assert not vendored.is_symlink() and vendored.read_bytes() == report.read_bytes()


# -- V8: ids are checked on every command that takes one ----------------------------------------------

@pytest.mark.parametrize("command", ["stub", "coverage"])
@pytest.mark.parametrize("bad_id", ["../../x", f"../sources/{SEED_003}", "/etc/passwd", f"{SEED_003}\n", "3_6dc9c966a4e88e09"])
def test_commands_refuse_a_malformed_source_id(built_root, command, bad_id):
    result = CliRunner().invoke(cli, [command, bad_id, "--root", str(built_root)])
    assert result.exit_code == 2, result.output
    assert f"{bad_id!r} is not a source id: NNN_<16 hex digits>" in result.output
    assert not isinstance(result.exception, (StopIteration, TypeError)), result.exception


def test_find_source_refuses_a_path_as_id(built_root):
    with pytest.raises(TsrError) as caught:
        find_source(Layout(built_root), f"../sources/{SEED_003}")
    assert caught.value.codes == {"bad-source-id"}


# -- V9: only web addresses --------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "JavaScript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "http://",
                                 "https://exa mple.org/", "https://example.org/\x00", "//example.org/a", "example.org"])
def test_add_source_refuses_a_url_that_is_not_http(layout, tmp_path, url):
    report = tmp_path / "report.txt"
    report.write_text("About 5,000 people returned.\n", encoding="utf-8")
    message = refused(layout, "bad-url", report, url=url)
    assert f"{url!r} is not an http or https address" in message


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "HTTP://EXAMPLE.ORG/", "http://127.0.0.1:8000/x"])
def test_add_source_accepts_web_addresses(layout, tmp_path, url):
    report = tmp_path / "report.txt"
    report.write_text("About 5,000 people returned.\n", encoding="utf-8")
    source_id = add_source(layout, report, title="Returns", url=url)
    assert next(s for s in read_sources(layout) if s.source_id == source_id).meta["url"] == url


def test_build_refuses_a_hand_written_non_web_url(published):
    meta = published / f"data/sources/{SEED}.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("url: null", "url: 'javascript:alert(1)'"), encoding="utf-8")
    [problem] = build_fails(published, "bad-url")
    assert problem == f"[bad-url] data/sources/{SEED}.meta.yaml: url (line 8): 'javascript:alert(1)' is not an http or https address"


def test_page_links_only_web_addresses():
    sources = pd.DataFrame([
        {"source_id": SEED, "title": "A", "publisher": None, "url": "javascript:alert(1)", "path": f"data/sources/{SEED}.txt",
         "sha256": "0" * 64, "published_earliest": "2025-03-13", "published_latest": None, "published_precision": "range",
         "published_basis": "b"},
        {"source_id": SEED_003, "title": "B", "publisher": None, "url": "https://example.org/a?b=1&c=2",
         "path": f"data/sources/{SEED_003}.txt", "sha256": "1" * 64, "published_earliest": "2025-02-11",
         "published_latest": None, "published_precision": "range", "published_basis": "b"}])
    page = sources_html({"sources": sources})
    assert 'href="javascript' not in page.lower()
    assert "original: javascript:alert(1)<br>" in page
    assert '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>' in page
