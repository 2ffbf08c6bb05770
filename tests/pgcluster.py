"""A throwaway PostgreSQL cluster for the tests, loaded as a pytest plugin (`pytest_plugins = ["pgcluster"]`).

initdb and pg_ctl build it in a temporary folder once per session; it listens on a unix socket in that folder
only (no TCP port) and is stopped and deleted at the end. Each test gets a fresh schema of its own (as its
search_path: five times quicker than a database each), so tests never see each other's tables. As root the
server runs as the `postgres` system user, since initdb refuses root. Where the binaries are missing the tests
that need them are skipped, saying what to install; WIREWATCH_TEST_POSTGRES=0 skips them on purpose.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

SKIP_VARIABLE = "WIREWATCH_TEST_POSTGRES"
INSTALL_HINT = (f"install PostgreSQL 15 or later (apt-get install postgresql) to run them, "
                f"or set {SKIP_VARIABLE}=0 to skip them on purpose")
_PORT = 5432  # names the socket file only: the server opens no TCP port
_USER = "wirewatch"
_DATABASE = "wirewatch"


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: PostgreSQL 15's first, then pg_config's, then any on PATH."""
    candidates = [Path("/usr/lib/postgresql/15/bin")]
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(Path(found.stdout.strip() or "/nonexistent"))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    if shutil.which("pg_ctl"):
        candidates.append(Path(shutil.which("pg_ctl")).parent)
    return next((c for c in candidates if (c / "initdb").is_file() and (c / "pg_ctl").is_file()), None)


def _locale() -> str:
    """A Unicode-aware locale, as real servers have, so that any folding beyond SQLite's ASCII NOCASE (lower(),
    ILIKE) or ordering by locale shows in the tests; plain C only where the system has no other."""
    found = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.split()
    return next((name for name in ("en_US.utf8", "C.utf8") if name in found), "C")


class Cluster:
    """One PostgreSQL server in a temporary folder, reached through a unix socket there."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="ww-pg-"))  # short: socket paths are limited to 107 bytes
        self.data = self.folder / "data"
        self._names = itertools.count(1)

    def _as_owner(self, *command: str) -> None:
        """Run a server command as the folder's owner: `postgres` when we are root."""
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(prefix + list(command), capture_output=True, text=True, check=False)
        if done.returncode:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}{tail}")

    def start(self) -> None:
        """initdb and start the server; fsync off, as nothing here needs to survive a crash."""
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._as_owner(str(self.bindir / "initdb"), "-D", str(self.data), "-U", _USER, "--auth=trust",
                       "-E", "UTF8", f"--locale={_locale()}", "--no-sync")
        options = (f"-c listen_addresses='' -k {self.folder} -p {_PORT} -c fsync=off "
                   "-c full_page_writes=off -c synchronous_commit=off -c max_connections=40")
        self._as_owner(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"),
                       "-o", options, "-w", "-t", "30", "start")
        self._admin(f"CREATE DATABASE {_DATABASE}", database="postgres")

    def stop(self) -> None:
        """Stop the server at once and delete its folder."""
        if (self.data / "postmaster.pid").exists():
            self._as_owner(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = _DATABASE) -> str:
        """The connection URL of a database in this cluster."""
        return f"postgresql://{_USER}@/{database}?host={self.folder}&port={_PORT}"

    def new_schema(self) -> str:
        """Create an empty schema and return a URL that makes it the search_path, where tables are made."""
        name = f"t{next(self._names)}"
        self._admin(f"CREATE SCHEMA {name}")
        return f"{self.url()}&options=-csearch_path%3D{name}"

    def _admin(self, statement: str, database: str = _DATABASE) -> None:
        """Run one statement of ours (names we made, nothing to bind) as the cluster's superuser."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """The session's PostgreSQL cluster, or a skip that says how to get one."""
    if os.environ.get(SKIP_VARIABLE, "1") == "0":
        pytest.skip(f"PostgreSQL tests skipped: {SKIP_VARIABLE}=0")
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(f"PostgreSQL tests skipped: initdb and pg_ctl not found; {INSTALL_HINT}")
    cluster = Cluster(bindir)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """The URL of a fresh, empty schema for one test."""
    return pg_cluster.new_schema()
