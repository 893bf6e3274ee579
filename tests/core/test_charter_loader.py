"""The charter loader: types, defaults, extends, presets, and errors naming file, line and key."""
import textwrap

import pytest

from chartercheck import load_charter
from chartercheck.charter import load_charter_text, preset_names
from chartercheck.errors import CharterError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def problems(text):
    with pytest.raises(CharterError) as info:
        load_charter_text(textwrap.dedent(text), "c.yaml")
    return [str(p) for p in info.value.problems]


def test_embedded_default_loads_and_names_itself():
    charter = load_charter()
    assert charter.name == "embedded:default"
    assert charter.channel("instagram")["max_per_day"] == 1
    assert charter.get("tone.commercial.max_share") == 0.2


def test_all_errors_at_once_with_line_key_and_suggestion():
    found = problems("""\
        version: 1
        brand: {timezon: Europe/Paris}
        cadence:
          max_per_day_total: lots
        channels:
          ig: {platform: instgram, min_gap: 4}
        """)
    assert "c.yaml:2: brand.timezon: unknown key 'timezon' (did you mean 'timezone'?)" in found
    assert "c.yaml:4: cadence.max_per_day_total: expected a whole number, got text" in found
    assert any(p.startswith("c.yaml:6: channels.ig.platform:") and "did you mean 'instagram'" in p for p in found)
    assert "c.yaml:6: channels.ig.min_gap: 4 has no unit: write 4m, 4h or 4d" in found


def test_unknown_time_zone_is_an_error():
    found = problems("version: 1\nbrand: {timezone: Europe/Pariss}\n")
    assert found == ["c.yaml:2: brand.timezone: unknown time zone 'Europe/Pariss': use an IANA name such as Europe/Paris"]


def test_version_is_required_in_a_file(tmp_path):
    path = write(tmp_path, "c.yaml", "brand: {name: X}\n")
    with pytest.raises(CharterError) as info:
        load_charter(path)
    assert "missing required key 'version'" in str(info.value)


def test_extends_merges_mappings_and_replaces_lists(tmp_path):
    write(tmp_path, "base.yaml", """\
        version: 1
        brand: {name: Base, languages: [fr, en], timezone: Europe/Paris}
        channels: {instagram: {platform: instagram, max_per_day: 2}}
        """)
    path = write(tmp_path, "child.yaml", """\
        version: 1
        extends: base.yaml
        brand: {languages: [fr]}
        channels: {instagram: {min_gap: 2h}}
        """)
    charter = load_charter(path)
    assert charter.get("brand.name") == "Base"
    assert charter.get("brand.languages") == ["fr"]
    assert charter.channel("instagram")["max_per_day"] == 2
    assert str(charter.channel("instagram")["min_gap"]) == "2:00:00"


def test_extends_cycle_and_missing_file(tmp_path):
    write(tmp_path, "a.yaml", "version: 1\nextends: b.yaml\n")
    write(tmp_path, "b.yaml", "version: 1\nextends: a.yaml\n")
    with pytest.raises(CharterError, match="extends itself"):
        load_charter(str(tmp_path / "a.yaml"))
    with pytest.raises(CharterError, match="not found"):
        load_charter(str(tmp_path / "nope.yaml"))


def test_presets_are_shipped_and_unknown_preset_is_explained():
    assert {"default", "platform-defaults"} <= set(preset_names())
    with pytest.raises(CharterError, match="no preset named 'nope'"):
        load_charter_text("version: 1\nextends: preset:nope\n")


def test_platform_defaults_sit_under_channel_overrides():
    charter = load_charter_text("version: 1\nextends: preset:platform-defaults\n"
                                "channels: {insta: {platform: instagram, max_per_day: 3}}\n")
    settings = charter.channel("insta")
    assert settings["max_per_day"] == 3 and settings["max_per_week"] == 7


def test_rule_overrides_by_code_name_prefix_and_family():
    charter = load_charter_text("version: 1\nrules: {CC105: {severity: error}, long-silence: off, "
                                "CC1: info, positioning: off}\n")
    from chartercheck.model import Severity
    assert charter.rule_severity("CC105", "outside-posting-window", Severity.WARNING) is Severity.ERROR
    assert charter.rule_severity("CC108", "long-silence", Severity.WARNING) is None
    assert charter.rule_severity("CC101", "channel-daily-cap", Severity.WARNING) is Severity.INFO
    assert charter.rule_severity("CC303", "rejected-vocabulary", Severity.WARNING) is None


def test_yaml_hazards_are_refused_with_a_line():
    assert problems("version: 1\nbrand: !!python/object:os.system {}\n")[0].startswith("c.yaml:2")
    assert "syntax" in problems("version: 1\nbrand: {name: [}\n")[0]


def test_shipped_charters_load():
    for name in ("velo-lumiere", "cabinet-atlas", "northwind-coffee"):
        charter = load_charter(f"charters/{name}.yaml")
        assert charter.channels
