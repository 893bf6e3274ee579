"""CSV as people export it: French and English column names, Excel's UTF-16 "Unicode text"."""
from __future__ import annotations

import pytest

from chartercheck.errors import CalendarError
from chartercheck.readers.csv_dialects import fold

from .helpers import read

FRENCH = ("Identifiant;Réseau;Date de publication;Texte;Statut;Auteur\n"
          "ig1;Instagram;24/11/2026 12:00;Un conseil vélo, pour l'hiver;Programmé;lea\n"
          "fb1;Facebook;25/11/2026 18:30;Merci à toutes et tous;Publié;marc\n")


def test_a_french_export_is_read():
    result = read(FRENCH, "csv")
    assert [p.id for p in result.posts] == ["ig1", "fb1"]
    first = result.posts[0]
    assert first.channels == ("instagram",) and first.text == "Un conseil vélo, pour l'hiver"
    assert first.status == "scheduled" and first.author == "lea"
    assert first.at.isoformat() == "2026-11-24T11:00:00+00:00"
    assert result.posts[1].status == "published"
    assert not result.problems


@pytest.mark.parametrize("header", [
    "Date;Heure;Canal;Contenu;Pilier;Objectif;Validé par;Validé le",
    "Post ID,Network,Publish date,Copy,State,Owner",
    "N°;Réseaux sociaux;Date et heure;Légende;État;Rédactrice;Sponsorisé;Lien",
])
def test_usual_variants_of_every_column(header):
    delimiter = ";" if ";" in header else ","
    columns = header.split(delimiter)
    values = {"date": "24/11/2026", "heure": "12:00", "canal": "Instagram", "contenu": "Un texte",
              "pilier": "conseils", "objectif": "notoriete", "valide_par": "marc", "valide_le": "20/11/2026 10:00",
              "post_id": "a1", "network": "instagram", "publish_date": "24/11/2026 12:00", "copy": "A text",
              "state": "review", "owner": "lea", "n": "7", "reseaux_sociaux": "Instagram|Facebook",
              "date_et_heure": "24/11/2026 12:00", "legende": "Un texte", "etat": "En relecture",
              "redactrice": "lea", "sponsorise": "oui", "lien": "https://example.org"}
    row = delimiter.join(values[fold(c)] for c in columns)
    result = read(f"{header}\n{row}\n", "csv")
    assert not [p for p in result.problems if p.code == "CC916"], result.problems
    [post] = result.posts
    assert post.at.isoformat() == "2026-11-24T11:00:00+00:00"
    assert post.channels and post.text


def test_column_names_are_folded_for_accents_case_and_punctuation():
    assert fold("Date de publication") == "date_de_publication"
    assert fold(" Réseau ") == "reseau"
    assert fold("Date d’approbation") == "date_d_approbation"
    assert fold("\ufeffPosting Time") == "posting_time"


def test_excel_unicode_text_is_read():
    data = FRENCH.replace(";", "\t").replace("\n", "\r\n").encode("utf-16")
    result = read(data, "csv", path="export.txt")
    assert [p.id for p in result.posts] == ["ig1", "fb1"]
    assert result.posts[0].text == "Un conseil vélo, pour l'hiver"
    assert [p.source.line for p in result.posts] == [2, 3]


def test_utf16_without_a_byte_order_mark_says_how_to_save_as_utf8():
    data = FRENCH.replace(";", "\t").encode("utf-16-le")
    with pytest.raises(CalendarError) as caught:
        read(data, "csv")
    problem = caught.value.problems[0]
    assert "UTF-16" in problem.message and "CSV UTF-8" in problem.hint
    assert "\\x" not in str(problem)  # no garbled dump of the header
    assert "sans son indicateur" in problem.render("fr")


def test_the_missing_time_column_hint_names_the_french_columns():
    with pytest.raises(CalendarError) as caught:
        read("Identifiant;Texte\na;b\n", "csv")
    assert "Date de publication" in caught.value.problems[0].hint
