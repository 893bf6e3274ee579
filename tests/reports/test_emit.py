"""The CLI writes a report as its format produces it: the file or standard output holds ``render``'s text."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from chartercheck.cli import main
from chartercheck.commands._output import WRITE_BATCH as _WRITE_BATCH, batches as _batches, emit as _emit
from chartercheck.formatters import FORMATS, get_formatter, json_format

from .conftest import CLI_ARGS, WEEK, lint
from .test_streaming import odd_report

EXTENSIONS = {"text": "txt", "concise": "txt", "json": "json", "sarif": "sarif", "github": "txt",
              "gitlab": "json", "junit": "xml", "markdown": "md", "html": "html"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_output_file_is_render(fmt, tmp_path):
    out = tmp_path / f"report.{EXTENSIONS[fmt]}"
    result = CliRunner().invoke(main, ["lint", WEEK, *CLI_ARGS, "--format", fmt, "--output", str(out),
                                       "--fail-on", "never"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report, posts, charter = lint()
    expected = get_formatter(fmt)(report, posts=posts, charter=charter, color=False, fail_on="never")
    assert out.read_bytes() == expected.encode("utf-8")


def test_cli_stdout_is_render():
    result = CliRunner().invoke(main, ["lint", WEEK, *CLI_ARGS, "--format", "json", "--fail-on", "never"],
                                catch_exceptions=False)
    assert result.output == get_formatter("json")(lint()[0])


def test_emit_writes_a_long_report_whole(tmp_path):
    report = odd_report(1000)
    out = tmp_path / "report.json"
    _emit(json_format.chunks(report), str(out))
    expected = json_format.render(report)
    assert len(expected) > 3 * _WRITE_BATCH  # several batches
    assert out.read_bytes() == expected.encode("utf-8")


def test_emit_leaves_the_file_alone_when_the_report_fails_at_once(tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("yesterday's report", encoding="utf-8")

    def failing():
        raise RuntimeError("boom")
        yield ""  # a generator, as formatters are

    with pytest.raises(RuntimeError):
        _emit(failing(), str(out))
    assert out.read_text(encoding="utf-8") == "yesterday's report"


def test_emit_of_nothing_still_writes_the_file(tmp_path):
    out = tmp_path / "report.txt"
    _emit(iter(()), str(out))
    assert out.read_bytes() == b""


def test_batches_keep_every_piece_in_order():
    pieces = [str(i) * (i % 7) for i in range(1000)]
    batches = list(_batches(pieces, size=50))
    assert "".join(batches) == "".join(pieces)
    assert all(len(batch) >= 50 for batch in batches[:-1])
    assert list(_batches([], size=50)) == []


def test_emit_leaves_the_file_alone_when_the_report_fails_halfway(tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("yesterday's report", encoding="utf-8")

    def failing_late():
        for _ in range(4):
            yield "x" * _WRITE_BATCH  # several batches already written
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        _emit(failing_late(), str(out))
    assert out.read_text(encoding="utf-8") == "yesterday's report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left behind


def test_emit_keeps_the_mode_of_the_file_it_replaces_and_writes_through_links(tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    link = tmp_path / "latest.txt"
    link.symlink_to(out)
    _emit(iter(["new"]), str(link))
    assert link.is_symlink() and out.read_text(encoding="utf-8") == "new"
    assert out.stat().st_mode & 0o777 == 0o640


def test_emit_writes_devices_directly():
    _emit(iter(["nothing to keep"]), "/dev/null")  # never replaced by a regular file


def test_cli_reports_an_unwritable_output_clearly(tmp_path):
    missing = tmp_path / "no-such-folder" / "report.json"
    result = CliRunner().invoke(main, ["lint", WEEK, *CLI_ARGS, "--format", "json", "--output", str(missing)])
    assert result.exit_code == 2
    assert f"{missing}: cannot write the report: No such file or directory" in result.output
    assert "internal error" not in result.output and not missing.parent.exists()


def test_output_file_says_where_the_report_went(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["lint", WEEK, *CLI_ARGS, "--format", "html", "-o", str(out),
                                       "--fail-on", "never"])
    report, _, _ = lint()
    assert result.exit_code == 0
    assert f"chartercheck: html report written to {out} ({len(report.findings)} findings)" in result.stderr
    assert out.exists() and "report written" not in out.read_text(encoding="utf-8")
