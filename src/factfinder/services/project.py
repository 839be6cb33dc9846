"""The project: a directory with its configuration, database, blob store and signing key, and the
unit of work every mutation goes through.

    project/
      factfinder.toml        the configuration (database URL, the pinned key fingerprint)
      factfinder.db          the SQLite database (absent when the URL names PostgreSQL)
      blobs/                 the content-addressed blob store
      keys/ledger.key        the Ed25519 private key (PKCS#8 PEM, mode 0600)
      keys/ledger.pub.pem    its public key, to hand to third parties
      keys/ledger.pub.hex    the same key as 64 hex digits
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import shutil
import tomllib
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.engine import make_url

from factfinder.errors import ProjectError
from factfinder.store.engine import WRITE_OPTION, create_engine, normalise_url
from factfinder.store.migrate import upgrade
from factfinder.store.schema import project_meta
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.blobs import BlobStore
from factfinder.vault.ledger import LedgerEntry, format_time, utc_now
from factfinder.vault.signing import PublicKey, SigningKey

CONFIG_NAME = "factfinder.toml"
DEFAULT_DB = "factfinder.db"
PROJECT_ENV = "FACTFINDER_PROJECT"
CONFIG_FORMAT = 1


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """What `factfinder.toml` says. `db_url` is absolute (relative SQLite paths resolved);
    `key_fingerprint` is the `sha256:<hex>` id of the ledger key pinned at `init` ([trust]), which
    `verify` holds the project's key to (None in projects made before pinning)."""

    root: Path
    db_url: str
    key_fingerprint: str | None = None

    @classmethod
    def load(cls, root: Path) -> ProjectConfig:
        path = root / CONFIG_NAME
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ProjectError(
                f"{root} is not a factfinder project (no {CONFIG_NAME}); "
                "create one with `factfinder init`"
            ) from exc
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ProjectError(f"{path}: cannot read the configuration ({exc})") from exc
        fmt = data.get("project", {}).get("format")
        if fmt != CONFIG_FORMAT:
            raise ProjectError(f"{path}: configuration format {fmt!r} is not {CONFIG_FORMAT}")
        url = data.get("database", {}).get("url")
        if not isinstance(url, str) or not url:
            raise ProjectError(f"{path}: [database] url is missing")
        pinned = data.get("trust", {}).get("key_fingerprint")
        if pinned is not None and not (
            isinstance(pinned, str) and pinned.startswith("sha256:") and len(pinned) == 71
        ):
            raise ProjectError(f"{path}: [trust] key_fingerprint must be sha256:<64 hex digits>")
        return cls(root, resolve_db_url(url, root), pinned)


def resolve_db_url(url: str, root: Path) -> str:
    """A SQLite URL with a relative path is relative to the project directory."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        db = Path(parsed.database)
        if not db.is_absolute():
            return normalise_url(
                parsed.set(database=str((root / db).resolve())).render_as_string(
                    hide_password=False
                )
            )
    return normalise_url(url)


def default_actor() -> str:
    """Who acts when nobody says: `cli:<login name>`."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return f"cli:{user}"


class Transaction:
    """One database transaction and the ledger entries it appends.

    `conn` is the SQLAlchemy Connection to run Core statements on. `append_ledger` writes an
    entry in this same transaction: if anything fails, the change and its entry roll back
    together. Sequence numbers are contiguous; on PostgreSQL the head row lock makes concurrent
    writers queue, on SQLite `BEGIN IMMEDIATE` already does.

    The first entry a transaction appends after a checkpoint was signed is preceded by a
    `checkpoint.record` entry binding that checkpoint (and any other of the same size), so a
    checkpoint row deleted later is caught by `verify`.
    """

    def __init__(self, conn: Connection, actor: str, project: Project) -> None:
        self.conn = conn
        self.actor = actor
        self.project = project
        self._next_seq: int | None = None
        self._now: str | None = None
        self.entries: list[LedgerEntry] = []

    @property
    def now(self) -> str:
        """The transaction's time (ISO UTC), fixed at first use; entries default to it."""
        if self._now is None:
            self._now = format_time(utc_now())
        return self._now

    @property
    def ledger_size(self) -> int:
        """The ledger size including this transaction's entries so far."""
        if self._next_seq is None:
            self._next_seq = ledger_rows.lock_head(self.conn)
        return self._next_seq

    def append_ledger(
        self,
        kind: str,
        payload: Mapping[str, Any],
        *,
        subject: str | None = None,
        time: dt.datetime | None = None,
    ) -> LedgerEntry:
        """Append one entry; returns it (its `seq`, exact `entry` text and `leaf_hash`).

        `kind` is `<area>.<verb>`; `payload` must be JSON (no NaN) and should bind what changed
        (ids, hashes, the values written); `subject` (e.g. `item:sha256:…`) lets `show` find
        the entries touching a thing.
        """
        return self.append_ledger_many([(kind, payload, subject)], time=time)[0]

    def append_ledger_many(
        self,
        entries: Iterable[tuple[str, Mapping[str, Any], str | None]],
        *,
        time: dt.datetime | None = None,
    ) -> list[LedgerEntry]:
        """Append (kind, payload, subject) entries in one round trip (bulk jobs, benchmarks)."""
        seq = self.ledger_size
        stamp = format_time(time) if time is not None else self.now
        made = []
        if not self.entries:
            signed = ledger_rows.checkpoints_of_size(self.conn, "", seq)
            if signed:
                record = {"checkpoints": [ledger_rows.checkpoint_record(i, cp) for i, cp in signed]}
                made.append(
                    LedgerEntry.make(seq, ledger_rows.CHECKPOINT_RECORD, self.actor, stamp, record)
                )
                seq += 1
        wanted = list(entries)
        for kind, payload, subject in wanted:
            made.append(LedgerEntry.make(seq, kind, self.actor, stamp, payload, subject))
            seq += 1
        ledger_rows.insert_entries(self.conn, made)
        self._next_seq = seq
        self.entries.extend(made)
        return made[len(made) - len(wanted) :]

    def _finish(self) -> None:
        if self.entries:
            assert self._next_seq is not None
            ledger_rows.set_head(self.conn, self._next_seq)


class Project:
    """An open project. Use `Project.init` / `Project.open`; close it (or use `with`)."""

    def __init__(self, config: ProjectConfig, engine: Engine) -> None:
        self.config = config
        self.root = config.root
        self.engine = engine
        self.blobs = BlobStore(self.root / "blobs")
        self._log_id: str | None = None
        self._signing_key: SigningKey | None = None

    # -- creation and opening -------------------------------------------------------------

    @classmethod
    def init(cls, path: Path | str, db_url: str | None = None) -> Project:
        """Create a project in `path` (created if needed; must not already be a project)."""
        root = Path(path).resolve()
        if (root / CONFIG_NAME).exists():
            raise ProjectError(f"{root} is already a factfinder project")
        if root.exists() and not root.is_dir():
            raise ProjectError(f"{root} exists and is not a directory")
        url = db_url or f"sqlite:///{DEFAULT_DB}"
        created = not root.exists()
        root.mkdir(parents=True, exist_ok=True)
        full_url = resolve_db_url(url, root)
        engine = create_engine(full_url)
        try:
            upgrade(engine)
            with engine.connect() as raw:
                conn = raw.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    existing = conn.execute(
                        select(project_meta.c.value).where(project_meta.c.key == "log_id")
                    ).scalar()
                    if existing is not None:
                        raise ProjectError(
                            f"the database already holds factfinder log {existing}; open the "
                            "project directory that created it instead"
                        )
                    conn.execute(insert(project_meta).values(key="log_id", value=str(uuid.uuid4())))
                    conn.execute(
                        insert(project_meta).values(key="created_at", value=format_time(utc_now()))
                    )
            keys = root / "keys"
            keys.mkdir(exist_ok=True)
            signing = SigningKey.generate()
            signing.save(keys / "ledger.key", keys / "ledger.pub.pem", keys / "ledger.pub.hex")
            BlobStore(root / "blobs").create()
            fingerprint = signing.public_key.key_id
            (root / CONFIG_NAME).write_text(_config_text(url, fingerprint), encoding="utf-8")
        except BaseException as exc:
            engine.dispose()
            if created:
                shutil.rmtree(root, ignore_errors=True)
            if isinstance(exc, ProjectError | KeyboardInterrupt):
                raise
            if isinstance(exc, Exception):
                raise ProjectError(f"cannot create a project in {root}: {exc}") from exc
            raise
        return cls(ProjectConfig(root, full_url, fingerprint), engine)

    @classmethod
    def open(cls, path: Path | str | None = None) -> Project:
        """Open an existing project (default: $FACTFINDER_PROJECT, else the current directory);
        migrates its database to this code's schema."""
        root = Path(path or os.environ.get(PROJECT_ENV) or ".").resolve()
        config = ProjectConfig.load(root)
        engine = create_engine(config.db_url)
        try:
            upgrade(engine)
        except ProjectError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            raise ProjectError(f"cannot open the database of {root}: {exc}") from exc
        return cls(config, engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the unit of work -----------------------------------------------------------------

    @contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Transaction]:
        """One write transaction; commits when the block ends, rolls back on an exception."""
        with self.engine.connect() as raw:
            conn = raw.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                tx = Transaction(conn, actor or default_actor(), self)
                yield tx
                tx._finish()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot (a transaction that is rolled back at the end)."""
        with self.engine.connect() as conn, conn.begin() as trans:
            yield conn
            trans.rollback()

    # -- identity and keys ----------------------------------------------------------------

    @property
    def log_id(self) -> str:
        if self._log_id is None:
            with self.read() as conn:
                value = conn.execute(
                    select(project_meta.c.value).where(project_meta.c.key == "log_id")
                ).scalar()
            if value is None:
                raise ProjectError(f"{self.root}: the database has no log id (not initialised)")
            self._log_id = str(value)
        return self._log_id

    @property
    def private_key_path(self) -> Path:
        return self.root / "keys" / "ledger.key"

    @property
    def public_key_path(self) -> Path:
        return self.root / "keys" / "ledger.pub.pem"

    @property
    def signing_key(self) -> SigningKey:
        if self._signing_key is None:
            self._signing_key = SigningKey.load(self.private_key_path)
        return self._signing_key

    @property
    def public_key(self) -> PublicKey:
        """The key third parties check checkpoints with (read from the exported PEM)."""
        try:
            return PublicKey.load(self.public_key_path)
        except Exception as exc:
            raise ProjectError(f"cannot read the public key {self.public_key_path}: {exc}") from exc


def _config_text(url: str, fingerprint: str) -> str:
    # json.dumps gives a valid TOML basic string for any URL.
    return (
        "# A factfinder project (created by `factfinder init`).\n"
        "[project]\n"
        f"format = {CONFIG_FORMAT}\n\n"
        "[database]\n"
        "# A relative SQLite path is relative to this directory.\n"
        f"url = {json.dumps(url)}\n\n"
        "[trust]\n"
        "# The fingerprint of the ledger key made at init: `factfinder verify` fails if the key\n"
        "# in keys/ changes. Keep a copy of it outside the project too (`verify --key`).\n"
        f"key_fingerprint = {json.dumps(fingerprint)}\n"
    )
