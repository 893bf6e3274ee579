"""CC205's sketches are pinned: which earlier posts are compared depends on them, so
a faster way to compute them must give the very same word-pair hashes and bucket keys."""
from chartercheck.rules.tone_repetition import _sketch

WORDS = tuple("pense à vérifier ton éclairage avant de partir un phare bien réglé c'est plus de sécurité".split())


def test_sketch_of_a_known_text_is_unchanged():
    shingles, keys = _sketch(WORDS, {})
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
