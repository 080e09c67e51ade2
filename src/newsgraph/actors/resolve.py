"""In-document resolution of named people, organisations and places."""

from __future__ import annotations

import re

from ..document import ParsedArticle
from ..model import Actor, Mention
from .index import ActorIndex

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."}
ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}


def clean_name(text: str) -> str:
    text = re.sub(r"(['’]s|['’])$", "", text.strip())
    parts = text.split()
    while parts and parts[0].lower() in HONORIFICS:
        parts = parts[1:]
    return " ".join(parts)


def find_actors(parsed: ParsedArticle) -> ActorIndex:
    """Named-entity mentions grouped into actors: short names join the fullest matching name."""
    spans = [(ent, ENTITY_TYPES[ent.label_]) for ent in parsed.doc.ents if ent.label_ in ENTITY_TYPES]
    full_names: dict[str, str] = {}
    for ent, kind in spans:
        name = clean_name(ent.text)
        if kind == "person" and len(name.split()) > 1:
            full_names.setdefault(name.split()[-1].lower(), name)
    actors: dict[tuple[str, str], Actor] = {}
    mentions = []
    for ent, kind in spans:
        name = clean_name(ent.text)
        if not name:
            continue
        if kind == "person":
            name = full_names.get(name.split()[-1].lower(), name)
        key = (kind, name.lower())
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(id=f"a{len(actors) + 1}", name=name, type=kind)  # type: ignore[arg-type]
        if ent.text != name and ent.text not in actor.aliases:
            actor.aliases.append(ent.text)
        block = parsed.block_at(ent.start_char)
        mentions.append(Mention(ent.start_char, ent.end_char, ent.text, actor.id, "name",
                                block.index if block else None))
    return ActorIndex(list(actors.values()), mentions)
