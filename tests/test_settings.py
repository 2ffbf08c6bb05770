"""Settings: defaults < TOML file < WIREWATCH_* environment < overrides, names and types checked."""

from __future__ import annotations


import pytest

from wirewatch.errors import ConfigError
from wirewatch.settings import Settings, load_settings

NO_ENV: dict[str, str] = {}


def test_defaults():
    s = load_settings(None, env=NO_ENV)
    assert s == Settings()
    assert s.ingest.near_duplicate == 0.7
    assert s.ingest.max_bytes == 5_000_000
    assert s.extract.require_anchor is True and s.extract.model_threads == 1
    assert s.fuse.threshold == 0.6 and s.fuse.max_km == 50.0
    assert s.store.db == "wirewatch.db" and s.store.batch_size == 25


def test_missing_file_means_defaults(tmp_path):
    assert load_settings(tmp_path / "absent.toml", env=NO_ENV) == Settings()


def test_toml_file_overrides_defaults(write):
    path = write("wirewatch.toml", '[store]\ndb = "news.db"\nbatch_size = 3\n\n[fuse]\nthreshold = 0.75\n'
                                   '\n[extract]\nrequire_anchor = false\n')
    s = load_settings(path, env=NO_ENV)
    assert s.store.db == "news.db" and s.store.batch_size == 3
    assert s.fuse.threshold == 0.75 and s.fuse.max_km == 50.0
    assert s.extract.require_anchor is False


def test_env_batch_size():
    assert load_settings(None, env={"WIREWATCH_STORE_BATCH_SIZE": "7"}).store.batch_size == 7


def test_process_environment_is_read_by_default(monkeypatch):
    monkeypatch.setenv("WIREWATCH_STORE_BATCH_SIZE", "7")
    assert load_settings(None).store.batch_size == 7


@pytest.mark.parametrize("env, section, key, value", [
    ({"WIREWATCH_FUSE_MAX_KM": "12.5"}, "fuse", "max_km", 12.5),
    ({"WIREWATCH_EXTRACT_REQUIRE_ANCHOR": "no"}, "extract", "require_anchor", False),
    ({"WIREWATCH_EXTRACT_REQUIRE_ANCHOR": "TRUE"}, "extract", "require_anchor", True),
    ({"WIREWATCH_INGEST_NEAR_DUPLICATE": "0.8"}, "ingest", "near_duplicate", 0.8),
    ({"WIREWATCH_STORE_DB": "/tmp/x.db"}, "store", "db", "/tmp/x.db"),
    ({"WIREWATCH_HOME": "/somewhere", "PATH": "/bin"}, "store", "batch_size", 25),  # ignored names
])
def test_env_values_are_coerced(env, section, key, value):
    assert getattr(getattr(load_settings(None, env=env), section), key) == value


def test_precedence_file_then_env_then_overrides(write):
    path = write("w.toml", "[store]\nbatch_size = 3\ndb = 'file.db'\n")
    env = {"WIREWATCH_STORE_BATCH_SIZE": "7", "WIREWATCH_STORE_DB": "env.db"}
    s = load_settings(path, env=env)
    assert (s.store.batch_size, s.store.db) == (7, "env.db")
    s = load_settings(path, env=env, overrides={"store.batch_size": 11})
    assert (s.store.batch_size, s.store.db) == (11, "env.db")


@pytest.mark.parametrize("kwargs, key", [
    ({"overrides": {"stroe.db": "x"}}, "stroe"),
    ({"overrides": {"store.dbb": "x"}}, "store.dbb"),
    ({"env": {"WIREWATCH_STORE_BATCHSIZE": "7"}}, "store.batchsize"),
    ({"overrides": {"store.batch_size": "seven"}}, "store.batch_size"),
    ({"env": {"WIREWATCH_STORE_BATCH_SIZE": "7.5"}}, "store.batch_size"),
    ({"overrides": {"fuse.threshold": "high"}}, "fuse.threshold"),
    ({"overrides": {"extract.require_anchor": "maybe"}}, "extract.require_anchor"),
])
def test_bad_names_and_values_raise_config_error_naming_the_key(kwargs, key):
    with pytest.raises(ConfigError) as info:
        load_settings(None, **{"env": NO_ENV, **kwargs})
    assert info.value.key == key
    assert str(info.value).startswith(f"{key}:")


@pytest.mark.parametrize("toml, key", [
    ("[storage]\ndb = 'x'\n", "storage"),
    ("[store]\nbatchsize = 3\n", "store.batchsize"),
    ("[store]\nbatch_size = 'many'\n", "store.batch_size"),
])
def test_bad_toml_raises_config_error_naming_the_key(write, toml, key):
    with pytest.raises(ConfigError) as info:
        load_settings(write("bad.toml", toml), env=NO_ENV)
    assert info.value.key == key


@pytest.mark.parametrize("toml", ["batch_size = 3\n", "db = 'x.db'\n"])
def test_top_level_toml_key_raises_config_error(write, toml):
    with pytest.raises(ConfigError):
        load_settings(write("flat.toml", toml), env=NO_ENV)


def test_float_for_int_setting_raises_config_error():
    with pytest.raises(ConfigError):
        load_settings(None, env=NO_ENV, overrides={"store.batch_size": 2.5})


def test_invalid_toml_syntax_raises_config_error(write):
    with pytest.raises(ConfigError):
        load_settings(write("broken.toml", "[store\nbatch_size = \n"), env=NO_ENV)


def test_settings_are_frozen():
    s = Settings()
    with pytest.raises(AttributeError):
        s.store.batch_size = 3  # type: ignore[misc]


def test_other_wirewatch_variables_are_not_settings():
    s = load_settings(None, env={"WIREWATCH_LOG_LEVEL": "debug", "WIREWATCH_HOME": "/x"})
    assert s == load_settings(None, env={})
