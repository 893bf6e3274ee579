"""Reports written piece by piece: the pieces join to exactly what ``render`` returns.

JSON and SARIF pieces are also checked against ``json.dumps`` of the whole
data, and JUnit against ElementTree's serialisation of the whole indented
tree: those are what the formats wrote before they were streamed.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone

import pytest

from chartercheck.formatters import FORMATS, get_chunks, get_formatter, json_format, junit, sarif
from chartercheck.formatters.json_stream import ITEMS_PER_CHUNK, Streamed, iter_json
from chartercheck.formatters.text import summary_line
from chartercheck.model import Finding, Location, Report, Severity

from .conftest import lint

#: Texts that need escaping in one format or another.
ODD_TEXTS = ('He said "hi"\n\tthen \\ left', "ünïcødé 😀 \u2028 </script> <b>&amp;</b>",
             "control \x01\x0b\x1f -- %0A, a:b|c", "\r\nCRLF", "")
PARIS = timezone(timedelta(hours=1))


def odd_finding(i: int) -> Finding:
    """A finding whose every field takes its turn at being odd, absent or plain."""
    text = ODD_TEXTS[i % len(ODD_TEXTS)]
    location = Location(path=(None, 'cal "x".yaml', "<stdin>", "dir/ü.csv", "./a\\b.ics")[i % 5],
                        line=i or None, post_id=(None, f"p{i}", text or "p")[i % 3],
                        channel=(None, "instagram", text)[i % 3],
                        at=datetime(2026, 11, 23, 9, i % 60, tzinfo=PARIS) if i % 4 else None,
                        field=(None, "text")[i % 2])
    return Finding(code=("CC101", "CC205", "CC999", "CC801")[i % 4], rule=f"rule-{i % 4}",
                   severity=(Severity.ERROR, Severity.WARNING, Severity.INFO)[i % 3],
                   message=f"{text} #{i}", location=location, hint=(None, text)[i % 2], key=str(i))


def odd_report(count: int) -> Report:
    """A report of ``count`` odd findings (in no particular order: formats take the order given)."""
    return Report('charter "odd" ü </script>', tuple(odd_finding(i) for i in range(count)), count,
                  ("instagram", "line\nbreak"), date(2026, 11, 23), date(2026, 11, 29), "en", 3)


ODD_REPORTS = {"none": odd_report(0), "one": odd_report(1), "many": odd_report(300),
               "full-batch": odd_report(ITEMS_PER_CHUNK), "two-batches": odd_report(2 * ITEMS_PER_CHUNK),
               "bare": Report("bare", (), 0, (), None, None, "fr")}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_chunks_join_to_render(fmt, lang):
    report, posts, charter = lint(lang=lang)
    options = {"posts": posts, "charter": charter, "color": fmt == "text"}
    assert "".join(get_chunks(fmt)(report, **options)) == get_formatter(fmt)(report, **options)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "markdown"])
def test_every_format_but_html_streams(fmt):
    report = ODD_REPORTS["many"]
    pieces = list(get_chunks(fmt)(report))
    assert "".join(pieces) == get_formatter(fmt)(report)
    if fmt != "markdown":  # markdown lists a bounded number of findings, a line at a time anyway
        assert len(pieces) > 10


@pytest.mark.parametrize("name", sorted(ODD_REPORTS))
def test_json_is_the_whole_dict_dumped(name):
    report = ODD_REPORTS[name]
    whole = json.dumps(json_format.report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
    assert "".join(json_format.chunks(report)) == whole
    assert json.loads(whole)["findings"] == [f.to_dict() for f in report.findings]


@pytest.mark.parametrize("name", sorted(ODD_REPORTS))
def test_sarif_is_the_whole_log_dumped(name):
    report = ODD_REPORTS[name]
    whole = json.dumps(sarif.report_to_sarif(report), indent=2, ensure_ascii=False) + "\n"
    assert "".join(sarif.chunks(report)) == whole


@pytest.mark.parametrize("name", sorted(ODD_REPORTS))
def test_junit_is_the_whole_tree_indented(name):
    report = ODD_REPORTS[name]
    root = junit.report_to_xml(report)
    root.insert(0, ET.Comment(" " + junit.xml_safe(summary_line(report)).replace("--", "- -") + " "))
    ET.indent(root, space="  ")
    whole = junit.XML_DECLARATION + ET.tostring(root, encoding="unicode") + "\n"
    assert "".join(junit.chunks(report)) == whole
    ET.fromstring(whole.split("\n", 1)[1])  # and it is still well-formed XML


@pytest.mark.parametrize("value", [
    {}, [], {"a": []}, {"a": {}}, {"a": [[], {}, [1, {"b": None}]], "z": "é</script>\n\"q\""},
    [{"x": [1.5, True, None]}, "two"], 3, "text",
])
@pytest.mark.parametrize("items", [[], [{}], [{"k": "v\n"}, [1, [2, {}]], "s", 0, []],
                                   [{"i": [i]} for i in range(2 * ITEMS_PER_CHUNK + 1)]])
def test_iter_json_matches_json_dumps(value, items):
    def with_stream(data, stream):
        """``data`` with ``stream`` as its last member (or beside it, when ``data`` is a scalar)."""
        if isinstance(data, dict):
            return {**data, "streamed": stream}
        if isinstance(data, list):
            return [*data, stream]
        return {"value": data, "streamed": stream}

    expected = json.dumps(with_stream(value, list(items)), indent=2, ensure_ascii=False)
    assert "".join(iter_json(with_stream(value, Streamed(iter(items))))) == expected
    assert "".join(iter_json(value)) == json.dumps(value, indent=2, ensure_ascii=False)
