"""CC201-CC205: fires, does not fire, and the edges, in French and English."""
from chartercheck.testing import calendar_yaml as calendar, found, lint_posts as lint, lint_text  # noqa: F401


# -- CC201 commercial score ------------------------------------------------------------------

def test_cc201_french_hard_sell_lists_its_cues_and_score():
    report = lint("", ("a", "instagram", "2026-11-24 12:00",
                       "-40 % sur la Lumen 2 avec le code HIVER40, jusqu'à dimanche ! Lien en bio."), code="CC201")
    (finding,) = report.findings
    assert finding.message.startswith("commercial score 0.")
    for cue in ("'-40 %'", "HIVER40", "'jusqu'à dimanche'", "'Lien en bio'"):
        assert cue in finding.message
    assert "'40 %'" not in finding.message  # nested in '-40 %': said once


def test_cc201_english_hard_sell_fires_and_french_message_uses_guillemets():
    text = "Black Friday: 30% off everything with code BF30, today only! Shop now, link in bio."
    assert found(lint("", ("a", "instagram", "2026-11-24 12:00", text), code="CC201"), "CC201") == ["a"]
    report = lint_text("", calendar(("a", "instagram", "2026-11-24 12:00", text)), select=["CC201"], lang="fr")
    assert report.findings[0].message.startswith("score commercial 0,")
    assert "« BF30 »" in report.findings[0].message or "code BF30" in report.findings[0].message


def test_cc201_silent_on_advice_and_on_a_soft_mention_of_a_product():
    posts = [("a", "instagram", "2026-11-24 12:00", "Ta chaîne grince ? Essuie-la puis mets une goutte d'huile."),
             ("b", "facebook", "2026-11-24 15:00", "Découvre notre nouvelle collection de lampes, pensée pour l'hiver."),
             ("c", "linkedin", "2026-11-25 09:00", "Thank you to the 120 riders who answered our winter survey.")]
    assert found(lint("", *posts, code="CC201"), "CC201") == []


def test_cc201_threshold_comes_from_the_charter_and_extra_cues_count():
    # A soft "découvrez" alone stays under the default threshold...
    post = ("a", "instagram", "2026-11-24 12:00", "Découvrez nos gilets réfléchissants pour l'hiver.")
    assert found(lint("tone: {commercial: {max_score: 0.6}}", post, code="CC201"), "CC201") == []
    # ...a lower threshold catches it...
    assert found(lint("tone: {commercial: {max_score: 0.3}}", post, code="CC201"), "CC201") == ["a"]
    # ...and the brand's own selling words tip it over at the default one.
    charter = "tone: {extra_commercial_cues: [gilets réfléchissants]}"
    assert found(lint(charter, post, code="CC201"), "CC201") == ["a"]
    # A charter cue alone scores 0.5: under the default threshold.
    alone = ("a", "instagram", "2026-11-24 12:00", "Nos gilets réfléchissants, pensés par l'atelier.")
    assert found(lint(charter, alone, code="CC201"), "CC201") == []


def test_cc201_edge_score_equal_to_the_limit_passes():
    from chartercheck.text import analyze

    text = "Les soldes d'hiver arrivent bientôt à l'atelier : lien en bio."
    score = analyze(text).commercial_score
    post = ("a", "instagram", "2026-11-24 12:00", text)
    assert found(lint(f"tone: {{commercial: {{max_score: {score}}}}}", post, code="CC201"), "CC201") == []
    below = round(score - 0.001, 3)
    assert found(lint(f"tone: {{commercial: {{max_score: {below}}}}}", post, code="CC201"), "CC201") == ["a"]


# -- CC202 commercial share ------------------------------------------------------------------

SALE = "-30 % sur tout le site avec le code NOEL30, jusqu'à dimanche ! Commande vite."
ADVICE = "Une astuce pour régler ton phare avant l'hiver sans éblouir les autres."


def week(kinds, start_day=23, channel="instagram"):
    return [(f"p{i}", channel, f"2026-11-{start_day + i // 2:02d} {10 + 6 * (i % 2)}:00", SALE if k == "s" else ADVICE)
            for i, k in enumerate(kinds)]


def test_cc202_reports_a_run_of_offending_windows_once():
    report = lint("tone: {commercial: {max_share: 0.2, min_posts: 5}}", *week("ssaaaaaaaa"), code="CC202")
    (finding,) = [f for f in report.findings if f.code == "CC202"]
    assert finding.location.post_id is None
    assert finding.message.startswith("2 of 5 posts are commercial (40%)")
    assert finding.message.endswith("max 20%: p0, p1")
    assert "turn 1 of them" in finding.hint


def test_cc202_waits_for_min_posts_before_judging():
    # 2 selling posts out of 4: a proportion of nothing yet.
    assert found(lint("tone: {commercial: {min_posts: 5}}", *week("ssaa"), code="CC202"), "CC202") == []
    assert len(lint("tone: {commercial: {min_posts: 4}}", *week("ssaa"), code="CC202").findings) == 1


def test_cc202_silent_at_the_allowed_share_and_separate_runs_are_reported_separately():
    assert lint("tone: {commercial: {max_share: 0.2}}", *week("saaaa"), code="CC202").findings == ()
    # Two bursts of offers three weeks apart: each is its own run.
    posts = week("ssaaa") + [(f"q{i}", "instagram", f"2026-12-{14 + i}T10:00:00+01:00", SALE if i < 2 else ADVICE)
                             for i in range(5)]
    assert len(lint("tone: {commercial: {max_share: 0.2}}", *posts, code="CC202").findings) == 2


def test_cc202_window_slides_old_offers_out():
    posts = week("ss") + [(f"q{i}", "instagram", f"2026-12-0{1 + i} 10:00", ADVICE) for i in range(5)]
    report = lint("tone: {commercial: {max_share: 0.2, window: 7d}}", *posts, code="CC202")
    assert report.findings == ()  # the offers of 23 Nov are out of the windows with 5 posts


def test_cc202_counts_earlier_posts_but_reports_only_in_range():
    from datetime import datetime
    from zoneinfo import ZoneInfo
    posts = week("sssaa")
    start = datetime(2026, 11, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert lint("", *posts, code="CC202", start=start).findings == ()


def test_cc202_a_run_going_on_after_until_is_reported_up_to_until():
    posts = week("ssaaaaaaaa")  # 23-27 Nov, two posts a day
    end = _paris("2026-11-25 23:59")
    report = lint("tone: {commercial: {max_share: 0.2, min_posts: 5}}", *posts, code="CC202", end=end)
    (finding,) = report.findings
    assert finding.message.startswith("2 of 5 posts are commercial (40%)")
    assert finding.location.at <= end


# -- CC203 over-promise ----------------------------------------------------------------------

def test_cc203_french_and_english_claims_fire():
    posts = [("a", "facebook", "2026-11-24 12:00", "La meilleure lampe du marché, satisfaction garantie !"),
             ("b", "linkedin", "2026-11-24 15:00", "Guaranteed results, the best light ever made, 100% risk-free.")]
    report = lint("", *posts, code="CC203")
    assert found(report, "CC203") == ["a", "b"]
    assert "'garantie'" in report.findings[0].message


def test_cc203_silent_on_proven_facts():
    posts = [("a", "facebook", "2026-11-24 12:00", "Nous avons testé la Lumen 2 pendant 500 km sous la pluie."),
             ("b", "linkedin", "2026-11-25 12:00", "We tested the Lumen 2 for 500 km in the Lyon rain.")]
    assert found(lint("", *posts, code="CC203"), "CC203") == []


def test_cc203_charter_extra_claims():
    post = ("a", "facebook", "2026-11-24 12:00", "Avec nos pneus, c'est zéro crevaison cet hiver.")
    assert found(lint("", post, code="CC203"), "CC203") == []
    assert found(lint("tone: {extra_claims: [zéro crevaison]}", post, code="CC203"), "CC203") == ["a"]


# -- CC204 shouting --------------------------------------------------------------------------

def test_cc204_caps_run_bangs_and_emoji_flood():
    posts = [("a", "instagram", "2026-11-24 12:00", "DERNIÈRE CHANCE pour la sortie de nuit."),
             ("b", "instagram", "2026-11-25 12:00", "What a ride last night!!! See you next week."),
             ("c", "instagram", "2026-11-26 12:00", "Sortie de nuit samedi 🔥🔥 🔥🔥 on y va.")]
    report = lint("", *posts, code="CC204")
    assert found(report, "CC204") == ["a", "b", "c"]
    assert "'DERNIÈRE CHANCE'" in report.findings[0].message
    assert "'!!!'" in report.findings[1].message
    assert "🔥🔥 🔥🔥" in report.findings[2].message or "🔥🔥🔥🔥" in report.findings[2].message


def test_cc204_silent_on_one_capitalised_word_acronyms_two_bangs_and_scattered_emoji():
    posts = [("a", "instagram", "2026-11-24 12:00", "NOUVEAU : la Lumen 2 arrive à l'atelier."),
             ("b", "linkedin", "2026-11-24 15:00", "La SNCF et la RATP parlent RGPD avec nous."),
             ("c", "instagram", "2026-11-25 12:00", "Merci pour cette belle sortie !!"),
             ("d", "instagram", "2026-11-26 12:00", "Sortie 🚲 samedi 🌙 avec chocolat ☕ et musique 🎶")]
    assert found(lint("", *posts, code="CC204"), "CC204") == []


# -- CC205 near-duplicate --------------------------------------------------------------------

TIP = "Pense à vérifier ton éclairage avant de partir : un phare bien réglé, c'est plus de sécurité pour tous."
TIP_EN = "Check your lights before you leave: a well aimed headlight means more safety for everyone on the road."


def test_cc205_rerun_on_the_same_channel_within_14_days():
    posts = [("a", "instagram", "2026-11-16 12:00", TIP), ("b", "instagram", "2026-11-24 12:00", TIP + " !"),
             ("c", "linkedin", "2026-11-16 12:00", TIP_EN), ("d", "linkedin", "2026-11-20 12:00", TIP_EN)]
    report = lint("", *posts, code="CC205")
    assert found(report, "CC205") == ["d", "b"]
    assert "100% similar to 'a' on instagram" in next(f for f in report.findings if f.location.post_id == "b").message


def test_cc205_silent_on_other_channels_old_posts_and_different_texts():
    posts = [("a", "instagram", "2026-11-01 12:00", TIP),       # 23 days before b: out of the window
             ("b", "instagram", "2026-11-24 12:00", TIP),
             ("c", "facebook", "2026-11-24 15:00", TIP),        # another channel: CC309's business
             ("d", "instagram", "2026-11-25 12:00", "Samedi, balade de nuit au départ de la place Bellecour, lampes allumées.")]
    report = lint("", *posts, code="CC205")
    assert found(report, "CC205") == []


def test_cc205_edge_similarity_threshold_and_short_texts():
    edited = TIP.replace("avant de partir", "avant chaque sortie")
    posts = [("a", "instagram", "2026-11-16 12:00", TIP), ("b", "instagram", "2026-11-20 12:00", edited)]
    assert found(lint("tone: {duplicates: {similarity: 0.6}}", *posts, code="CC205"), "CC205") == ["b"]
    assert found(lint("tone: {duplicates: {similarity: 0.95}}", *posts, code="CC205"), "CC205") == []
    short = [("a", "instagram", "2026-11-16 12:00", "Merci à tous !"), ("b", "instagram", "2026-11-17 12:00", "Merci à tous !")]
    assert lint("", *short, code="CC205").findings == ()


def test_cc205_many_repeats_report_each_post_once_against_the_latest():
    posts = [(f"p{i}", "instagram", f"2026-11-{10 + i} 12:00", TIP) for i in range(10)]
    report = lint("", *posts, code="CC205")
    assert found(report, "CC205") == [f"p{i}" for i in range(1, 10)]
    assert all(f"'p{i - 1}'" in f.message for i, f in zip(range(1, 10), report.findings))


def _paris(text):
    from chartercheck.timeutil import parse_cli_datetime
    from zoneinfo import ZoneInfo
    return parse_cli_datetime(text, ZoneInfo("Europe/Paris"))


def test_cc205_a_post_before_from_is_compared_and_one_after_until_is_not_reported():
    posts = [("a", "instagram", "2026-11-18 12:00", TIP),   # context: before --from
             ("b", "instagram", "2026-11-24 12:00", TIP),   # linted: repeats a
             ("c", "instagram", "2026-12-02 12:00", TIP)]   # after --until: repeats b, not reported
    report = lint("", *posts, code="CC205", start=_paris("2026-11-23 00:00"), end=_paris("2026-11-29 23:59"))
    assert found(report, "CC205") == ["b"]
    assert "'a'" in report.findings[0].message


def test_cc205_forgets_posts_once_out_of_the_window_over_a_long_calendar():
    # A tip every 10 days for a year: each repeats the previous one within 14 days;
    # every 15 days: none does. Both over many posts of other texts.
    noise = [(f"n{i}", "instagram", f"2026-{1 + i // 28:02d}-{1 + i % 28:02d} 08:00",
              f"Sortie numéro {i} : rendez-vous au parc {i % 7} avec {i} lampes et {i * 3} cyclistes motivés.")
             for i in range(12 * 28)]
    every_10 = [(f"t{i}", "instagram", f"2026-{1 + (i * 10) // 28:02d}-{1 + (i * 10) % 28:02d} 12:00", TIP)
                for i in range(30)]
    every_15 = [(f"u{i}", "linkedin", f"2026-{1 + (i * 15) // 28:02d}-{1 + (i * 15) % 28:02d} 12:00", TIP_EN)
                for i in range(20)]
    report = lint("", *noise, *every_10, *every_15, code="CC205")
    reported = set(found(report, "CC205"))
    assert {f"t{i}" for i in range(1, 30)} <= reported
    assert not {p[0] for p in every_15} & reported
