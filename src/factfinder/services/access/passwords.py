"""Password hashing (argon2id), with the work bounded.

Each argon2 hash or check takes 64 MiB and tens of milliseconds by design; sixty concurrent
logins would take gigabytes. Every hash and check therefore holds one of a fixed number of
slots (`set_concurrency`, default 2): further callers wait their turn, so memory stays at
slots × 64 MiB however many requests arrive.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

DEFAULT_CONCURRENCY = 2
_slots = threading.BoundedSemaphore(DEFAULT_CONCURRENCY)
_in_use = 0
_peak = 0
_count_lock = threading.Lock()


def set_concurrency(slots: int) -> None:
    """How many argon2 computations may run at once (the web server sets it at start-up)."""
    global _slots
    if slots < 1:
        raise ValueError("at least one argon2 slot is needed")
    _slots = threading.BoundedSemaphore(slots)


def peak_concurrency() -> int:
    """The most argon2 computations that ran at once since the process started (for tests and
    benchmarks)."""
    return _peak


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


@contextlib.contextmanager
def _slot() -> Iterator[None]:
    global _in_use, _peak
    slots = _slots
    with slots:
        with _count_lock:
            _in_use += 1
            _peak = max(_peak, _in_use)
        try:
            yield None
        finally:
            with _count_lock:
                _in_use -= 1


def hash_password(password: str) -> str:
    with _slot():
        return _hasher().hash(password)


def check_password(stored: str, password: str) -> bool:
    """Does `password` match the stored hash? False for a malformed hash."""
    from argon2.exceptions import InvalidHashError, VerificationError

    with _slot():
        try:
            return bool(_hasher().verify(stored, password))
        except (VerificationError, InvalidHashError):
            return False


def needs_rehash(stored: str) -> bool:
    return bool(_hasher().check_needs_rehash(stored))


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(16))


def spend_as_a_check(password: str) -> None:
    """Spend the time of a real check, so the answer does not reveal which names exist."""
    check_password(_dummy_hash(), password)
