"""All configuration in one frozen object, one section per stage.

Precedence: defaults < wirewatch.toml < WIREWATCH_<SECTION>_<KEY> environment variables < overrides
(CLI flags). The entry point resolves it once and passes each stage only its section.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError


@dataclass(frozen=True)
class IngestSettings:
    near_duplicate: float = 0.7       # estimated word-pair Jaccard at or above which an article is a copy of a
                                      # stored one (a reprint with a new headline or a cut paragraph); below
                                      # about 0.65 the LSH bands (25 x 5) start missing pairs (0.5: found 55%)
    max_bytes: int = 5_000_000        # larger inputs are refused, not read into memory


@dataclass(frozen=True)
class ExtractSettings:
    require_anchor: bool = True        # drop mentions with neither a place nor a date in their passage
    max_sentence_chars: int = 2_000    # longer "sentences" (tables, run-ons) are skipped with a warning
    model: bool = True                 # let the trained typing model confirm or correct lexicon types
    model_override: float = 0.3        # model probability above which it replaces a lexicon type
    model_threads: int = 1             # CPU threads of the sentence embedder; 2 makes a serial run about 25%
                                       # faster for 50% more CPU (the threads spin-wait); Dask workers use 1


@dataclass(frozen=True)
class FuseSettings:
    threshold: float = 0.6             # match score at or above which a mention joins an event
    max_km: float = 50.0               # precise places farther apart than this are different incidents


@dataclass(frozen=True)
class StoreSettings:
    db: str = "wirewatch.db"
    batch_size: int = 25               # articles per transaction


@dataclass(frozen=True)
class WatchSettings:
    interval: float = 900.0            # seconds between two polls of one feed
    host_delay: float = 2.0            # seconds between two requests to the same host
    timeout: float = 20.0              # seconds for one request before it counts as a failure
    max_feed_bytes: int = 10_000_000   # larger (or endless) feeds are cut off and reported
    max_redirects: int = 5
    max_backoff: float = 86_400.0      # a failing feed is retried after at most this many seconds
    private_hosts: bool = False        # fetch from loopback, private and link-local addresses (feeds on your own
                                       # network); off, so a feed or its redirect cannot reach this machine's services
    user_agent: str = "wirewatch/0.1 (news event monitor; polls each feed at most every few minutes)"


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    fuse: FuseSettings = field(default_factory=FuseSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None,
                  overrides: Mapping[str, Any] | None = None) -> Settings:
    """Build Settings from a TOML file, the environment and overrides ("store.db": "x.db").

    Raises:
        ConfigError: an unknown section or key, or a value of the wrong type.
    """
    values: dict[str, dict[str, Any]] = {}
    if path is not None and Path(path).exists():
        try:
            with open(path, "rb") as fh:
                loaded = tomllib.load(fh)
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(str(path), f"is not valid TOML ({err})") from None
        for section, table in loaded.items():
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: {section}", "settings go in sections, e.g. [store] batch_size = 50")
            values.setdefault(section, {}).update(table)
    env = os.environ if env is None else env
    sections = {f.name for f in fields(Settings)}
    for name, raw in env.items():
        section, _, key = name[len("WIREWATCH_"):].lower().partition("_")
        # Other WIREWATCH_* variables (a wrapper's, a deployment's) are not settings: leave them be.
        if name.startswith("WIREWATCH_") and section in sections and key:
            values.setdefault(section, {})[key] = raw
    for dotted, value in (overrides or {}).items():
        section, _, key = dotted.partition(".")
        values.setdefault(section, {})[key] = value
    return _build(values)


def _build(values: dict[str, dict[str, Any]]) -> Settings:
    """Apply section values over the defaults, checking names and types."""
    settings = Settings()
    known = {f.name for f in fields(Settings)}
    for section, table in values.items():
        if section not in known:
            raise ConfigError(section, f"unknown section; expected one of {sorted(known)}")
        current = getattr(settings, section)
        changes = {key: _coerce(f"{section}.{key}", current, key, value) for key, value in table.items()}
        settings = replace(settings, **{section: replace(current, **changes)})
    return settings


def _coerce(name: str, current: Any, key: str, value: Any) -> Any:
    """Convert a value to the type of the default it replaces."""
    if not hasattr(current, key):
        allowed = [f.name for f in fields(current)]
        raise ConfigError(name, f"unknown key; expected one of {allowed}")
    kind = type(getattr(current, key))
    if kind is int and isinstance(value, float) and not value.is_integer():
        raise ConfigError(name, f"{value!r} is not a whole number")
    try:
        if kind is bool and isinstance(value, str):
            if value.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                raise ValueError(value)
            return value.lower() in {"1", "true", "yes"}
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(name, f"{value!r} is not a valid {kind.__name__}") from None
