"""Hostile YAML charters and calendars: a clear error or a CC9xx finding, never a traceback,
always within bounded time and memory."""
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartercheck.charter import load_charter_text
from chartercheck.cli import main
from chartercheck.errors import ChartercheckError
from chartercheck.testing import lint_text

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi"))

HOSTILE = {
    "alias-bomb": BOMB.replace("a: &a", "posts: []\na: &a"),
    "unsafe-tag": "posts:\n  - !!python/object/apply:os.system ['echo hacked']\n",
    "deep-nesting": "posts: " + "[" * 5000 + "]" * 5000 + "\n",
    "long-line": "posts:\n  - {id: a, channel: x, at: '2026-11-24 10:00', text: '" + "é" * 3_000_000 + "'}\n",
    "binary": "\x00\x01\x02\xff garbage \x7f",
    "empty": "",
    "wrong-types": "posts:\n  - {id: [1], channel: {a: b}, at: 12, text: [x], sponsored: maybe, approvals: 3}\n",
    "not-a-list": "posts: {a: 1}\n",
    "tabs": "posts:\n\t- id: a\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_calendar_gives_exit_2_or_findings(tmp_path, name):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(HOSTILE[name].encode("utf-8", "surrogateescape"))
    result = CliRunner().invoke(main, ["lint", str(path), "--now", "2026-11-20T09:00"])
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    if result.exit_code == 2:
        assert str(path) in result.output


@pytest.mark.parametrize("text", [
    BOMB, "version: 1\nbrand: !!python/name:os.system\n", "version: 1\n" + "x: " + "[" * 3000,
    "version: [1]\n", "- a\n- b\n", "version: 1\nchannels: 7\n", "version: 1\nrules: {CC101: loud}\n",
    "version: 1\ncadence: {windows: {mon-fri: ['20:00-08:00']}}\n", "\x00\x00",
])
def test_hostile_charter_is_a_charter_error(text):
    with pytest.raises(ChartercheckError):
        load_charter_text(text, "c.yaml")


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["2026-11-24 10:00", "instagram", "25:99", "mon-fri"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["id", "channel", "at", "text", "status", "approvals", "by", "media", "ignore", "x"]),
    inner, max_size=4), max_leaves=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(values, max_size=5))
def test_any_yaml_posts_list_never_crashes(posts):
    import yaml
    text = yaml.safe_dump({"posts": posts}, allow_unicode=True)
    try:
        lint_text("", text)
    except ChartercheckError:
        pass


charter_keys = st.sampled_from(["version", "brand", "channels", "cadence", "tone", "team", "rules",
                                "approval", "positioning", "strategy", "compliance", "extends", "zzz"])


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(charter_keys, values, max_size=5))
def test_any_charter_mapping_loads_or_raises_a_charter_error(data):
    import yaml
    if "extends" in data:
        data["extends"] = "preset:default"
    try:
        load_charter_text(yaml.safe_dump(data, allow_unicode=True), "c.yaml")
    except ChartercheckError:
        pass


def test_size_limits_are_reported_and_can_be_raised(tmp_path):
    path = tmp_path / "big.yaml"
    rows = "".join(f"  - {{id: p{i}, channel: x, at: '2026-11-24 10:{i % 60:02d}', text: t{i}}}\n" for i in range(30))
    path.write_text("posts:\n" + rows, encoding="utf-8")
    small = CliRunner().invoke(main, ["lint", str(path), "--max-bytes", "100", "--select", "CC9"])
    assert small.exit_code == 2 and "1,817 bytes, over the limit of 100 bytes" in small.output
    capped = CliRunner().invoke(main, ["lint", str(path), "--max-posts", "10", "--select", "CC918"])
    assert "more than 10 entries: the last 20 were not read" in capped.output
    assert CliRunner().invoke(main, ["lint", str(path), "--select", "CC918"]).exit_code == 0
