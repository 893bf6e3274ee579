"""The platform table and counting the way each network does."""
import re
from importlib import resources

import pytest
import yaml

from chartercheck.charter.schema import PLATFORMS
from chartercheck.platforms import (channel_limits, get_platform, grapheme_count, measure, platform_table,
                                    x_weighted_length)
from chartercheck.testing import charter_from_text


# -- X weighted length ------------------------------------------------------------
def test_x_counts_latin_text_one_per_character():
    assert x_weighted_length("Vendanges finies, merci à tous !") == 32


def test_x_counts_every_url_23_whatever_its_length():
    short, long = "https://dc.fr/a", "https://www.example.com/" + "x" * 200
    assert x_weighted_length(short) == 23
    assert x_weighted_length(long) == 23
    assert x_weighted_length(f"Voir {short} et {long}") == 5 + 23 + 4 + 23


def test_x_counts_bare_domains_as_urls_but_not_email_addresses():
    assert measure("boutique.domaine.fr/noel", "weighted").urls == 1
    assert measure("contact@domaine.fr", "weighted").urls == 0
    assert x_weighted_length("contact@domaine.fr") == 18


def test_x_counts_emoji_2_even_when_made_of_several_code_points():
    assert x_weighted_length("🍷") == 2
    assert x_weighted_length("👨‍👩‍👧‍👦") == 2          # 7 code points, one emoji
    assert x_weighted_length("🇫🇷") == 2
    assert x_weighted_length("👍🏽") == 2


def test_x_counts_characters_outside_latin_ranges_2():
    assert x_weighted_length("日本") == 4
    assert x_weighted_length("«»—’") == 4            # Latin-1 and most typographic punctuation weigh 1
    assert x_weighted_length("…") == 2                # but not the ellipsis, outside X's light ranges
    assert x_weighted_length("©") == 1                # typography, not an emoji


def test_x_normalises_to_nfc_first():
    decomposed = "e\u0301te\u0301"                     # "été" typed with combining accents
    assert x_weighted_length(decomposed) == x_weighted_length("été") == 3


def test_x_url_keeps_its_trailing_punctuation_out():
    assert x_weighted_length("https://dc.fr/a.") == 24


def test_measure_details_say_what_made_the_length():
    size = measure("🍇 https://dc.fr/v26 日", "weighted")
    assert (size.length, size.urls, size.heavy) == (2 + 1 + 23 + 1 + 2, 1, 2)


# -- graphemes ---------------------------------------------------------------------
def test_graphemes_count_what_people_see():
    assert grapheme_count("e\u0301") == 1
    assert grapheme_count("🇫🇷👨‍👩‍👧") == 2
    assert grapheme_count("abc") == 3
    assert grapheme_count("") == 0


def test_mastodon_counts_graphemes_and_urls_23():
    assert measure("Voir https://example.org/" + "x" * 100, "graphemes_short_urls").length == 5 + 23


def test_utf16_units_and_utf8_bytes():
    assert measure("é🍷", "utf16").length == 3          # the wine glass is a surrogate pair
    assert measure("é🍷", "utf8_bytes").length == 6     # 2 + 4 bytes
    assert measure("https://example.org/" + "x" * 50, "utf16").length == 70   # no URL shortening
    assert measure("ééé", "utf8_bytes", 4).overflow() == "ééé"


def test_overflow_quotes_whole_words_from_where_the_text_stops_fitting():
    size = measure("un deux trois quatre", "graphemes", 10)
    assert size.length == 20 and size.overflow_at == 10
    assert size.overflow() == "trois quatre"
    assert measure("court", "graphemes", 10).overflow() == ""
    long_tail = measure("a " + "mot " * 30, "graphemes", 1).overflow(width=12)
    assert long_tail.endswith("…") and len(long_tail) <= 13


def test_unknown_counting_is_refused():
    with pytest.raises(ValueError, match="unknown counting"):
        measure("x", "bytes")


def test_measure_is_linear_on_a_long_text():
    text = ("Un texte assez long avec https://dc.fr/a et 🍷 " * 2000)
    assert measure(text, "weighted", 280).length > 280


# -- the table ---------------------------------------------------------------------
def test_every_social_platform_has_a_text_limit():
    table = platform_table()
    for name in PLATFORMS:
        if name in ("newsletter", "blog", "other"):
            assert name not in table
            assert get_platform(name).text_limit is None
        else:
            assert table[name].text_limit, name


@pytest.mark.parametrize("name, attribute, value", [
    ("x", "text_limit", 280), ("x", "counting", "weighted"),
    ("bluesky", "text_limit", 300), ("bluesky", "counting", "graphemes"),
    ("instagram", "text_limit", 2200), ("instagram", "max_hashtags", 5), ("instagram", "max_media", 10),
    ("instagram", "links_clickable", False), ("instagram", "media_required", True),
    ("linkedin", "text_limit", 3000), ("facebook", "text_limit", 63206), ("threads", "text_limit", 500),
    ("tiktok", "text_limit", 2200), ("tiktok", "media_required", True), ("tiktok", "counting", "utf16"),
    ("youtube", "counting", "utf8_bytes"),
    ("youtube", "title_limit", 100), ("youtube", "text_limit", 5000), ("pinterest", "text_limit", 500),
    ("mastodon", "counting", "graphemes_short_urls"),
])
def test_table_figures(name, attribute, value):
    assert getattr(platform_table()[name], attribute) == value


def test_every_platform_entry_cites_a_dated_source():
    raw = resources.files("chartercheck.platforms").joinpath("platforms.yaml").read_text("utf-8")
    blocks = re.split(r"^(?=[a-z]+:\s*$)", raw, flags=re.M)[1:]
    assert len(blocks) == len(yaml.safe_load(raw))
    for block in blocks:
        comments = " ".join(line for line in block.splitlines() if line.strip().startswith("#"))
        assert re.search(r"\b20\d\d\b", comments), f"no dated source in {block.splitlines()[0]}"


def test_charter_overrides_win_over_the_table():
    charter = charter_from_text("""
platforms: {linkedin: {max_hashtags: 3}}
channels:
  x: {platform: x, max_length: 200}
  pro: {platform: linkedin}
  news: {platform: newsletter}
""")
    assert channel_limits(charter.channel("x")).max_length == 200
    assert channel_limits(charter.channel("x")).counting == "weighted"
    assert channel_limits(charter.channel("pro")).max_hashtags == 3
    assert channel_limits(charter.channel("pro")).max_length == 3000
    news = channel_limits(charter.channel("news"))
    assert news.max_length is None and news.max_hashtags is None and news.links_clickable


# -- the fast paths agree with a plain walk over grapheme clusters --------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

from chartercheck.platforms.counting import _GRAPHEME_RE, _x_char_weight  # noqa: E402
from chartercheck.text.normalize import is_emoji  # noqa: E402

PIECES = ["a", "é", "e\u0301", " ", "\r\n", "\n", "日", "…", "’", "©", "™", "🍷", "❤", "❤️", "👍🏽", "🇫🇷",
          "👨‍👩‍👧‍👦", "1️⃣", "#", "@", "‼", "\u200d", "\ufe0f", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"]


def walk_weight(text):
    return sum(2 if is_emoji(g) else sum(_x_char_weight(ord(c)) for c in g) for g in _GRAPHEME_RE.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_fast_counts_match_a_walk_over_graphemes(pieces):
    import unicodedata
    text = unicodedata.normalize("NFC", "".join(pieces))
    assert grapheme_count(text) == len(_GRAPHEME_RE.findall(text))
    assert x_weighted_length(text) == walk_weight(text)
