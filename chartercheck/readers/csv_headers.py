"""Column names and status words as people write them in a spreadsheet.

A French team exports ``Identifiant;Réseau;Date de publication;Texte;Statut;
Auteur``, an English one ``Post ID,Network,Publish date,Copy,State,Owner``:
both are the native dialect under other names. Names are compared folded
(:func:`.csv_dialects.fold`: lower case, accents dropped, anything but
letters and digits turned into ``_``), so ``Date de publication`` is
``date_de_publication`` and ``Approuvé par`` is ``approuve_par``.
"""
from __future__ import annotations

#: Folded column name → canonical field, beside the native names (English variants, then French).
LOCALISED_COLUMNS = {
    # id
    "post_id": "id", "identifier": "id", "ref": "id", "reference": "id", "identifiant": "id",
    "numero": "id", "n": "id", "no": "id",
    # channel
    "social_network": "channel", "account": "channel", "social_account": "channel", "profile": "channel",
    "reseau": "channel", "reseau_social": "channel", "canal": "channel", "plateforme": "channel",
    "compte": "channel", "networks": "channels", "reseaux": "channels", "reseaux_sociaux": "channels",
    "canaux": "channels", "plateformes": "channels",
    # when
    "publish_date": "at", "publication_date": "at", "publish_time": "at", "scheduled_at": "at",
    "scheduled_time": "at", "scheduled_for": "at", "post_date": "at", "date_time": "at",
    "date_de_publication": "at", "date_publication": "at", "publication_le": "at", "date_et_heure": "at",
    "date_heure": "at", "programme_le": "at", "planifie_le": "at",
    "day": "date", "jour": "date", "hour": "time", "heure": "time", "heure_de_publication": "time",
    # words
    "content": "text", "copy": "text", "post": "text", "post_text": "text", "texte": "text",
    "contenu": "text", "legende": "text", "publication": "text", "headline": "title", "titre": "title",
    "content_pillar": "pillar", "theme": "pillar", "pilier": "pillar", "thematique": "pillar",
    "goal": "objective", "objectif": "objective",
    "owner": "author", "writer": "author", "created_by": "author", "auteur": "author", "autrice": "author",
    "redacteur": "author", "redactrice": "author", "redige_par": "author",
    "state": "status", "statut": "status", "etat": "status",
    "paid": "sponsored", "sponsorise": "sponsored", "sponsorisee": "sponsored", "partenariat": "sponsored",
    "modified_at": "updated_at", "last_modified": "updated_at", "updated": "updated_at",
    "modifie_le": "updated_at", "mis_a_jour_le": "updated_at", "date_de_modification": "updated_at",
    # approvals
    "approver": "approved_by", "approuve_par": "approved_by",
    "valide_par": "approved_by", "validateur": "approved_by", "validatrice": "approved_by",
    "approval_date": "approved_at", "approuve_le": "approved_at", "valide_le": "approved_at",
    "date_de_validation": "approved_at", "date_d_approbation": "approved_at",
    "approval_role": "approved_role", "role_d_approbation": "approved_role", "role_du_validateur": "approved_role",
    # the rest
    "image": "media", "images_urls": "media", "medias": "media", "media_url": "media", "visuel": "media",
    "visuels": "media", "lien": "link", "ignorer": "ignore",
}

#: Status words of French (and a few English) spreadsheets → chartercheck status (lower case, folded).
STATUS_WORDS = {
    "brouillon": "draft", "a_rediger": "draft", "en_cours": "draft", "idee": "draft",
    "en_relecture": "review", "relecture": "review", "a_valider": "review", "en_validation": "review",
    "in_review": "review", "to_review": "review", "pending": "review",
    "valide": "approved", "validee": "approved", "approuve": "approved", "approuvee": "approved",
    "programme": "scheduled", "programmee": "scheduled", "planifie": "scheduled", "planifiee": "scheduled",
    "publie": "published", "publiee": "published", "posted": "published", "live": "published",
    "refuse": "rejected", "refusee": "rejected", "rejete": "rejected", "rejetee": "rejected",
    "annule": "cancelled", "annulee": "cancelled", "canceled": "cancelled",
}
