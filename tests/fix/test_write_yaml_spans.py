"""The YAML writer finds each scalar's span in characters, whatever precedes it on the line or above."""
from .helpers import local_moves, run_fix
from .test_writers import IG, changed_lines

#: Emoji (outside the Basic Multilingual Plane), accents and a folded text before the moved times:
#: a composer counting bytes or UTF-16 units instead of characters would cut the wrong span.
ASTRAL = """\
calendar: {timezone: Europe/Paris}
posts:
  - {id: a, channel: instagram, at: "2026-11-23 09:30", text: "🍇🍂🍷 Vendanges — été 🌞"}
  - id: b
    channel: instagram
    text: >
      Ça démarre 🚲🚲 sur
      deux lignes 🙏
    at: '2026-11-23 11:00'   # 🙂 keeps its comment
"""


def test_yaml_moves_after_astral_characters_change_only_that_time():
    result, charter = run_fix(IG, ASTRAL)
    assert local_moves(result, charter) == {"b": "2026-11-24 08:00"}
    assert changed_lines(ASTRAL.encode(), result.data) == [
        "-     at: '2026-11-23 11:00'   # 🙂 keeps its comment\n",
        "+     at: '2026-11-24 08:00'   # 🙂 keeps its comment\n",
    ]
