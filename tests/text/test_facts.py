"""analyze(): commercial score, claims, register, date words, compliance."""
import datetime as dt
import pickle

from chartercheck.text import analyze, clear_caches
from chartercheck.text import facts as facts_module

PROMO = ("SOLDES : -40 % sur la collection jusqu'à dimanche ! 59,90 € au lieu de 99 €. "
         "Lien en bio")


def test_commercial_mix_scores_high_and_lists_cues():
    f = analyze(PROMO)
    assert f.commercial_score >= 0.8
    cats = [c for c, _ in f.commercial_cues]
    assert {"offer", "price", "urgency", "link_in_bio"} <= set(cats)
    assert ("urgency", "jusqu'à dimanche") in f.commercial_cues


def test_plain_community_post_scores_zero_product_mention_low():
    assert analyze("Merci à toutes les personnes venues à la balade de dimanche, quelle ambiance !").commercial_score == 0
    soft = analyze("Notre nouveau modèle arrive au printemps, découvrez ses réglages en vidéo.").commercial_score
    assert 0 < soft < 0.5
    assert analyze("MERCI !!! Vous êtes incroyables").commercial_score == 0


def test_english_promo_code_and_shop_link():
    f = analyze("LAST CHANCE!!! 30% off with code WINTER30, ends tonight: https://ex.com/shop?utm_source=ig")
    assert f.promo_codes == ("WINTER30",)
    assert "shop_link" in {c for c, _ in f.commercial_cues}
    assert f.caps_runs == ("LAST CHANCE",) and f.exclamation_runs == 1
    assert f.commercial_score > 0.9
    assert analyze("Le code postal est requis pour la livraison.").promo_codes == ()


def test_extra_cues_and_claims_from_charter():
    f = analyze("Profitez de notre offre flash zéro crevaison", ("offre flash",), ("zéro crevaison",))
    assert ("charter", "offre flash") in f.commercial_cues
    assert "zéro crevaison" in f.claims


def test_claims():
    assert analyze("Résultat garanti, le meilleur vélo du marché").claims == ("garanti", "le meilleur")
    assert analyze("Guaranteed results, risk-free!").claims == ("Guaranteed", "risk-free")
    assert analyze("Une garde-robe pour la saison").claims == ()


def test_register_tu_vous_mixed_and_collective():
    assert analyze("Découvre notre atelier et viens avec ton vélo").register == "tu"
    assert analyze("Découvrez notre atelier et venez avec votre vélo").register == "vous"
    assert analyze("Tu as oublié ton mot de passe ? Cliquez sur le lien reçu.").register == "mixed"
    collective = analyze("Merci à vous tous, vous êtes nombreux ! Viens fêter ça avec ton équipe.")
    assert collective.register == "tu"
    assert analyze("Merci à vous tous pour ces 10 000 abonnés !").register is None
    assert analyze("Rendez-vous samedi au marché pour la balade.").register is None


def test_register_english():
    assert analyze("We are pleased to announce the opening of our new office.").register == "formal"
    assert analyze("Hey guys, we're gonna be at the market this Saturday!").register == "informal"
    assert analyze("Hey guys, kindly note that the office is closed on Monday.").register == "mixed"
    assert analyze("The museum opens late on Friday with live music.").register is None


def test_counts_and_language_fields():
    f = analyze("Bravo 👨‍👩‍👧‍👦🇫🇷 !!! NEW SNCF @lea #velo")
    assert f.emoji_count == 2 and f.exclamation_count == 3
    assert f.caps_runs == ("NEW",)  # SNCF is a known acronym
    assert f.language is None and f.language_confidence is None
    assert f.mentions == ("@lea",) and f.hashtags == ("#velo",)


def test_date_words_and_contradiction():
    words = analyze("Bon lundi ! Ce soir, atelier ouvert. Joyeux Noël").date_words
    kinds = [(w.kind, w.surface) for w in words]
    assert kinds == [("weekday", "Bon lundi"), ("moment", "Ce soir"), ("holiday", "Joyeux Noël")]
    monday_evening = dt.datetime(2026, 12, 21, 18, 0)
    assert not words[0].contradicts(monday_evening)
    assert words[0].contradicts(dt.datetime(2026, 12, 22, 18, 0))
    assert words[1].contradicts(dt.datetime(2026, 12, 21, 23, 30))
    assert words[2].contradicts(monday_evening) and not words[2].contradicts(dt.date(2026, 12, 25))
    assert analyze("Demain samedi, on vous attend").date_words[0].weekday == 4
    assert not analyze("Rendez-vous lundi prochain").date_words[0].strict
    assert analyze("TGIF!").date_words[0].weekday == 4


def test_compliance_facts():
    f = analyze("Notre cuvée 2022, un vin gagnant pour réussir vos soirées. #pub Images retouchées.")
    assert f.alcohol_terms == ("cuvée", "vin") and not f.evin_health_message
    assert ("success", "gagnant") in f.evin_associations
    assert f.influence_weak_disclosures == ("#pub",) and f.influence_disclosures == ()
    assert f.image_declarations == ("Images retouchées",) and not f.image_declaration_needed
    assert analyze("Photo retouchée pour l'occasion").image_declaration_needed
    g = analyze("Emballage éco-responsable, énergie verte et livraison neutre en carbone. Le modèle vert sapin.")
    assert g.green_claims == ("éco-responsable", "énergie verte") and g.carbon_claims == ("neutre en carbone",)
    assert analyze("Collaboration commerciale avec @marque").influence_disclosures == ("Collaboration commerciale",)
    assert analyze("Un rosé de pamplemousse ? Non, un jus !").alcohol_terms == ()
    assert analyze("Vin rouge. L'abus d'alcool est dangereux pour la santé.").evin_health_message


def test_determinism_fresh_cache_and_hashable():
    first = analyze(PROMO)
    clear_caches()
    second = analyze(PROMO)
    assert first is not second and first == second
    assert hash(first) == hash(second)
    assert analyze(PROMO) is second
    assert first.readability == second.readability and first.stems == second.stems


def test_a_proportion_is_not_a_claim_in_either_language():
    # Both languages' claim patterns apply to every post: each must let the
    # other language's proportions pass ("100 % des", "100% of").
    assert analyze("100 % des cyclistes croisés ce matin avaient un éclairage").claims == ()
    assert analyze("Chez nous, 100 % du stock est révisé avant de partir").claims == ()
    assert analyze("100% of our beans come from three farms we visited").claims == ()
    assert analyze("Un vélo 100 % fiable, testé sous la pluie").claims == ("100 %",)
    assert analyze("100% delicious, every single time").claims == ("100%",)


def test_register_markers_are_quoted_as_written():
    f = analyze("N’hésitez pas à passer, et viens avec ton vélo.")
    assert f.register == "mixed"
    assert f.register_markers == ("viens", "ton", "hésitez")
    assert analyze("Réserve-la vite, elle part vite !").register_markers == ("Réserve-la",)
    english = analyze("We’re here, you’re welcome, it’s fine, don’t worry")
    assert english.register == "informal" and english.register_markers[0] == "We’re"


def test_short_window_urgency_in_every_word_order():
    for text in ("Cette semaine seulement : la révision complète de ton vélo.",
                 "Seulement cette semaine, la révision complète.",
                 "Uniquement ce soir, l'atelier reste ouvert.",
                 "Ce mois-ci uniquement, les antivols sont révisés.",
                 "This week only: free tune-ups at the workshop."):
        assert "urgency" in analyze(text).commercial_categories, text
    assert "urgency" not in analyze("Cette semaine, on vous raconte l'atelier.").commercial_categories


def test_lazy_facts_are_computed_on_first_access_and_kept_on_the_instance():
    facts_module.clear_caches()
    a = facts_module.analyze("Découvrez nos vélos ce samedi, livraison offerte en magasin !")
    assert "stems" not in a.__dict__ and "date_words" not in a.__dict__
    stems = a.stems
    assert a.__dict__["stems"] is stems and a.stems is stems
    assert [w.weekday for w in a.date_words] == [5]
    assert facts_module.TextFacts.stems.__doc__.startswith("Snowball stems")
    assert pickle.loads(pickle.dumps(a.complete())).__dict__ == a.__dict__
