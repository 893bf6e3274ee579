"""Generate realistic content calendars of any size, in YAML, CSV and iCalendar.

Posts are spread over a year on several channels at plausible hours, with
unique French and English texts assembled from varied openings, bodies and
closings (plus a per-post detail so no two texts are identical), some
commercial, some community, some tips. Deterministic for a given seed.

    python benchmarks/generate.py --posts 10000 --out benchmarks/out
"""
from __future__ import annotations

import argparse
import os
import random
from datetime import datetime, timedelta

CHANNELS = ("instagram", "facebook", "linkedin", "x", "tiktok", "bluesky")
PILLARS = ("conseils", "communaute", "produit")

FR_OPENINGS = (
    "Les jours raccourcissent", "Question reçue cette semaine", "Dans les coulisses de l'atelier",
    "Petit rappel avant le week-end", "Merci à toutes celles et ceux venus samedi",
    "On vous l'avait promis", "Astuce du jour", "Nouveau à la boutique de Lyon",
    "Ce matin à l'atelier", "Vous êtes nombreux à nous le demander",
)
FR_BODIES = (
    "vérifie ton éclairage avant de partir : un phare bien réglé éclaire la route sans éblouir",
    "une goutte de lubrifiant sur chaque maillon suffit à faire taire une chaîne qui grince",
    "nos mécaniciens ont réglé plus de trente vélos pendant la tournée de l'atelier mobile",
    "la lumière fixe aide les autres à estimer ta distance, le clignotant attire l'œil",
    "gonfle tes pneus un peu moins en hiver pour mieux accrocher sur le mouillé",
    "profitez de -20 % sur la collection hiver jusqu'à dimanche avec le code HIVER20",
    "la balade du mois part de la gare Part-Dieu et longe le Rhône sur quinze kilomètres",
    "chaque Lumen 2 passe trois heures sous une pluie artificielle avant de partir",
    "un gilet réfléchissant et deux lumières, c'est le duo gagnant des trajets de nuit",
    "l'équipe a testé douze itinéraires de vélotaf pour te proposer les plus sûrs",
)
FR_CLOSINGS = (
    "Tes questions en commentaire, on répond à tout.", "Rendez-vous samedi pour la prochaine sortie.",
    "Lien en bio pour en savoir plus.", "Partage ta photo avec #velolumiere.",
    "Et toi, comment tu t'organises ?", "Bonne route et à très vite.",
)
EN_OPENINGS = (
    "Quick tip for the week", "Behind the scenes at the roastery", "Thanks to everyone who came by",
    "You asked, we answered", "Fresh from the workshop", "Heads up, neighbours",
)
EN_BODIES = (
    "grind your beans right before brewing and the cup tastes brighter for it",
    "our team tasted eleven single origins to pick the one for this winter's blend",
    "the cold brew kit is back in stock with 15% off until Sunday using code BREW15",
    "the community cupping session gathered forty people around six different roasts",
    "a clean burr grinder makes a bigger difference than an expensive machine",
    "we visited the farm that grows our Harbour Blend beans and met the pickers",
)
EN_CLOSINGS = (
    "Tell us how you brew yours in the comments.", "See you at the cafe this weekend.",
    "Link in bio for the details.", "Tag us with #northwindcoffee.",
)
HOURS = (8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)


def make_text(rng: random.Random, index: int) -> tuple[str, str]:
    """A unique, realistic post text and its language."""
    if rng.random() < 0.65:
        text = f"{rng.choice(FR_OPENINGS)} : {rng.choice(FR_BODIES)}. {rng.choice(FR_CLOSINGS)}"
        detail = f" (Édition n°{index})" if rng.random() < 0.5 else f" #{rng.choice(PILLARS)}{index}"
        return text + detail, "fr"
    text = f"{rng.choice(EN_OPENINGS)}: {rng.choice(EN_BODIES)}. {rng.choice(EN_CLOSINGS)}"
    return text + f" (No. {index})", "en"


def generate(count: int, seed: int = 48):
    """Yield post dicts spread over a year starting Monday 4 Jan 2027."""
    rng = random.Random(seed)
    start = datetime(2027, 1, 4)
    per_day = max(1, count // 365 + 1)
    for index in range(count):
        day = start + timedelta(days=index // per_day)
        at = day.replace(hour=rng.choice(HOURS), minute=rng.choice((0, 15, 30, 45)))
        text, lang = make_text(rng, index)
        yield {
            "id": f"p{index:06d}", "channel": rng.choice(CHANNELS), "at": at.strftime("%Y-%m-%d %H:%M"),
            "text": text, "pillar": rng.choice(PILLARS), "author": rng.choice(("lea", "marc", "tom")),
            "status": rng.choice(("draft", "review", "approved", "scheduled")), "lang": lang,
        }


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_yaml(posts, path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("calendar: {timezone: Europe/Paris}\nposts:\n")
        for p in posts:
            out.write(f"  - id: {p['id']}\n    channel: {p['channel']}\n    at: {p['at']}\n"
                      f"    pillar: {p['pillar']}\n    author: {p['author']}\n    status: {p['status']}\n"
                      f"    text: {_yaml_quote(p['text'])}\n")


def write_csv(posts, path: str) -> None:
    import csv
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "channel", "at", "text", "pillar", "author", "status"])
        for p in posts:
            writer.writerow([p["id"], p["channel"], p["at"], p["text"], p["pillar"], p["author"], p["status"]])


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def write_ics(posts, path: str) -> None:
    """The calendar as an export would write it, with the same facts as the YAML and CSV files: the
    author as ORGANIZER, status and pillar in chartercheck's own properties (without them, every post
    would lack its author and approval state, and the ICS run would judge other findings)."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//chartercheck//benchmark//EN\r\n")
        for p in posts:
            stamp = p["at"].replace("-", "").replace(" ", "T").replace(":", "") + "00"
            out.write("BEGIN:VEVENT\r\n"
                      f"UID:{p['id']}@bench.example\r\nDTSTAMP:20261101T000000Z\r\n"
                      f"DTSTART;TZID=Europe/Paris:{stamp}\r\n"
                      f"CATEGORIES:{p['channel']}\r\nORGANIZER:mailto:{p['author']}\r\n"
                      f"X-CHARTERCHECK-STATUS:{p['status']}\r\nX-CHARTERCHECK-PILLAR:{p['pillar']}\r\n"
                      f"SUMMARY:{_ics_escape(p['text'][:40])}\r\n"
                      f"DESCRIPTION:{_ics_escape(p['text'])}\r\nEND:VEVENT\r\n")
        out.write("END:VCALENDAR\r\n")


WRITERS = {"yaml": write_yaml, "csv": write_csv, "ics": write_ics}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "out"))
    parser.add_argument("--formats", default="yaml,csv,ics")
    parser.add_argument("--seed", type=int, default=48)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    posts = list(generate(args.posts, args.seed))
    for fmt in args.formats.split(","):
        path = os.path.join(args.out, f"calendar-{args.posts}.{fmt}")
        WRITERS[fmt](posts, path)
        print(path)


if __name__ == "__main__":
    main()
