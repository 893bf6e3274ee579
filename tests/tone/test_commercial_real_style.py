"""CC201 on the way real brands write: sentences written for these tests in the style of
real posts (one decisive device, care replies, statistics, cheers), not taken from any corpus."""
import pytest

from chartercheck.testing import found, lint_posts as lint
from chartercheck.text import analyze
from chartercheck.text import commercial, lexicons

THRESHOLD = 0.6

ONE_DEVICE_SELLERS = [
    "Pre-orders are open for the Lumen 3, link below.",
    "Tickets on sale now for the winter night ride.",
    "Book your table for Friday's tasting menu.",
    "Espresso 2.50 / Latte 3.90 / Flat white 3.50 - order at the counter or in the app.",
    "Précommandes ouvertes : la Lumen 3 arrive en mars.",
    "Billetterie ouverte pour la nuit du vélo, pass 2 jours à 30 €.",
    "Réservez votre essai en magasin dès samedi.",
    "Schedule a test drive at your nearest store.",
    "£5 off every front light this week.",
    "20 € de remise sur les casques jusqu'à dimanche.",
    "Get yours at shop.example.com before they're gone.",
]

NOT_SELLING = [
    # statistics and news
    "65 % of passengers now buy their ticket on a smartphone.",
    "Global ad spending passed $1T last year, according to the survey.",
    "Electric buses could cut the region's hospital bills by £40 million a year, a study says.",
    "We raised $12,000 for the children's hospital: thank you to every rider!",
    "Our foundation awards a $5,000 grant to one young illustrator every year.",
    # customer care and service information
    "Hi Sam, the repair is free of charge under warranty: DM us your order number and we'll sort it.",
    "Bonjour, la réparation est gratuite sous garantie, passez à l'atelier quand vous voulez.",
    "Trafic perturbé sur la ligne 4 jusqu'au terminus : profitez-en pour tester le bus 38.",
    "Our store team checks ID at the till: we can't make sales to under-18s.",
    # ambiguous single words
    "Save the planet: ride to work this week.",
    "Join our free webinar on night-riding safety next Tuesday.",
    "Premier prix du concours photo : bravo à Léa pour son cliché du canal !",
    "Our head of design, Jane Price, explains the new frame.",
    "We'd like to help: which model do you ride?",
    # a sale named as a topic, with nothing to buy
    "Pendant que d'autres courent après les soldes, on part en balade. Rendez-vous demain 9 h.",
    "While everyone else chases Black Friday discounts, we're going for a ride.",
    # a free contest promotes, it does not sell
    "Giveaway! Win a winter kit: follow us and tag a friend to enter.",
    "Concours : à gagner, un casque Lumen. Pour participer, abonne-toi et identifie un ami.",
]


@pytest.mark.parametrize("text", ONE_DEVICE_SELLERS)
def test_one_decisive_device_is_enough(text):
    facts = analyze(text)
    assert facts.commercial_score > THRESHOLD, (facts.commercial_score, facts.commercial_cues)


@pytest.mark.parametrize("text", NOT_SELLING)
def test_statistics_care_replies_and_lone_ambiguous_words_do_not_sell(text):
    facts = analyze(text)
    assert facts.commercial_score <= THRESHOLD, (facts.commercial_score, facts.commercial_cues)


@pytest.mark.parametrize("text", ["Giveaway: buy any light this week and win a winter kit!",
                                  "Concours : pour tout achat d'une lampe, tente de gagner un casque."])
def test_a_contest_that_requires_a_purchase_sells(text):
    facts = analyze(text)
    assert {"giveaway", "imperative"} <= facts.commercial_categories
    assert facts.commercial_score > THRESHOLD


@pytest.mark.parametrize("text, surface", [
    ("CHF 49 la lampe arrière.", "CHF 49"),
    ("USD 20 per seat.", "USD 20"),
    ("Only 49.99 USD.", "49.99 USD"),
    ("Forfait à 3000F, valable 30 jours.", "3000F"),
    ("Model S now starts at $79k.", "$79k"),
])
def test_money_is_recognised_in_any_currency(text, surface):
    assert ("price", surface) in analyze(text).commercial_cues


def test_a_weak_word_counts_only_in_a_selling_context():
    assert analyze("The webinar is free.").commercial_cues == ()
    cues = analyze("Free shipping and a free bottle with every order at shop.example.com").commercial_categories
    assert "offer" in cues


def test_acronyms_currency_codes_and_the_brands_own_names_do_not_shout():
    names = ("Vélo Lumière", "Lumen")
    facts = analyze("VELO LUMIERE and LUMEN light the RATP night: CHF 49 at the NASA fair.", own_names=names)
    assert facts.caps_runs == ()
    assert analyze("LAST CHANCE to ride with us", own_names=names).caps_runs == ("LAST CHANCE",)


def test_the_charters_own_names_keep_cc201_quiet_on_a_soft_post():
    post = ("a", "instagram", "2026-11-24 12:00", "Découvrez la LUMEN PRO au salon de Lyon.")
    assert found(lint("", post, code="CC201"), "CC201") == ["a"]  # "LUMEN PRO" shouts next to a cue
    charter = "brand: {name: Vélo Lumière, products: [Lumen Pro]}"
    assert found(lint(charter, post, code="CC201"), "CC201") == []


def test_the_message_lists_cues_by_contribution():
    post = ("a", "instagram", "2026-11-24 12:00", "Découvrez la nouvelle lampe : précommandez-la dès aujourd'hui !")
    (finding,) = lint("", post, code="CC201").findings
    cues = finding.message.split(": ", 1)[1]
    assert cues.index("précommandez") < cues.index("Découvrez")


def test_the_fitted_model_weighs_every_family_and_keeps_the_definitions_bounds():
    bias, weights = commercial.model()
    families = {c.name for c in lexicons.commercial_categories()}
    assert set(weights) == families | {commercial.SHOUTING}
    for family in ("offer", "imperative", "order", "booking", "ticketing", "promo_code"):
        assert commercial.score(frozenset({family}), False) > THRESHOLD, family
    for family in ("giveaway", "participation", "soft_cta"):
        assert 0 < commercial.score(frozenset({family}), False) <= THRESHOLD, family
    assert commercial.score(frozenset({commercial.CHARTER}), False) == 0.5
    assert commercial.score(frozenset(), True) == 0.0


@pytest.mark.parametrize("text, register", [
    ("Marc Dupont, président de la fédération, va ouvrir la saison samedi.", None),
    ("Notre cheffe, Léa Martin, prépare le menu de Noël.", None),
    ("Léa, Marc, viens vite voir la vitrine !", "tu"),
    ("Où va-t-on rouler cet été ? Au bord du lac.", None),
    ("Que dit-on aux enfants avant la première sortie ?", None),
    ("Allez les Bleus ! Rendez-vous au stade ce soir.", None),
    ("Allez, on y croit jusqu'au bout !", None),
    ("Allez voir la nouvelle vitrine, elle vous attend.", "vous"),
    ("Ce week-end, viens découvrir la collection au stand.", "tu"),
])
def test_french_register_on_real_style_sentences(text, register):
    assert analyze(text).register == register


def test_a_one_device_seller_is_told_to_add_a_reason_to_read_it():
    (single,) = lint("", ("a", "instagram", "2026-11-24 12:00", "Pre-orders are open for the Lumen 3."),
                     code="CC201").findings
    assert single.hint.startswith("it only sells")
    stacked = ("a", "instagram", "2026-11-24 12:00", "Pre-orders are open: 20% off with code EARLY20, today only!")
    (finding,) = lint("", stacked, code="CC201").findings
    assert finding.hint.startswith("keep one call to action")
