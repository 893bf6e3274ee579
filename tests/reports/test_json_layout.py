"""The JSON writer lays findings out itself: byte for byte what ``json.dumps(indent=2)`` writes."""
import enum
import json

from hypothesis import given, settings, strategies as st

from chartercheck.formatters.json_stream import Streamed, _encode, _laid_out, iter_json


class Level(str, enum.Enum):
    HIGH = "high"


class Count(enum.IntEnum):
    ONE = 1


SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text() | st.sampled_from([Level.HIGH, Count.ONE, "\x00\u2028\"\\</script>", "é\n\t"]))
KEYS = st.text() | st.integers() | st.none() | st.booleans()
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                    | st.dictionaries(KEYS, inner, max_size=4), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(DATA, st.integers(min_value=0, max_value=3))
def test_any_value_is_laid_out_as_json_dumps(value, depth):
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert _encode(value, depth) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dictionaries(st.text(), DATA, max_size=6), max_size=5))
def test_streamed_records_read_back(records):
    text = "".join(iter_json({"findings": Streamed(iter(records))}))
    assert text == json.dumps({"findings": records}, ensure_ascii=False, indent=2)


def test_a_finding_shaped_record_needs_no_fallback():
    record = {"code": "CC101", "message": "Trop de posts « lundi »", "hint": None, "n": 3, "ok": True,
              "location": {"path": "a.yaml", "line": 4, "tags": ["x", "y"], "empty": {}}, "none": []}
    # laid out directly (no fallback to json's own encoder, which would raise nothing here either)
    assert _laid_out(record, "\n  ") == json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
