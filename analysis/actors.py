"""Actor files (YAML) -> a validated actor table and a fast mention matcher.

Format (``data/actors/ukraine_talks.yml`` is a full example)::

    parties: [Russia, Ukraine]          # parties to the conflict (used by bilateral framing)
    at_issue: [Ukraine, Europe]         # optional: the actors whose participation the story puts at
                                        # issue; only they get inclusion frames and exclusion frames
                                        # of kind demand (default: every actor)
    actors:
      Russia:
        aliases: [Russia, Russian, Kremlin, Moscow]
        people:
          - name: Dmitry Peskov
            aliases: [Peskov]           # the surname is added unless surname: false
            role: Kremlin spokesperson
            role_words: [spokesperson, spokesman]
            gender: m                   # m | f | (empty): for he / she resolution

Matching rules: acronyms (all capitals, or with dots: US, U.S., NATO) match exactly, so "us"
is not the United States; other aliases need their first letter as written and match the
rest in any case (KREMLIN). A possessive or a bare plural/possessive "s" may follow
(Ukraine's, Ukraine’s, Ukraines, Putins); hyphenated compounds give a mention per part
(Russian-American); the longest alias wins (White House before House).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError, read_yaml

TOP_KEYS = {"parties", "at_issue", "actors", "description", "colors"}
ACTOR_KEYS = {"aliases", "people", "description", "color"}
PERSON_KEYS = {"name", "aliases", "role", "role_words", "gender", "surname"}


@dataclass
class Person:
    name: str
    actor: str
    aliases: list[str]
    role: str = ""
    role_words: list[str] = field(default_factory=list)
    gender: str = ""


@dataclass
class Actors:
    path: str
    actors: list[str]
    parties: list[str]
    people: dict[str, Person]
    alias_map: dict[str, tuple[str, str]]   # alias -> (actor, person or "")
    colors: dict[str, str]
    at_issue: list[str] = field(default_factory=list)  # empty: every actor's participation may be at issue
    _regex: re.Pattern = None
    _roles: list = None
    _any_role: re.Pattern | None = None
    _group_words: frozenset | None = None
    _low: dict = None

    def matcher(self) -> re.Pattern:
        if self._regex is None:
            self._regex = _compile(self.alias_map)
        return self._regex

    def role_patterns(self) -> list[tuple[Person, re.Pattern]]:
        """(person, pattern of one role word) in file order, compiled once."""
        if self._roles is None:
            self._roles = [(p, re.compile(r"\b" + re.escape(rw.lower()) + r"\b"))
                           for p in self.people.values() for rw in p.role_words]
        return self._roles

    def any_role(self) -> re.Pattern:
        """One pattern matching where any of ``role_patterns`` matches (a phrase with no role word is
        passed over at once)."""
        if self._any_role is None:
            words = sorted({re.escape(rw.lower()) for p in self.people.values() for rw in p.role_words},
                           key=lambda w: (-len(w), w))
            self._any_role = re.compile(r"\b(?:" + "|".join(words) + r")\b" if words else r"(?!)")
        return self._any_role

    def group_words(self) -> frozenset:
        """The one-word aliases of the actor groups themselves (places, bodies: "Armenia", "Moscow"), not of
        their people."""
        if self._group_words is None:
            self._group_words = frozenset(a for a, (_actor, person) in self.alias_map.items()
                                          if not person and " " not in a)
        return self._group_words

    def find(self, text: str, offset: int = 0) -> list[dict]:
        """Mentions in text: dicts with actor, person, alias, start, end, text."""
        out = []
        amap = self.alias_map
        if not amap:
            return out
        lookup = self._lookup()
        for m in self.matcher().finditer(text):
            key = m.group()
            alias = key if key in amap else lookup[key.lower()]
            actor, person = amap[alias]
            if not person and _MASTHEAD.match(text, m.end()):
                continue  # "the Washington Post", "the Kyiv Independent": a newspaper, not the place's side
            out.append({"actor": actor, "person": person, "alias": alias,
                        "start": m.start() + offset, "end": m.end() + offset, "text": key})
        return out

    def _lookup(self) -> dict[str, str]:
        if self._low is None:
            self._low = {a.lower(): a for a in self.alias_map}
        return self._low

    def person_actor(self, person: str) -> str:
        p = self.people.get(person)
        return p.actor if p else ""


# a newspaper named after a place: its word right after the place's alias
_MASTHEAD = re.compile(r"\s+(?:Post|Times|Journal|Examiner|Herald|Tribune|Gazette|Independent|Pravda|Telegraph|"
                       r"Free\s+Beacon|Daily\s+News)\b")


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or "." in alias)


def _alias_pattern(alias: str) -> str:
    if is_acronym(alias):
        body = re.escape(alias)
        suffix = r"(?=(?:['’]s?)?(?![\w]))" if not alias.endswith(".") else r"(?![\w])"
    else:
        body = re.escape(alias[0]) + ("(?i:" + re.escape(alias[1:]) + ")" if len(alias) > 1 else "")
        plural = "|s" if not alias.endswith("s") and len(alias) >= 4 else ""
        suffix = r"(?=(?:['’]s?" + plural + r")?(?![\w]))"
    return body + suffix


def _compile(alias_map: dict) -> re.Pattern:
    """One pattern for every alias, longest first. The aliases are grouped by their first character (which
    matches case-sensitively), so at a position only one group is tried, in the same order as a flat
    alternation (the same matches), and a position whose character opens no alias is passed at once."""
    groups: dict[str, list[str]] = {}
    for a in sorted(alias_map, key=lambda a: (-len(a), a)):
        first = re.escape(a[0])
        groups.setdefault(first, []).append(_alias_pattern(a)[len(first):])
    alternatives = [first + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")") for first, rest in groups.items()]
    initials = re.escape("".join(sorted({a[0] for a in alias_map})))
    return re.compile(r"(?=[" + initials + r"])(?<![\w])(?:" + "|".join(alternatives) + ")")


def _err(path, where, msg):
    raise ConfigError(f"{path}: {where}: {msg}")


def _str_list(path, where, value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _err(path, where, "must be a list of non-empty strings")
    return [v.strip() for v in value]


def no_actors() -> Actors:
    """An actor set that matches nothing (quotation evaluation without an actors file)."""
    return Actors("<none>", [], [], {}, {}, {})


def load_actors(path) -> Actors:
    return parse_actors(read_yaml(path, "actors"), str(Path(path)))


def parse_actors(data, path: str = "<actors>") -> Actors:
    if not isinstance(data, dict):
        _err(path, "top level", "must be a mapping with an 'actors' key")
    unknown = set(data) - TOP_KEYS
    if unknown:
        _err(path, "top level", f"unknown key '{sorted(unknown)[0]}' (allowed: {', '.join(sorted(TOP_KEYS))})")
    actors_data = data.get("actors")
    if not isinstance(actors_data, dict) or not actors_data:
        _err(path, "actors", "must be a non-empty mapping of actor name -> aliases / people")
    alias_map: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    people: dict[str, Person] = {}
    colors: dict[str, str] = {}

    def claim(alias: str, actor: str, person: str, where: str):
        key = alias.lower() if not is_acronym(alias) else alias
        if key in owner and owner[key] != f"{actor}/{person}":
            _err(path, where, f"alias '{alias}' is already claimed by {owner[key]}")
        owner[key] = f"{actor}/{person}"
        alias_map[alias] = (actor, person)

    for actor, spec in actors_data.items():
        where = f"actor '{actor}'"
        if spec is None:
            _err(path, where, "is empty (give it aliases or people)")
        if not isinstance(spec, dict):
            _err(path, where, "must be a mapping with aliases and/or people")
        unknown = set(spec) - ACTOR_KEYS
        if unknown:
            _err(path, where, f"unknown key '{sorted(unknown)[0]}' (allowed: {', '.join(sorted(ACTOR_KEYS))})")
        aliases = _str_list(path, f"{where} aliases", spec.get("aliases"))
        plist = spec.get("people") or []
        if not isinstance(plist, list):
            _err(path, f"{where} people", "must be a list of people")
        if not aliases and not plist:
            _err(path, where, "is empty (give it aliases or people)")
        if spec.get("color"):
            colors[actor] = str(spec["color"])
        for alias in aliases:
            claim(alias, actor, "", f"{where} aliases")
        for i, pspec in enumerate(plist):
            pwhere = f"{where} people[{i}]"
            if not isinstance(pspec, dict) or not isinstance(pspec.get("name"), str) or not pspec["name"].strip():
                _err(path, pwhere, "needs a 'name'")
            unknown = set(pspec) - PERSON_KEYS
            if unknown:
                _err(path, pwhere, f"unknown key '{sorted(unknown)[0]}' (allowed: {', '.join(sorted(PERSON_KEYS))})")
            name = pspec["name"].strip()
            if name in people:
                _err(path, pwhere, f"person '{name}' is listed twice")
            paliases = [name] + _str_list(path, f"{pwhere} aliases", pspec.get("aliases"))
            if pspec.get("surname", True) and " " in name:
                paliases.append(name.split()[-1])
            gender = str(pspec.get("gender") or "").lower()
            if gender not in ("", "m", "f"):
                _err(path, f"{pwhere} gender", "must be m, f or empty")
            people[name] = Person(name, actor, list(dict.fromkeys(paliases)), str(pspec.get("role") or ""),
                                  _str_list(path, f"{pwhere} role_words", pspec.get("role_words")), gender)
            for alias in people[name].aliases:
                claim(alias, actor, name, pwhere)
    parties, at_issue = (_actor_list(path, key, data.get(key), actors_data) for key in ("parties", "at_issue"))
    return Actors(path, list(actors_data), parties, people, alias_map, colors, at_issue)


def _actor_list(path: str, key: str, value, actors_data: dict) -> list[str]:
    """A top-level list of actor names (``parties``, ``at_issue``), each an actor of the file."""
    names = _str_list(path, key, value)
    for name in names:
        if name not in actors_data:
            _err(path, key, f"'{name}' is not an actor of this file")
    return names
