"""The same approvals written in YAML, CSV and iCalendar give the same findings.

The CSV and ICS twins are generated from the YAML sample week, so the three
always describe the same plan. CSV carries approvals in ``approved_by`` /
``approved_at`` (several separated by ``|``, in the same order); iCalendar in
``ATTENDEE;PARTSTAT=ACCEPTED`` (who, no time) and ``X-CHARTERCHECK-APPROVAL``
(``by=...;role=...;at=...``), with ``X-CHARTERCHECK-STATUS`` and
``X-CHARTERCHECK-SPONSORED`` for the rest. Each test runs once its reader exists.
"""
import csv
import io
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
import yaml

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.readers import CalendarSource
from chartercheck.timeutil import parse_cli_datetime

CHARTER = load_charter("charters/approval-demo.yaml")
PARIS = ZoneInfo("Europe/Paris")
NOW = parse_cli_datetime("2026-11-22T18:00", PARIS)


def sample_posts() -> list[dict]:
    with open("sample_calendars/approvals-faulty.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)["posts"]


def lint(path: str, text: str, messages: bool = False) -> list[tuple]:
    """Findings as (code, post id, severity[, message, hint]): locations differ between formats."""
    report = run([CalendarSource(path, text.encode("utf-8"))], CHARTER, LintOptions(now=NOW, select=["CC4"]))
    return sorted((f.code, f.location.post_id, f.severity.label) + ((f.message, f.hint) if messages else ())
                  for f in report.findings)


def as_yaml(posts: list[dict]) -> str:
    return yaml.safe_dump({"calendar": {"timezone": "Europe/Paris"}, "posts": posts},
                          allow_unicode=True, sort_keys=False)


def stamp(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else str(value)


def utc(value) -> str:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=PARIS).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def iso(value) -> str:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=PARIS).isoformat()


def test_csv_approval_columns_match_yaml():
    pytest.importorskip("chartercheck.readers.csv_calendar")
    posts = sample_posts()
    out = io.StringIO()
    columns = ["id", "channel", "at", "text", "author", "status", "sponsored", "updated_at",
               "approved_by", "approved_at"]
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for p in posts:
        approvals = p.get("approvals") or []
        writer.writerow({
            "id": p["id"], "channel": p["channel"], "at": stamp(p["at"]), "text": p["text"],
            "author": p.get("author", ""), "status": p.get("status", ""),
            "sponsored": "true" if p.get("sponsored") else "",
            "updated_at": stamp(p["updated_at"]) if p.get("updated_at") else "",
            "approved_by": "|".join(a["by"] for a in approvals),
            "approved_at": "|".join(stamp(a["at"]) for a in approvals),
        })
    assert lint("week.csv", out.getvalue()) == lint("week.yaml", as_yaml(posts))


def _ics(posts: list[dict], approval_lines) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//chartercheck tests//EN"]
    for p in posts:
        author = CHARTER.find_member(p["author"])
        lines += ["BEGIN:VEVENT", f"UID:{p['id']}", "DTSTAMP:20261120T080000Z", f"DTSTART:{utc(p['at'])}",
                  f"CATEGORIES:{p['channel']}", "SUMMARY:" + p["text"][:40].replace(",", "\\,"),
                  "DESCRIPTION:" + p["text"].replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;"),
                  f"ORGANIZER;CN={author['name']}:mailto:{author['email']}"]
        if p.get("updated_at"):
            lines.append(f"LAST-MODIFIED:{utc(p['updated_at'])}")
        if p.get("status"):
            lines.append(f"X-CHARTERCHECK-STATUS:{p['status']}")
        if p.get("sponsored"):
            lines.append("X-CHARTERCHECK-SPONSORED:true")
        lines += approval_lines(p.get("approvals") or [])
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def test_ics_attendees_match_yaml_approvals_without_time():
    pytest.importorskip("chartercheck.readers.ics_calendar")
    posts = sample_posts()

    def attendees(approvals):
        out = []
        for a in approvals:
            member = CHARTER.find_member(a["by"])
            address = member["email"] if member and member.get("email") else f"{a['by']}@elsewhere.example"
            cn = member.get("name") if member and member.get("name") else a["by"]
            out.append(f"ATTENDEE;CN={cn};PARTSTAT=ACCEPTED:mailto:{address}")
        return out

    untimed = [{**p, "approvals": [{"by": a["by"]} for a in p.get("approvals") or []]} for p in posts]
    expected = lint("week.yaml", as_yaml(untimed))
    assert ("CC404", "ig-lundi", "info") in expected  # the lead time cannot be checked, and says so
    assert lint("week.ics", _ics(posts, attendees)) == expected


def test_ics_approval_property_matches_yaml():
    pytest.importorskip("chartercheck.readers.ics_calendar")
    posts = sample_posts()

    def properties(approvals):
        return [f"X-CHARTERCHECK-APPROVAL:by={a['by']};at={iso(a['at'])}"
                + (f";role={a['role']}" if a.get("role") else "") for a in approvals]

    expected = lint("week.yaml", as_yaml(posts), messages=True)
    assert len(expected) == 12
    assert lint("week.ics", _ics(posts, properties), messages=True) == expected
