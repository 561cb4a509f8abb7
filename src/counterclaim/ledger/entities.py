"""Merge each report's entities into global ones with stable ids.

An entity is found by keys in ``entity_keys``: its normalised name, its aliases and, for
organisations and groups, its acronym ("Free Highlands Front" also answers to "fhf"), each
prefixed by a type class (person, org, place, other; organisation and group are one class
because the analyzer often mixes them). A person known by surname alone ("Osei") joins the
one person of that surname already stored ("Lena Osei") only when exactly one exists.

A new entity's id is a hash of its type class and normalised name, so two independent ingests
give the same ids for full names. Surname-only merges depend on what was stored first.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, select

from counterclaim.model import Entity, Report

from .engine import insert_ignore
from .tables import entities, entity_keys
from .text import acronym, looks_like_acronym, name_key, stable_id

TYPE_CLASS = {"person": "person", "organization": "org", "group": "org", "place": "place",
              "other": "other"}


class EntityKeys(NamedTuple):
    canonical: str  # "person:lena osei"
    strong: list[str]  # keys that identify the entity on their own
    surname: str | None  # "surname:osei" for multi-word person names (a weak key)
    lone_surname: str | None  # "surname:osei" when the name is a surname alone


def keys_of(entity: Entity) -> EntityKeys:
    klass = TYPE_CLASS.get(entity.type, "other")
    canonical = f"{klass}:{name_key(entity.name) or entity.name.lower()}"
    strong = {canonical}
    for alias in entity.aliases:
        if name_key(alias):
            strong.add(f"{klass}:{name_key(alias)}")
    if klass == "org":
        initials = acronym(entity.name)
        if initials and len(initials) >= 2:
            strong.add(f"org:{initials}")
    tokens = canonical.split(":", 1)[1].split()
    surname = lone = None
    if klass == "person" and len(tokens) >= 2:
        surname = f"surname:{tokens[-1]}"
    elif klass == "person" and len(tokens) == 1:
        lone = f"surname:{tokens[0]}"
    return EntityKeys(canonical, sorted(strong), surname, lone)


def _lookup(conn: Connection, keys: set[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    if keys:
        rows = conn.execute(select(entity_keys.c.key, entity_keys.c.entity_id)
                            .where(entity_keys.c.key.in_(sorted(keys))))
        for key, entity_id in rows:
            found.setdefault(key, set()).add(entity_id)
    return found


def _choose(keys: EntityKeys, found: dict[str, set[str]]) -> str | None:
    if keys.canonical in found and len(found[keys.canonical]) == 1:
        return next(iter(found[keys.canonical]))
    hits = set().union(*(found.get(key, set()) for key in keys.strong))
    if hits:
        return sorted(hits)[0]  # deterministic when an acronym or alias is shared
    if keys.lone_surname and len(found.get(keys.lone_surname, ())) == 1:
        return next(iter(found[keys.lone_surname]))
    return None


def link_entities(conn: Connection, report: Report, day: str | None) -> dict[str, str]:
    """Map each entity's article-local id to a global id, creating or enriching entities."""
    all_keys = {e.id: keys_of(e) for e in report.entities}
    wanted = {k for keys in all_keys.values() for k in (*keys.strong, keys.lone_surname) if k}
    found = _lookup(conn, wanted)
    links, new_rows, key_rows, seen = {}, [], [], {}
    for entity in report.entities:
        keys = all_keys[entity.id]
        global_id = _choose(keys, found) or seen.get(keys.canonical)
        if global_id is None:
            global_id = stable_id(keys.canonical)
            seen[keys.canonical] = global_id
            new_rows.append({"id": global_id, "name": entity.name, "type": entity.type,
                             "aliases": sorted(set(entity.aliases)),
                             "roles": sorted(set(entity.roles)), "first_seen": day})
        links[entity.id] = global_id
        for key in (*keys.strong, keys.surname):
            if key:
                key_rows.append({"key": key, "entity_id": global_id})
                found.setdefault(key, set()).add(global_id)
    insert_ignore(conn, entities, new_rows)
    insert_ignore(conn, entity_keys, key_rows)
    _enrich(conn, report, links, {row["id"] for row in new_rows})
    return links


def _enrich(conn: Connection, report: Report, links: dict[str, str], new: set[str]) -> None:
    """Add this report's aliases and roles to entities that were already stored."""
    extra: dict[str, tuple[set, set]] = {}
    for entity in report.entities:
        global_id = links[entity.id]
        if global_id in new:
            continue
        aliases, roles = extra.setdefault(global_id, (set(), set()))
        aliases.update([entity.name, *entity.aliases])
        roles.update(entity.roles)
    if not extra:
        return
    rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.aliases,
                               entities.c.roles).where(entities.c.id.in_(sorted(extra))))
    for entity_id, name, aliases, roles in rows:
        more_aliases, more_roles = extra[entity_id]
        merged_aliases = sorted((set(aliases) | more_aliases) - {name})
        merged_roles = sorted(set(roles) | more_roles)
        if merged_aliases != sorted(aliases) or merged_roles != sorted(roles):
            conn.execute(entities.update().where(entities.c.id == entity_id)
                         .values(aliases=merged_aliases, roles=merged_roles))


def name_lookup_keys(name: str) -> list[str]:
    """Keys under which a user-typed name may be stored, for queries by name."""
    key = name_key(name)
    keys = [f"{klass}:{key}" for klass in ("person", "org", "place", "other")]
    if looks_like_acronym(name):
        keys.append(f"org:{name.lower()}")
    if len(key.split()) == 1:
        keys.append(f"surname:{key}")
    return keys
