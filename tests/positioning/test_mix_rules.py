"""CC304, CC305, CC307, CC309, CC310: fires, does not fire, edges, French and English."""
import yaml

from chartercheck.testing import lint_text

PILLARS = """
brand: {name: Vélo Lumière, aliases: ["VeloLumiere", "#velolumiere", "@velolumiere"], products: [Lumen 2, Atelier mobile]}
strategy: {objectives: [{id: notoriete}, {id: relation-client}]}
positioning:
  pillars:
    - {id: conseils, keywords: [entretien, réglage, éclairage, maintenance], share: {min: 0.3}}
    - {id: communaute, keywords: [balade, rencontre, merci, ride], share: {max: 0.5}}
    - {id: produit, keywords: [Lumen, lampe, phare], share: {max: 0.3}}
"""


def calendar(*posts):
    """YAML calendar from (id, channel, at, text[, extra fields]) tuples."""
    rows = []
    for p in posts:
        row = {"id": p[0], "channel": p[1], "at": p[2], "text": p[3]}
        row.update(p[4] if len(p) > 4 else {})
        rows.append(row)
    return yaml.safe_dump({"posts": rows}, allow_unicode=True, sort_keys=False)


def found(report, code):
    return [f.location.post_id for f in report.findings if f.code == code]


def lint(charter, *posts, code, **options):
    return lint_text(charter, calendar(*posts), select=[code], **options)


# -- CC304 off-pillar ------------------------------------------------------------------------

def test_cc304_fires_on_a_post_about_nothing_the_brand_chose():
    post = ("a", "instagram", "2026-11-24 12:00", "Quelle belle journée ensoleillée aujourd'hui sur les quais de Saône.")
    report = lint(PILLARS, post, code="CC304")
    assert [f.message for f in report.findings] == ["matches none of the pillars (conseils, communaute, produit)"]


def test_cc304_stems_accents_plurals_hashtags_and_english():
    posts = [("a", "instagram", "2026-11-24 12:00", "Les REGLAGES de ton frein avant prennent cinq minutes."),
             ("b", "instagram", "2026-11-24 15:00", "Cinq minutes pour sauver ton hiver, promis. #EntretienVelo"),
             ("c", "linkedin", "2026-11-25 09:00", "Thanks to everyone who joined our night rides this month."),
             ("d", "linkedin", "2026-11-26 09:00", "Our maintenance tips for winter commuting are online now.")]
    assert found(lint(PILLARS, *posts, code="CC304"), "CC304") == []


def test_cc304_short_texts_and_charters_without_keywords_are_silent():
    assert lint(PILLARS, ("a", "instagram", "2026-11-24 12:00", "Bonne soirée !"), code="CC304").findings == ()
    post = ("a", "instagram", "2026-11-24 12:00", "Quelle belle journée ensoleillée aujourd'hui sur les quais.")
    assert lint("brand: {name: X}", post, code="CC304").findings == ()


# -- CC305 generic message -------------------------------------------------------------------

def test_cc305_could_be_any_brand_in_french_and_english():
    posts = [("a", "instagram", "2026-11-24 12:00", "Le bonheur est dans les petites choses, profite de ta journée."),
             ("b", "linkedin", "2026-11-24 15:00", "Happiness is in the little things, so enjoy every single day.")]
    report = lint(PILLARS, *posts, code="CC305", lang="fr")
    assert found(report, "CC305") == ["a", "b"]
    assert report.findings[0].message.startswith("rien de propre à Vélo Lumière")


def test_cc305_any_anchor_makes_a_post_specific():
    posts = [("a", "instagram", "2026-11-24 12:00", "Le bonheur est dans les petites choses, chez Vélo-Lumière aussi."),
             ("b", "instagram", "2026-11-24 13:00", "Le bonheur est dans les petites choses, comme ta Lumen 2 le soir."),
             ("c", "instagram", "2026-11-24 14:00", "Le bonheur est dans les petites choses, profite de ta journée #VeloLumiere"),
             ("d", "instagram", "2026-11-24 15:00", "Le bonheur est dans les petites choses, comme une balade de nuit."),
             ("e", "instagram", "2026-11-24 16:00", "Le bonheur est dans les petites choses, dis-le à @velolumiere.")]
    assert lint(PILLARS, *posts, code="CC305").findings == ()


def test_cc305_required_tags_count_and_no_brand_name_is_silent():
    charter = "brand: {name: Vélo Lumière}\nchannels: {instagram: {platform: instagram, required_tags: ['#lumiereenselle']}}"
    post = ("a", "instagram", "2026-11-24 12:00", "Le bonheur est dans les petites choses, profite. #LumiereEnSelle")
    assert lint(charter, post, code="CC305").findings == ()
    generic = ("a", "instagram", "2026-11-24 12:00", "Le bonheur est dans les petites choses, profite de ta journée.")
    assert lint("", generic, code="CC305").findings == ()


# -- CC307 pillar mix ------------------------------------------------------------------------

def mix(*pillars):
    texts = {"conseils": "Un réglage de phare en deux minutes chrono.", "communaute": "Merci pour la balade de dimanche.",
             "produit": "La nouvelle lampe est arrivée.", None: "Il fait beau aujourd'hui sur Lyon."}
    return [(f"p{i}", "instagram", f"2026-11-{23 + i // 2} {10 + 6 * (i % 2)}:00", texts[p], {"pillar": p} if p else {})
            for i, p in enumerate(pillars)]


def test_cc307_below_min_and_above_max_with_counts_to_fix():
    posts = mix("produit", "produit", "produit", "communaute", "conseils", None)
    report = lint(PILLARS, *posts, code="CC307")
    messages = [(f.message, f.hint) for f in report.findings]
    assert ("pillar 'conseils' has 1 of 6 posts (17%) from Mon 23 Nov to Wed 25 Nov, min 30%",
            "turn 1 other post(s) into 'conseils' posts, or revise its share") in messages
    assert ("pillar 'produit' has 3 of 6 posts (50%) from Mon 23 Nov to Wed 25 Nov, max 30%",
            "move 2 'produit' post(s) to another week or pillar, or revise its share") in messages
    assert all(f.location.post_id is None for f in report.findings)


def test_cc307_infers_undeclared_pillars_from_keywords_and_passes_a_balanced_plan():
    posts = [(pid, ch, at, text, {}) for pid, ch, at, text, _ in
             mix("conseils", "conseils", "communaute", "produit", "communaute", "conseils")]
    assert lint(PILLARS, *posts, code="CC307").findings == ()


def test_cc307_needs_five_posts_and_declared_shares():
    assert lint(PILLARS, *mix("produit", "produit", "produit", "produit"), code="CC307").findings == ()
    no_shares = "positioning: {pillars: [{id: produit, keywords: [lampe]}]}"
    assert lint(no_shares, *mix("produit", "produit", "produit", "produit", "produit"), code="CC307").findings == ()


# -- CC309 identical cross-post --------------------------------------------------------------

TEXT = "Samedi, l'atelier mobile s'installe place Sathonay de 10h à 16h, viens avec ton vélo."


def test_cc309_same_text_on_two_channels_ignoring_hashtags_and_punctuation():
    posts = [("a", "instagram", "2026-11-24 12:00", TEXT + " #velolumiere"),
             ("b", "facebook", "2026-11-25 09:00", TEXT.replace(",", " !"))]
    report = lint("", *posts, code="CC309")
    assert [(f.location.post_id, f.message) for f in report.findings] == [
        ("b", "same text as 'a' on instagram (Tue 24 Nov 12:00)")]


def test_cc309_one_post_on_several_channels():
    rows = yaml.safe_dump({"posts": [{"id": "a", "channels": ["instagram", "linkedin"], "at": "2026-11-24 12:00",
                                      "text": "Our winter survey results are out: one commute in three stops for lack of light."}]})
    report = lint_text("", rows, select=["CC309"], lang="fr")
    assert [f.message for f in report.findings] == ["un même texte pour plusieurs canaux (instagram, linkedin)"]


def test_cc309_silent_on_same_channel_far_apart_and_short_texts():
    posts = [("a", "instagram", "2026-11-10 12:00", TEXT), ("b", "facebook", "2026-11-24 12:00", TEXT),
             ("c", "instagram", "2026-11-25 12:00", TEXT),  # same channel as a: CC205's business
             ("d", "instagram", "2026-11-26 12:00", "Merci à tous !"), ("e", "facebook", "2026-11-26 13:00", "Merci à tous !")]
    assert found(lint("", *posts, code="CC309"), "CC309") == ["c"]  # c repeats b (facebook, 1 day before)


def test_cc309_compares_with_a_post_before_from_and_forgets_copies_older_than_7_days():
    from zoneinfo import ZoneInfo

    from chartercheck.timeutil import parse_cli_datetime
    paris = ZoneInfo("Europe/Paris")
    posts = [("a", "instagram", "2026-11-20 12:00", TEXT),   # context: before --from
             ("b", "facebook", "2026-11-24 12:00", TEXT),    # linted: copies a, 4 days later
             ("c", "linkedin", "2026-12-05 12:00", TEXT),    # 11 days after b: a re-run, not a cross-post
             ("d", "x", "2026-12-06 12:00", TEXT)]           # copies c, 1 day later
    report = lint("", *posts, code="CC309", start=parse_cli_datetime("2026-11-23 00:00", paris))
    assert [(f.location.post_id, f.key) for f in report.findings] == [("b", "a"), ("d", "c")]


# -- CC310 unknown pillar or objective -------------------------------------------------------

def test_cc310_typo_gets_a_suggestion_and_unknown_gets_the_list():
    posts = [("a", "instagram", "2026-11-24 12:00", "Un conseil", {"pillar": "conseil"}),
             ("b", "instagram", "2026-11-25 12:00", "Un conseil", {"objective": "ventes"})]
    report = lint(PILLARS, *posts, code="CC310")
    assert [(f.location.post_id, f.message, f.hint) for f in report.findings] == [
        ("a", "unknown pillar 'conseil'", "did you mean 'conseils'? (known: conseils, communaute, produit)"),
        ("b", "unknown objective 'ventes'",
         "use one of notoriete, relation-client, or declare it under strategy.objectives")]


def test_cc310_known_ids_and_empty_charter_lists_pass():
    posts = [("a", "instagram", "2026-11-24 12:00", "Un conseil", {"pillar": "conseils", "objective": "notoriete"})]
    assert lint(PILLARS, *posts, code="CC310").findings == ()
    assert lint("", ("a", "instagram", "2026-11-24 12:00", "Un conseil", {"pillar": "x", "objective": "y"}),
                code="CC310").findings == ()
