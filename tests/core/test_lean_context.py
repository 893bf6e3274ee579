"""The rule context keeps its caches small without changing any answer."""
from datetime import datetime, timedelta, timezone

from chartercheck.model import Post, Severity
from chartercheck.rules.context import RuleContext
from chartercheck.rules.findings import _Recent
from chartercheck.rules.registry import find_rule
from chartercheck.testing import charter_from_text

AT = datetime(2026, 11, 24, 11, 0, tzinfo=timezone.utc)
SELLING = "Promo flash : -30 % sur toutes nos lampes, achète maintenant avant dimanche !"
PLAIN = "Ce matin à l'atelier, on a réglé les freins de trente vélos pour la tournée."


def context(*posts):
    return RuleContext(charter_from_text("channels: {instagram: {platform: instagram}}"), list(posts))


def test_fires_tells_apart_posts_sharing_an_id_at_other_times():
    first = Post("x", ("instagram",), AT, SELLING)
    later = Post("x", ("instagram",), AT + timedelta(days=7), PLAIN)
    ctx = context(first, later)
    ctx.bind(find_rule("CC201"), Severity.WARNING)
    expected = [any(True for _ in find_rule("CC201").func(ctx, p)) for p in (first, later)]
    assert expected[0] != expected[1]  # the example needs one selling text and one plain one
    for _ in range(2):  # asked again: the cached answers
        assert [ctx.fires("CC201", first), ctx.fires("CC201", later)] == expected
    assert ctx.fires("CC999", first) is False


def test_findings_share_equal_texts_and_locations():
    post = Post("a", ("instagram",), AT, PLAIN)
    ctx = context(post)
    ctx.bind(find_rule("CC304"), Severity.INFO)
    one, two = ctx.finding(post, field="text"), ctx.finding(post, field="text")
    assert one == two and one.message is two.message and one.location is two.location
    assert one.location.at == AT and one.location.at.tzinfo is ctx.tz


def test_derived_values_are_kept_for_the_names_the_run_keeps_and_release_keeps_those_asked_for():
    posts = [Post("a", ("instagram",), AT, "vélo rouge"), Post("b", ("instagram",), AT, "vélo bleu")]
    ctx = RuleContext(charter_from_text("channels: {instagram: {platform: instagram}}"), posts,
                      keep_derived=("score", "words"))
    for post in ctx.posts:
        ctx.derived("words", post, lambda facts: tuple(facts.text.split()))
    ctx.derived("score", ctx.posts[0], lambda facts: 1.5)
    assert ctx.derived("length", ctx.posts[0], lambda facts: len(facts.text)) == 10
    assert ctx.derived_values("length") == {}  # not kept: computed when asked
    ctx.release(keep=("score",))
    assert ctx.derived_values("score") == {"vélo rouge": 1.5} and ctx.derived_values("words") == {}


def test_recent_values_are_forgotten_when_the_table_is_full():
    recent = _Recent(2)
    first = recent.get("".join(["a", "b"]))
    assert recent.get("".join(["a", "b"])) is first
    recent.get("c"), recent.get("d")  # full: emptied, then refilled
    assert recent.get("ab") == "ab" and len(recent.items) <= 2


def test_ranking_by_day_groups_is_one_stable_sort_without_repeats():
    import random
    from collections import defaultdict

    from chartercheck.ranking import day_of as _day_of, rank as _rank
    from chartercheck.model import Finding, Location

    rng = random.Random(8)
    findings = []
    for index in range(3000):
        at = None if rng.random() < 0.05 else AT + timedelta(hours=rng.randrange(0, 24 * 6))
        location = Location("plan.yaml", rng.randrange(1, 5), rng.choice(["a", "b", None]),
                            rng.choice(["instagram", "x"]), at, None)
        code = rng.choice(["CC101", "CC103", "CC304"])
        severity = {"CC101": Severity.ERROR, "CC103": Severity.WARNING, "CC304": Severity.INFO}[code]
        findings.append(Finding(code, "rule", severity, rng.choice(["m1", "m2"]), location,
                                f"hint {index}", rng.choice(["", "k"])))
    expected, seen = [], set()
    for finding in findings:
        identity = (finding.code, finding.location, finding.message)
        if identity not in seen:
            seen.add(identity)
            expected.append(finding)
    expected.sort(key=Finding.sort_key)
    by_day = defaultdict(list)
    for finding in findings:
        by_day[_day_of(finding)].append(finding)
    ranked = _rank(by_day)
    assert [f.hint for f in ranked] == [f.hint for f in expected]  # hints tell every finding apart
