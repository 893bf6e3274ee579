"""CC205's sketches are pinned: which earlier posts are compared depends on them, so
a faster way to compute them must give the very same word-pair hashes and bucket keys."""
from chartercheck.rules.tone_repetition import _sketch

WORDS = tuple("pense à vérifier ton éclairage avant de partir un phare bien réglé c'est plus de sécurité".split())


def test_sketch_of_a_known_text_is_unchanged():
    shingles, _, keys = _sketch(WORDS, {})
    assert list(keys) == [-1749623417429643688, 6261708604863292170, -3475253860124277289, -6928081579842670423,
                          -6478938766781172925, 5541046015674255254, 5009350955003484279, 9175368549673199964,
                          -7780436687217843770, -5389227652015989885]
    assert (len(shingles), min(shingles), max(shingles), sum(shingles) % 1_000_003) == (
        15, 2815576759455209330, 18038304608980549671, 860713)


def test_word_codes_kept_for_the_run_give_the_same_sketch():
    codes: dict = {}
    first = _sketch(WORDS, codes)
    assert codes and _sketch(WORDS, codes) == first == _sketch(WORDS, {})
    assert _sketch(WORDS[:4], codes) is None  # too short to compare


def test_a_full_word_table_is_emptied_and_the_duplicates_found_are_the_same(monkeypatch):
    from chartercheck.rules import tone_repetition
    from chartercheck.testing import lint_posts

    # Each text brings a word of its own, as numbers and names do in real posts.
    posts = [(f"p{i}", "instagram", f"2026-11-{10 + i} 12:00", " ".join(WORDS + (f"atelier{i}",))) for i in range(6)]
    unbounded = lint_posts("", *posts, code="CC205")
    sizes = []
    real_sketch = tone_repetition._sketch

    def sketch(tokens, word_codes):
        sizes.append(len(word_codes))
        return real_sketch(tokens, word_codes)

    monkeypatch.setattr(tone_repetition, "WORD_CODES_MAX", 20)
    monkeypatch.setattr(tone_repetition, "_sketch", sketch)
    bounded = lint_posts("", *posts, code="CC205")
    assert len(unbounded.findings) == 5
    assert [f.to_dict() for f in bounded.findings] == [f.to_dict() for f in unbounded.findings]
    assert max(sizes) < 20 and 0 in sizes[1:]  # emptied when full, then filled again


def test_the_sorted_pairs_are_the_set_s():
    shingles, pairs, _ = _sketch(WORDS, {})
    assert pairs == sorted(shingles) and len(pairs) == len(shingles)
