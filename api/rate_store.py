"""A storage for the `limits` library on the database every API process already shares
(SQLite or PostgreSQL), so that all of them count one tenant's requests together.

Counters are rows (key, count, expires_at). The sliding-window acquire runs in one
transaction: increment the current window, weigh in the previous one, and roll back if
that goes over the limit, so concurrent processes never admit more than the limit.
"""

from __future__ import annotations

import math
import time

from limits.storage import SlidingWindowCounterSupport, Storage
from limits.storage.base import TimestampedSlidingWindow
from sqlalchemy import Connection, Engine, case, delete, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from api.models import RateCounter

_table = RateCounter.__table__  # type: ignore[attr-defined]
_row = _table.c


class SqlRateStorage(Storage, SlidingWindowCounterSupport, TimestampedSlidingWindow):
    STORAGE_SCHEME = None  # made with an engine, not from a URI

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self._engine = engine

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int | float, amount: int = 1) -> int:
        with self._engine.begin() as db:
            return _incr(db, key, expiry, amount, time.time())

    def decr(self, key: str, amount: int = 1) -> int:
        with self._engine.begin() as db:
            db.execute(update(_table).where(_row.key == key).values(count=_row.count - amount))
            return _count(db, key, time.time())

    def get(self, key: str) -> int:
        with self._engine.connect() as db:
            return _count(db, key, time.time())

    def get_expiry(self, key: str) -> float:
        now = time.time()
        with self._engine.connect() as db:
            found = db.execute(
                select(_row.expires_at).where(_row.key == key, _row.expires_at > now)
            ).scalar_one_or_none()
        return float(found) if found is not None else now

    def check(self) -> bool:
        try:
            with self._engine.connect() as db:
                db.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with self._engine.begin() as db:
            return db.execute(delete(_table)).rowcount

    def clear(self, key: str) -> None:
        with self._engine.begin() as db:
            db.execute(delete(_table).where(_row.key == key))

    def acquire_sliding_window_entry(
        self, key: str, limit: int, expiry: int, amount: int = 1
    ) -> bool:
        if amount > limit:
            return False
        now = time.time()
        previous_key, current_key = self.sliding_window_keys(key, expiry, now)
        for _ in range(3):  # a lost race to insert the window's first row: once more
            try:
                with self._engine.connect() as db:
                    current = _incr(db, current_key, 2 * expiry, amount, now)
                    previous = _count(db, previous_key, now)
                    weighted = previous * _previous_ttl(now, expiry) / expiry + current
                    if math.floor(weighted) > limit:
                        db.rollback()  # over the limit: as if this hit never came
                        return False
                    db.commit()
                    return True
            except IntegrityError:
                continue
        return False

    def get_sliding_window(self, key: str, expiry: int) -> tuple[int, float, int, float]:
        now = time.time()
        previous_key, current_key = self.sliding_window_keys(key, expiry, now)
        with self._engine.connect() as db:
            previous, current = _count(db, previous_key, now), _count(db, current_key, now)
        previous_ttl = _previous_ttl(now, expiry) if previous else 0.0
        current_ttl = (1 - ((now / expiry) % 1)) * expiry + expiry
        return previous, previous_ttl, current, current_ttl

    def clear_sliding_window(self, key: str, expiry: int) -> None:
        for window in self.sliding_window_keys(key, expiry, time.time()):
            self.clear(window)


def _previous_ttl(now: float, expiry: int) -> float:
    return (1 - (((now - expiry) / expiry) % 1)) * expiry


def _count(db: Connection, key: str, now: float) -> int:
    found = db.execute(
        select(_row.count).where(_row.key == key, _row.expires_at > now)
    ).scalar_one_or_none()
    return int(found or 0)


def _incr(db: Connection, key: str, expiry: float, amount: int, now: float) -> int:
    expired = _row.expires_at <= now
    changed = db.execute(
        update(_table)
        .where(_row.key == key)
        .values(
            count=case((expired, amount), else_=_row.count + amount),
            expires_at=case((expired, now + expiry), else_=_row.expires_at),
        )
    ).rowcount
    if not changed:
        db.execute(delete(_table).where(_row.expires_at <= now - expiry))  # old windows
        db.execute(_table.insert().values(key=key, count=amount, expires_at=now + expiry))
    return _count(db, key, now)
