"""CC301, CC302, CC303, CC306, CC308, CC311: fires, does not fire, edges, French and English."""
import yaml

from chartercheck.testing import calendar_yaml as calendar, found, lint_posts as lint, lint_text  # noqa: F401


# -- CC301 language --------------------------------------------------------------------------

FR = "Avant de partir ce soir, vérifie que ton phare éclaire bien la route devant toi."
EN = "Before you leave tonight, check that your headlight lights up the road in front of you."
CHANNELS = "brand: {languages: [fr]}\nchannels: {instagram: {platform: instagram}, linkedin: {platform: linkedin, languages: [fr, en]}}"


def test_cc301_english_on_a_french_channel_names_both_languages():
    report = lint(CHANNELS, ("a", "instagram", "2026-11-24 12:00", EN), code="CC301")
    (finding,) = report.findings
    assert finding.message.startswith("text is in English (en) (confidence 0.")
    assert finding.message.endswith("; instagram allows French (fr)")
    fr = lint(CHANNELS, ("a", "instagram", "2026-11-24 12:00", EN), code="CC301", lang="fr")
    assert "le texte est en anglais (en)" in fr.findings[0].message and "français (fr)" in fr.findings[0].message


def test_cc301_channel_languages_override_the_brand_and_french_passes():
    posts = [("a", "linkedin", "2026-11-24 09:00", EN), ("b", "instagram", "2026-11-24 12:00", FR)]
    assert found(lint(CHANNELS, *posts, code="CC301"), "CC301") == []


def test_cc301_too_short_texts_hashtags_and_no_languages_are_not_judged():
    posts = [("a", "instagram", "2026-11-24 12:00", "Thanks a lot! 🚲 #bikelife @velolumiere"),
             ("b", "instagram", "2026-11-25 12:00", "Good night riders")]
    assert found(lint(CHANNELS, *posts, code="CC301"), "CC301") == []
    assert found(lint("", ("a", "instagram", "2026-11-24 12:00", EN), code="CC301"), "CC301") == []


def test_cc301_language_codes_are_read_loosely_and_each_channel_is_checked():
    charter = "channels: {instagram: {platform: instagram, languages: [FR-fr]}, facebook: {platform: facebook, languages: [en_GB]}}"
    post = yaml.safe_dump({"posts": [{"id": "a", "channels": ["instagram", "facebook"], "at": "2026-11-24 12:00",
                                      "text": EN}]})
    report = lint_text(charter, post, select=["CC301"])
    assert [(f.location.post_id, f.location.channel) for f in report.findings] == [("a", "instagram")]


# -- CC302 register --------------------------------------------------------------------------

def test_cc302_vous_in_a_tu_brand_and_tu_in_a_vous_brand():
    vous = ("a", "instagram", "2026-11-24 12:00", "Pensez à vérifier votre éclairage avant de partir.")
    tu = ("b", "instagram", "2026-11-24 15:00", "Pense à vérifier ton éclairage avant de partir.")
    assert found(lint("positioning: {register: tu}", vous, tu, code="CC302"), "CC302") == ["a"]
    report = lint("positioning: {register: vous}", vous, tu, code="CC302")
    assert found(report, "CC302") == ["b"]
    assert "'tu' register" in report.findings[0].message and "'ton'" in report.findings[0].message


def test_cc302_mixed_register_and_collective_vous():
    mixed = ("a", "instagram", "2026-11-24 12:00", "Merci pour ta photo ! N'hésitez pas à partager vos sorties.")
    crowd = ("b", "instagram", "2026-11-24 15:00", "Merci à vous tous pour la balade, et pense à ton gilet la prochaine fois.")
    report = lint("positioning: {register: tu}", mixed, crowd, code="CC302")
    assert found(report, "CC302") == ["a"]
    assert report.findings[0].message.startswith("mixes registers in one post")
    fr = lint("positioning: {register: tu}", mixed, code="CC302", lang="fr")
    assert fr.findings[0].message.startswith("mélange les registres")


def test_cc302_english_formal_markers_in_an_informal_brand():
    formal = ("a", "linkedin", "2026-11-24 09:00",
              "We are pleased to inform you that our workshop will kindly welcome your bicycles on Saturday.")
    casual = ("b", "linkedin", "2026-11-24 12:00", "Hey guys, we're gonna ride tonight, it's gonna be awesome.")
    assert found(lint("positioning: {register: informal}", formal, casual, code="CC302"), "CC302") == ["a"]
    assert found(lint("positioning: {register: formal}", formal, casual, code="CC302"), "CC302") == ["b"]


def test_cc302_silent_without_register_and_any_only_flags_mixed():
    mixed = ("a", "instagram", "2026-11-24 12:00", "Merci pour ta photo ! N'hésitez pas à partager vos sorties.")
    vous = ("b", "instagram", "2026-11-24 15:00", "Pensez à vérifier votre éclairage avant de partir.")
    assert lint("", mixed, vous, code="CC302").findings == ()
    assert found(lint("positioning: {register: any}", mixed, vous, code="CC302"), "CC302") == ["a"]


# -- CC303 vocabulary ------------------------------------------------------------------------

VOCAB = ("positioning: {vocabulary: {reject: [{term: consommateur, use: cycliste}, {term: low-cost}], "
         "competitors: [Decathlon, Rapha]}}")


def test_cc303_rejected_word_with_its_replacement_plural_and_accents():
    report = lint(VOCAB, ("a", "facebook", "2026-11-24 12:00", "Nos CONSOMMATEURS adorent la Lumen 2."), code="CC303")
    (finding,) = report.findings
    assert finding.message == "uses 'CONSOMMATEURS', a word the charter rejects"
    assert finding.hint == "say 'cycliste' instead of 'consommateur'"
    report = lint(VOCAB, ("a", "facebook", "2026-11-24 12:00", "Une lampe low cost ne tient pas l'hiver."), code="CC303")
    assert report.findings[0].hint == "reword without 'low-cost' (positioning.vocabulary.reject)"


def test_cc303_competitor_in_text_hashtag_or_mention():
    posts = [("a", "facebook", "2026-11-24 12:00", "Ton vélo vient de chez Décathlon ? On le répare."),
             ("b", "instagram", "2026-11-24 15:00", "Belle sortie avec les copains de #rapha ce matin."),
             ("c", "instagram", "2026-11-25 15:00", "Tu as des questions ? Écris-nous en message privé.")]
    report = lint(VOCAB, *posts, code="CC303", lang="fr")
    assert found(report, "CC303") == ["a", "b"]
    assert report.findings[0].message == "cite le concurrent « Décathlon »"


def test_cc303_word_bounded_and_silent_without_vocabulary():
    post = ("a", "facebook", "2026-11-24 12:00", "La consommation d'énergie de la Lumen 2 est minime ; Raphaël l'a mesurée.")
    assert lint(VOCAB, post, code="CC303").findings == ()
    assert lint("", ("a", "facebook", "2026-11-24 12:00", "Le consommateur est roi."), code="CC303").findings == ()


# -- CC306 readability -----------------------------------------------------------------------

HARD_FR = ("L'optimisation méthodologique des infrastructures cyclables intercommunales nécessite une concertation "
           "pluridisciplinaire systématiquement institutionnalisée entre collectivités territoriales et opérateurs économiques.")
HARD_EN = ("The institutionalisation of comprehensive multimodal infrastructural considerations necessitates "
           "interdisciplinary organisational commitments regarding occupational transportation methodologies.")
EASY_FR = "Le vélotaf progresse en ville. Pour garder le rythme l'hiver, il faut un bon phare et un local sûr."


def test_cc306_hard_texts_in_both_languages():
    report = lint("positioning: {readability: {min: 40}}", ("a", "linkedin", "2026-11-24 09:00", HARD_FR),
                  ("b", "linkedin", "2026-11-25 09:00", HARD_EN), code="CC306")
    assert found(report, "CC306") == ["a", "b"]
    assert report.findings[0].message.startswith("hard to read: reading ease -")


def test_cc306_plain_text_passes_short_text_is_not_judged_and_max_bound():
    assert lint("positioning: {readability: {min: 40}}", ("a", "linkedin", "2026-11-24 09:00", EASY_FR),
                code="CC306").findings == ()
    assert lint("positioning: {readability: {min: 90}}", ("a", "linkedin", "2026-11-24 09:00", "Ceci est une réorganisation."),
                code="CC306").findings == ()
    report = lint("positioning: {readability: {max: 50}}", ("a", "linkedin", "2026-11-24 09:00", EASY_FR), code="CC306")
    assert report.findings[0].message.endswith("simpler than the positioning")
    assert lint("", ("a", "linkedin", "2026-11-24 09:00", HARD_FR), code="CC306").findings == ()


# -- CC308 emoji and exclamation marks --------------------------------------------------------

def test_cc308_emoji_counted_as_graphemes_and_exclamations():
    charter = "positioning: {emoji: {max_per_post: 2}, exclamation: {max_per_post: 1}}"
    family = ("a", "instagram", "2026-11-24 12:00", "La famille 👨‍👩‍👧‍👦 part en balade 🇫🇷 ce matin.")
    loud = ("b", "instagram", "2026-11-25 12:00", "Sortie de nuit 🌙 🚲 ☕ ! On t'attend ! Vraiment !")
    report = lint(charter, family, loud, code="CC308")
    assert [(f.location.post_id, f.message) for f in report.findings] == [
        ("b", "3 emoji, the positioning allows 2"), ("b", "3 exclamation marks, the positioning allows 1")]


def test_cc308_zero_forbids_emoji_and_no_setting_is_silent():
    post = ("a", "linkedin", "2026-11-24 09:00", "Merci pour vos retours 🙏")
    assert found(lint("positioning: {emoji: {max_per_post: 0}}", post, code="CC308"), "CC308") == ["a"]
    assert lint("", post, code="CC308").findings == ()


# -- CC311 date words ------------------------------------------------------------------------

def test_cc311_weekday_greeting_on_the_wrong_day_in_both_languages():
    posts = [("a", "instagram", "2026-11-26 09:00", "Bon lundi à tous, on roule !"),
             ("b", "linkedin", "2026-11-24 09:00", "Happy Friday everyone, enjoy the ride home.")]
    report = lint("", *posts, code="CC311")
    assert found(report, "CC311") == ["b", "a"]
    first = next(f for f in report.findings if f.location.post_id == "a")
    assert first.message == "says 'Bon lundi' but goes out on a Thursday (Thu 26 Nov 09:00)"
    assert first.hint == "move it to Mon 23 Nov 09:00, or change the words"


def test_cc311_moment_and_holiday():
    posts = [("a", "instagram", "2026-11-24 01:30", "Bonne soirée à toutes et à tous, et roulez éclairés."),
             ("b", "instagram", "2026-11-10 12:00", "Joyeux Noël à toute la communauté !")]
    report = lint("", *posts, code="CC311", lang="fr")
    messages = {f.location.post_id: f.message for f in report.findings}
    assert set(messages) == {"a", "b"}
    assert messages["a"] == "dit « Bonne soirée » mais part le mar. 24 nov. 01:30"
    assert "hors de la période du jeu. 24 déc. au sam. 26 déc." in messages["b"]


def test_cc311_morning_words_at_night():
    posts = [("a", "instagram", "2026-11-24 23:30", "Ce matin on a réglé trente vélos à l'atelier mobile."),
             ("b", "instagram", "2026-11-24 09:00", "Ce soir, sortie de nuit au départ de Bellecour.")]
    report = lint("", *posts, code="CC311")
    assert found(report, "CC311") == ["a"]
    assert report.findings[0].hint == "publish between 05:00 and 14:00, or change the words"


def test_cc311_right_day_bare_weekday_and_forward_reference_pass():
    posts = [("a", "instagram", "2026-11-23 09:00", "Bon lundi à tous, on roule !"),
             ("b", "instagram", "2026-11-26 09:00", "Rendez-vous lundi pour la sortie de nuit."),
             ("c", "linkedin", "2026-11-24 09:00", "See you this Friday for the night ride."),
             ("d", "instagram", "2026-12-24 18:00", "Joyeux Noël à toute la communauté !")]
    assert lint("", *posts, code="CC311").findings == ()
