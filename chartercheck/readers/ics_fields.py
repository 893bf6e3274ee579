"""From one VEVENT's properties to the canonical post fields of :mod:`.normalize`.

=============================  =============================================
property                       post field
=============================  =============================================
``X-CHARTERCHECK-ID``          id (else the UID, else ``line-N``)
``X-CHARTERCHECK-CHANNEL``     channel(s), first choice
``CATEGORIES``                 channel(s): the labels naming a channel
``SUMMARY`` prefix             channel(s): ``[IG] ...``, ``Instagram: ...``
``LOCATION``                   channel, when it names one
``SUMMARY``                    title (prefix removed); text if no DESCRIPTION
``DESCRIPTION``                text
``ORGANIZER``                  author (e-mail, else CN)
``STATUS``                     TENTATIVE → review, CONFIRMED → approved,
                               CANCELLED → skipped (CC919)
``X-CHARTERCHECK-STATUS``      any chartercheck status, overrides STATUS
``ATTENDEE;PARTSTAT=ACCEPTED`` an approval by that attendee (e-mail, else CN)
``X-CHARTERCHECK-APPROVAL``    ``by=marc;role=brand_manager;at=2026-11-20T10:00:00+01:00``
``LAST-MODIFIED``              updated_at
``URL``                        link
``ATTACH``, ``X-CHARTERCHECK-MEDIA``   media
``X-CHARTERCHECK-SPONSORED``   sponsored (true/false, oui/non)
``X-CHARTERCHECK-PILLAR``      pillar
``X-CHARTERCHECK-OBJECTIVE``   objective
``X-CHARTERCHECK-IMAGES``      images (``retouched``, ``ai-generated``)
``X-CHARTERCHECK-IGNORE``      ignore (codes or rule names, comma-separated)
=============================  =============================================
"""
from __future__ import annotations

from typing import Optional

from .base import ReadOptions
from .labels import resolve_all, resolve_label, split_prefix
from .ics_zones import safe_dt
from .normalize import EntryReader

_STATUS = {"TENTATIVE": "review", "CONFIRMED": "approved"}


def values(event, name: str) -> list:
    """A property's values as a list (icalendar gives a list only when repeated)."""
    value = event.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def text_of(event, name: str) -> Optional[str]:
    """The text of a property's first value; None when absent or blank."""
    value = event.get(name)
    if value is None:
        return None
    text = str(value[0] if isinstance(value, list) else value)
    return text if text.strip() else None


def is_cancelled(event) -> bool:
    own = text_of(event, "X-CHARTERCHECK-STATUS")
    if own:
        return own.strip().lower() == "cancelled"
    return str(event.get("STATUS") or "").strip().upper() == "CANCELLED"


def categories(event) -> list[str]:
    out: list[str] = []
    for item in values(event, "CATEGORIES"):
        cats = getattr(item, "cats", None)
        if cats is None:
            cats = str(item).split(",")
        out.extend(str(c).strip() for c in cats if str(c).strip())
    return out


def channels(event, options: ReadOptions, prefix_labels: list[str]) -> list[str]:
    """The post's channels, by the precedence documented above."""
    explicit = text_of(event, "X-CHARTERCHECK-CHANNEL")
    if explicit:
        return [explicit]
    labels = categories(event)
    known = resolve_all(labels, options)
    if known:
        return known
    if prefix_labels:
        return [resolve_label(label, options) or label for label in prefix_labels]
    location = text_of(event, "LOCATION")
    if location and resolve_label(location, options):
        return [resolve_label(location, options)]
    return labels   # nothing named a known channel: unknown labels are reported with a suggestion


def person(address) -> Optional[str]:
    """``ORGANIZER;CN=Léa:mailto:lea@x.example`` → ``lea@x.example`` (else the CN)."""
    if address is None:
        return None
    text = str(address).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    if text:
        return text
    params = getattr(address, "params", None) or {}
    name = params.get("CN")
    return str(name).strip() if name else None


def approvals(event, reader: EntryReader, line, post_id) -> list:
    out: list = []
    for attendee in values(event, "ATTENDEE"):
        params = getattr(attendee, "params", None) or {}
        if str(params.get("PARTSTAT", "")).upper() == "ACCEPTED":
            who = person(attendee)
            if who:
                out.append({"by": who})
    for raw in values(event, "X-CHARTERCHECK-APPROVAL"):
        parts = {}
        for piece in str(raw).split(";"):
            key, sep, value = piece.partition("=")
            if sep:
                parts[key.strip().lower()] = value.strip()
        if not parts.get("by"):
            reader.problem("CC917", line, post_id, field="approvals", value=str(raw),
                           field_name="X-CHARTERCHECK-APPROVAL", expected="by=NAME;role=ROLE;at=DATE TIME")
            continue
        out.append(parts)
    return out


def event_fields(event, options: ReadOptions, reader: EntryReader, line, post_id) -> dict:
    """Canonical fields of ``event`` (its time is set by the caller, per occurrence)."""
    summary = text_of(event, "SUMMARY") or ""
    prefix_labels, title = split_prefix(summary, options)
    description = text_of(event, "DESCRIPTION")
    fields: dict = {
        "id": post_id,
        "channels": channels(event, options, prefix_labels),
        "title": title or None,
        "text": description if description is not None else title,
        "pillar": text_of(event, "X-CHARTERCHECK-PILLAR"),
        "objective": text_of(event, "X-CHARTERCHECK-OBJECTIVE"),
        "author": person(event.get("ORGANIZER")),
        "sponsored": text_of(event, "X-CHARTERCHECK-SPONSORED"),
        "images": text_of(event, "X-CHARTERCHECK-IMAGES"),
        "link": text_of(event, "URL"),
        "ignore": ",".join(str(v) for v in values(event, "X-CHARTERCHECK-IGNORE")) or None,
        "approvals": approvals(event, reader, line, post_id),
    }
    media = [str(v) for v in values(event, "ATTACH")]
    for item in values(event, "X-CHARTERCHECK-MEDIA"):
        media.extend(EntryReader.str_list(str(item)))
    fields["media"] = media
    status = text_of(event, "X-CHARTERCHECK-STATUS")
    if status is None:
        status = _STATUS.get(str(event.get("STATUS") or "").strip().upper())
    fields["status"] = status
    modified = safe_dt(event.get("LAST-MODIFIED"))
    if modified is not None:
        fields["updated_at"] = modified
    return fields
