"""CC501-CC505: fires, does not fire, and the edges of each platform's counting."""
import yaml

from chartercheck.testing import lint_text

CHANNELS = {
    "x": {"platform": "x"}, "bluesky": {"platform": "bluesky"}, "facebook": {"platform": "facebook"},
    "instagram": {"platform": "instagram"}, "tiktok": {"platform": "tiktok"},
    "youtube": {"platform": "youtube"}, "mastodon": {"platform": "mastodon"},
    "blog": {"platform": "blog"},
}


def lint(posts, select, channels=None, lang=None, **charter):
    charter_yaml = yaml.safe_dump({"channels": channels or CHANNELS, **charter}, allow_unicode=True)
    calendar = {"posts": [{"at": f"2026-11-{24 + i // 10} {9 + i % 10:02d}:00", **p} for i, p in enumerate(posts)]}
    options = {"lang": lang} if lang else {}
    return lint_text(charter_yaml, yaml.safe_dump(calendar, allow_unicode=True), select=select, **options)


def found(report, code=None):
    return [(f.code, f.location.post_id, f.location.channel) for f in report.findings
            if code is None or f.code == code]


# -- CC501 ---------------------------------------------------------------------------
def test_x_fires_once_urls_and_emoji_are_weighted_though_under_280_code_points():
    text = "🍷" * 10 + " " + "a" * 230 + " https://dc.fr/v"   # 257 code points, 10*2+1+230+1+23 = 275
    assert found(lint([{"id": "a", "channel": "x", "text": text}], ["CC501"])) == []
    text = "🍷" * 10 + " " + "a" * 236 + " https://dc.fr/v"   # 263 code points, weighted 281
    report = lint([{"id": "a", "channel": "x", "text": text}], ["CC501"])
    assert len(text) < 280
    assert found(report) == [("CC501", "a", "x")]
    assert report.findings[0].message == ("281 weighted characters on x, 1 over 280: the URL counts 23, "
                                          "10 emoji or non-Latin characters count 2 each")
    assert report.findings[0].location.field == "text"


def test_x_exactly_280_passes_and_281_fires():
    assert found(lint([{"id": "a", "channel": "x", "text": "a" * 280}], ["CC501"])) == []
    report = lint([{"id": "a", "channel": "x", "text": "a" * 274 + " la fin"}], ["CC501"])
    assert found(report) == [("CC501", "a", "x")]
    assert report.findings[0].hint == 'cut at least 1: the text no longer fits from "fin"'


def test_a_long_url_only_looks_long_on_x():
    text = "Notre carnet : https://www.domainedescoteaux.fr/" + "journal-" * 40
    assert len(text) > 280
    assert found(lint([{"id": "a", "channel": "x", "text": text}], ["CC501"])) == []


def test_two_urls_are_named_in_the_message():
    text = "a" * 240 + " https://dc.fr/a https://dc.fr/b"
    report = lint([{"id": "a", "channel": "x", "text": text}], ["CC501"])
    assert report.findings[0].message.endswith("the 2 URLs count 23 each")


def test_bluesky_counts_graphemes_not_code_points():
    fits = "👨‍👩‍👧‍👦" * 10 + "a" * 290                 # 360 code points, 300 graphemes
    assert found(lint([{"id": "a", "channel": "bluesky", "text": fits}], ["CC501"])) == []
    report = lint([{"id": "a", "channel": "bluesky", "text": fits + "!"}], ["CC501"])
    assert found(report) == [("CC501", "a", "bluesky")]
    assert report.findings[0].message == "301 characters on bluesky, 1 over the 300 limit"


def test_multi_channel_post_is_judged_on_each_channel():
    text = "a" * 290
    report = lint([{"id": "a", "channels": ["x", "facebook", "bluesky"], "text": text}], ["CC501"])
    assert found(report) == [("CC501", "a", "x")]


def test_charter_max_length_overrides_the_table():
    channels = {"facebook": {"platform": "facebook", "max_length": 100}}
    report = lint([{"id": "a", "channel": "facebook", "text": "b" * 101}], ["CC501"], channels)
    assert found(report) == [("CC501", "a", "facebook")]


def test_mastodon_counts_urls_23():
    text = "a" * 470 + " https://example.org/" + "p" * 60
    assert found(lint([{"id": "a", "channel": "mastodon", "text": text}], ["CC501"])) == []


def test_youtube_title_has_its_own_limit():
    report = lint([{"id": "v", "channel": "youtube", "media": ["v.mp4"], "title": "T" * 101, "text": "ok"}],
                  ["CC501"])
    assert found(report) == [("CC501", "v", "youtube")]
    assert report.findings[0].location.field == "title"
    assert report.findings[0].message == "title of 101 characters on youtube, 1 over the 100 limit"
    report = lint([{"id": "v", "channel": "youtube", "title": "T" * 100, "text": "ok"}], ["CC501"])
    assert found(report) == []


def test_youtube_description_is_limited_in_bytes():
    report = lint([{"id": "v", "channel": "youtube", "media": ["v.mp4"], "text": "é" * 2501}], ["CC501"])
    assert report.findings[0].message == "5002 bytes (UTF-8) on youtube, 2 over the 5000 limit"
    assert found(lint([{"id": "v", "channel": "youtube", "text": "é" * 2500}], ["CC501"])) == []


def test_platform_without_limits_stays_silent():
    assert found(lint([{"id": "a", "channel": "blog", "text": "x" * 100_000}], ["CC5"])) == []


def test_french_message():
    report = lint([{"id": "a", "channel": "x", "text": "a" * 250 + " https://dc.fr/a https://dc.fr/b"}],
                  ["CC501"], lang="fr")
    assert report.findings[0].message == ("298 caractères pondérés sur x, 18 de trop pour 280 : "
                                          "les 2 URL comptent 23 chacune")


# -- CC502 ---------------------------------------------------------------------------
def test_instagram_allows_five_hashtags():
    five = "Taille #a1 #b2 #c3 #d4 #e5"
    assert found(lint([{"id": "a", "channel": "instagram", "media": ["p.jpg"], "text": five}], ["CC502"])) == []
    report = lint([{"id": "a", "channel": "instagram", "media": ["p.jpg"], "text": five + " #f6 #g7"}], ["CC502"])
    assert found(report) == [("CC502", "a", "instagram")]
    assert report.findings[0].message == "7 hashtags on instagram, max 5"
    assert report.findings[0].hint == "keep the 5 most relevant: drop 2, e.g. #f6 #g7"


def test_mentions_limit_and_charter_hashtag_override():
    mentions = " ".join(f"@ami{i}" for i in range(21))
    report = lint([{"id": "a", "channel": "instagram", "media": ["p.jpg"], "text": mentions}], ["CC502"])
    assert report.findings[0].message == "21 mentions on instagram, max 20"
    channels = {"facebook": {"platform": "facebook", "max_hashtags": 2}}
    report = lint([{"id": "b", "channel": "facebook", "text": "#un #deux #trois"}], ["CC502"], channels)
    assert found(report) == [("CC502", "b", "facebook")]


def test_no_hashtag_limit_on_facebook():
    text = " ".join(f"#tag{i}" for i in range(40))
    assert found(lint([{"id": "a", "channel": "facebook", "text": text}], ["CC502"])) == []


# -- CC503 ---------------------------------------------------------------------------
def test_link_in_instagram_caption_but_not_on_facebook():
    text = "Nos coffrets : https://boutique.domaine.fr/noel"
    report = lint([{"id": "a", "channel": "instagram", "media": ["p.jpg"], "text": text},
                   {"id": "b", "channel": "facebook", "text": text},
                   {"id": "c", "channel": "instagram", "media": ["p.jpg"], "text": "Lien en bio."}], ["CC503"])
    assert found(report) == [("CC503", "a", "instagram")]
    assert "Instagram does not make it clickable" in report.findings[0].message


def test_bare_domain_counts_as_a_link_on_tiktok():
    report = lint([{"id": "a", "channel": "tiktok", "media": ["v.mp4"], "text": "Tout sur domaine.fr/visite"}],
                  ["CC503"])
    assert found(report) == [("CC503", "a", "tiktok")]


# -- CC504 ---------------------------------------------------------------------------
def test_required_tags_ignore_case_and_accept_mentions_and_words():
    channels = {"instagram": {"platform": "instagram",
                              "required_tags": ["#DomaineDesCoteaux", "@ami.caviste", "Coteaux"]}}
    ok = "Chez les Coteaux #domainedescoteaux merci @Ami.Caviste"
    assert found(lint([{"id": "a", "channel": "instagram", "media": ["p"], "text": ok}], ["CC504"], channels)) == []
    report = lint([{"id": "b", "channel": "instagram", "media": ["p"], "text": "#domainedescoteauxbis Coteauxx"}],
                  ["CC504"], channels)
    assert found(report) == [("CC504", "b", "instagram")]
    assert report.findings[0].message == "missing #DomaineDesCoteaux, @ami.caviste, Coteaux, required on instagram"


def test_no_required_tags_no_finding():
    assert found(lint([{"id": "a", "channel": "instagram", "media": ["p"], "text": "rien"}], ["CC504"])) == []


# -- CC505 ---------------------------------------------------------------------------
def test_text_only_is_judged_only_in_files_that_list_media():
    posts = [{"id": "a", "channel": "tiktok", "text": "Texte seul"},
             {"id": "b", "channel": "instagram", "text": "Texte seul"},
             {"id": "c", "channel": "facebook", "text": "Texte seul"}]
    assert found(lint(posts, ["CC505"])) == []      # this calendar does not track media
    posts.append({"id": "d", "channel": "tiktok", "media": ["v.mp4"], "text": "Vidéo"})
    report = lint(posts, ["CC505"])
    assert found(report) == [("CC505", "a", "tiktok"), ("CC505", "b", "instagram")]
    assert report.findings[0].location.field == "media"


def test_instagram_carousel_holds_ten_items_through_the_api():
    ten = [f"p{i}.jpg" for i in range(10)]
    assert found(lint([{"id": "a", "channel": "instagram", "media": ten, "text": "Album"}], ["CC505"])) == []
    report = lint([{"id": "a", "channel": "instagram", "media": ten + ["p10.jpg"], "text": "Album"}], ["CC505"])
    assert found(report) == [("CC505", "a", "instagram")]
    assert report.findings[0].message == "11 media items on instagram, max 10 per post on Instagram"
    assert report.findings[0].hint == "remove 1 item(s), or split the carousel into two posts"


def test_x_takes_four_pictures():
    report = lint([{"id": "a", "channel": "x", "media": ["1", "2", "3", "4", "5"], "text": "Photos"}], ["CC505"])
    assert found(report) == [("CC505", "a", "x")]
