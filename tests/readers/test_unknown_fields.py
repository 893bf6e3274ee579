"""CC916: every unknown field named with the closest known one, or with the fields chartercheck
reads when none is close (never "did you mean ''?"); past 20 in one entry or header, one count."""
from chartercheck.readers.normalize import POST_FIELDS
from chartercheck.testing import lint_text

CHANNELS = "channels: {instagram: {platform: instagram}}"


def _cc916(report):
    return sorted((f for f in report.findings if f.code == "CC916"), key=lambda f: f.message)


def test_a_close_field_is_suggested_and_a_far_one_gets_the_list_of_fields():
    cal = "posts:\n  - {id: a, channel: instagram, at: '2026-11-24 09:00', text: Bonjour, pilar: x, zzz: y}\n"
    pilar, zzz = _cc916(lint_text(CHANNELS, cal))
    assert (pilar.message, pilar.hint) == ("unknown field 'pilar' ignored", "did you mean 'pillar'?")
    assert zzz.message == "unknown field 'zzz' ignored"
    assert zzz.hint == f"chartercheck reads {', '.join(POST_FIELDS)}: rename it to one of them, or remove it"
    assert "''" not in zzz.hint


def test_french_messages_are_complete():
    cal = "posts:\n  - {id: a, channel: instagram, at: '2026-11-24 09:00', text: Bonjour, zzz: y}\n"
    [zzz] = _cc916(lint_text(CHANNELS, cal, lang="fr"))
    assert zzz.message == "champ inconnu « zzz » ignoré"
    assert zzz.hint.startswith("chartercheck lit id, channel, ") and zzz.hint.endswith(
        " : renommez-le en l'un d'eux, ou retirez-le")


def test_keys_are_as_before_so_baselines_still_hold():
    """A YAML entry's CC916 was keyed by its message id, a CSV column's by its name."""
    cal = "posts:\n  - {id: a, channel: instagram, at: '2026-11-24 09:00', text: Bonjour, pilar: x, zzz: y}\n"
    assert [f.key for f in _cc916(lint_text(CHANNELS, cal))] == ["message", "message"]
    csv = "id,channel,at,text,pilar,zzz\na,instagram,2026-11-24 09:00,Bonjour,x,y\n"
    assert [f.key for f in _cc916(lint_text(CHANNELS, csv, "csv"))] == ["pilar", "zzz"]


def test_past_twenty_unknown_columns_the_rest_is_one_count():
    names = [f"extra{i:02d}" for i in range(25)]
    csv = "id,channel,at,text," + ",".join(names) + "\na,instagram,2026-11-24 09:00,Bonjour" + ",v" * 25 + "\n"
    found = _cc916(lint_text(CHANNELS, csv, "csv"))
    named = [f for f in found if f.key != "more"]
    [more] = [f for f in found if f.key == "more"]
    assert sorted(f.location.field for f in named) == names[:20]
    assert more.message == "5 more unknown fields ignored (the first: 'extra20'), past the 20 named one by one"
    assert more.hint.startswith("chartercheck reads id, channel, ")


def test_past_twenty_unknown_fields_of_one_entry_the_rest_is_one_count():
    extra = ", ".join(f"k{i:02d}: v" for i in range(22))
    cal = "posts:\n  - {id: a, channel: instagram, at: '2026-11-24 09:00', text: Bonjour, " + extra + "}\n"
    found = _cc916(lint_text(CHANNELS, cal))
    assert len(found) == 21
    assert [f.message for f in found if f.key == "more"] == [
        "2 more unknown fields ignored (the first: 'k20'), past the 20 named one by one"]
