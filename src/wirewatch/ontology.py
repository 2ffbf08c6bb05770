"""The event ontology (data/ontology.yaml): ACLED types and sub-types, actor kinds, PLOVER cross-walk."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .errors import ConfigError


@dataclass(frozen=True)
class Ontology:
    """Lookups over the ontology file."""

    event_type_of: dict[str, str]        # sub-event type -> event type
    plover_of: dict[str, dict | None]    # sub-event type -> {"event", "mode"}
    inter_of: dict[str, int]             # actor kind code -> ACLED inter code
    definitions: dict[str, str]          # sub-event type -> one-line definition
    code_of: dict[str, str]              # sub-event type -> CASE 2021 code ("ARMED_CLASH")

    def check(self, sub_event_type: str, where: str) -> str:
        """The sub-event type itself, or a ConfigError naming the allowed ones."""
        if sub_event_type not in self.event_type_of:
            raise ConfigError(where, f"unknown sub-event type {sub_event_type!r}; "
                                     f"expected one of {sorted(self.event_type_of)}")
        return sub_event_type


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The packaged ontology."""
    raw = yaml.safe_load((resources.files("wirewatch") / "data" / "ontology.yaml").read_text("utf-8"))
    event_type_of, plover_of, definitions, code_of = {}, {}, {}, {}
    for event_type in raw["event_types"]:
        for sub in event_type["sub_event_types"]:
            event_type_of[sub["name"]] = event_type["name"]
            plover_of[sub["name"]] = sub.get("plover")
            definitions[sub["name"]] = sub["definition"]
            code_of[sub["name"]] = sub["code"]
    inter_of = {kind["code"]: kind["inter"] for kind in raw["actor_kinds"]}
    return Ontology(event_type_of, plover_of, inter_of, definitions, code_of)
