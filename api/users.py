"""Users, their roles and their access tokens.

A token is 32 random bytes (URL-safe text) shown once; only its SHA-256 is stored,
so a copy of the database does not let anyone in. Checking a token compares hashes
with ``hmac.compare_digest``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import DateTime, ForeignKey, Integer, String, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.service_db import ServiceBase
from corpus.errors import ErrorKind, ZhifaError
from corpus.field_types import SQL_INT_MAX
from corpus.serialized_writes import create_tables, serialized_write

TOKEN_PREFIX = "zf_"
_NAME = re.compile(r"[\w\u4e00-\u9fff.\-]{1,64}")
"""Matched whole (``fullmatch``): ``$`` would let a trailing newline through."""
LAST_USED_RESOLUTION = timedelta(minutes=1)
REVOCATION_MARKER = "tokens-revoked"
"""File name, in the data folder, of the marker every revocation stamps (``UserStore``)."""
_RECENT_MAX = 4096
"""Most tokens whose check is remembered; past that the memory is dropped whole."""


class Role(StrEnum):
    """Who may do what: officers work cases, reviewers review, admins run the system."""

    OFFICER = "officer"
    REVIEWER = "reviewer"
    ADMIN = "admin"


ROLE_LABELS = {Role.OFFICER: "执法人员", Role.REVIEWER: "法制审核人员", Role.ADMIN: "管理员"}


class UserError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_user_request"):
    """A user or token operation that cannot be done; Chinese message."""


class UserRow(ServiceBase):
    __tablename__ = "service_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    role: Mapped[str] = mapped_column(String(16))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TokenRow(ServiceBase):
    __tablename__ = "service_token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("service_user.id", ondelete="CASCADE"), index=True
    )
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_used: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of one request."""

    user_id: int
    name: str
    role: Role
    token_id: int


@dataclass(frozen=True)
class UserInfo:
    """A user as listed to admins."""

    name: str
    role: Role
    created: datetime
    active_tokens: int
    last_used: datetime | None


@dataclass(frozen=True)
class IssuedToken:
    """A freshly issued token: the plain text exists only in this object."""

    token: str
    token_id: int
    user: str


def token_digest(token: str) -> str:
    """SHA-256 hex of the token text: what the database keeps."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; they were written in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


class RecentTokens:
    """Tokens found valid in the last ``seconds``, keyed by their SHA-256: the service checks
    one token per request, and the database lookup is a fixed cost on every search.

    Only successful checks are kept (an unknown token always goes to the database). A
    revocation through the same store forgets its user's tokens at once; one made by
    another process (``zhifa user revoke`` while the service runs) reaches the service
    through the revocation marker file (``UserStore``); without a shared marker (another
    machine) it takes effect within ``seconds``. ``seconds`` = 0 remembers nothing. A check that read the database before
    a revocation and finishes after it is not remembered (``generation``).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._checked: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()
        self._generation = 0

    def generation(self) -> int:
        """Bumped by every revocation; read before a database check, passed to ``put``."""
        with self._lock:
            return self._generation

    def get(self, digest: str) -> Principal | None:
        with self._lock:
            found = self._checked.get(digest)
        if found is None or time.monotonic() - found[1] >= self.seconds:
            return None
        return found[0]

    def put(self, digest: str, principal: Principal, generation: int) -> None:
        if self.seconds <= 0:
            return
        with self._lock:
            if generation != self._generation:
                return
            if len(self._checked) >= _RECENT_MAX:
                self._checked.clear()
            self._checked[digest] = (principal, time.monotonic())

    def forget_all(self) -> None:
        with self._lock:
            self._generation += 1
            self._checked.clear()

    def forget_user(self, user_id: int) -> None:
        with self._lock:
            self._generation += 1
            for digest in [d for d, (p, _) in self._checked.items() if p.user_id == user_id]:
                del self._checked[digest]


class UserStore:
    """Create users, issue, check and revoke tokens.

    ``recent_s`` > 0 lets ``authenticate`` trust a successful check that long
    (``RecentTokens``); the CLI keeps the default 0, the service passes its setting.
    ``revocation_marker``: a file every revocation stamps (after its commit) and every
    check compares first (one stat call), so that a revocation by another process on the
    same data folder (``zhifa user revoke``) empties the service's memory at once.
    """

    def __init__(
        self, engine: Engine, recent_s: float = 0.0, revocation_marker: Path | None = None
    ) -> None:
        self.engine = engine
        self.recent = RecentTokens(recent_s)
        self.revocation_marker = revocation_marker
        self._marker_seen = self._marker_stamp()
        create_tables(engine, ServiceBase.metadata, [UserRow.__table__, TokenRow.__table__])

    def _marker_stamp(self) -> int | None:
        if self.revocation_marker is None:
            return None
        try:
            return self.revocation_marker.stat().st_mtime_ns
        except FileNotFoundError:
            return None

    def _stamp_marker(self) -> None:
        """Exact nanoseconds (``utime``), not the file system's coarse clock."""
        if self.revocation_marker is None:
            return
        self.revocation_marker.parent.mkdir(parents=True, exist_ok=True)
        self.revocation_marker.touch()
        os.utime(self.revocation_marker, ns=(time.time_ns(), time.time_ns()))

    def _check_marker(self) -> None:
        stamp = self._marker_stamp()
        if stamp != self._marker_seen:
            self.recent.forget_all()
            self._marker_seen = stamp

    def add_user(self, name: str, role: Role) -> UserInfo:
        if not _NAME.fullmatch(name):
            raise UserError(f"用户名无效：{name!r}（1–64 个字母、数字、汉字、点、横线或下划线）")
        created = _now()

        def write(session: Session) -> None:
            if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
                raise UserError(f"用户已存在：{name}")
            session.add(UserRow(name=name, role=role.value, created=created))

        serialized_write(self.engine, "service_user", write)
        return UserInfo(name, role, created, 0, None)

    def issue_token(self, name: str) -> IssuedToken:
        """A new token for ``name``; the caller shows it once, it is never stored."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with Session(self.engine) as session, session.begin():
            user = self._user(session, name)
            row = TokenRow(user_id=user.id, token_sha256=token_digest(token), created=_now())
            session.add(row)
            session.flush()
            return IssuedToken(token, row.id, user.name)

    def revoke(self, name: str, token_id: int | None = None) -> int:
        """Revoke one token of the user, or all of them; returns how many were revoked."""
        if token_id is not None and not 1 <= token_id <= SQL_INT_MAX:
            raise UserError(f"令牌编号无效：{token_id}")
        with Session(self.engine) as session, session.begin():
            user = self._user(session, name)
            query = update(TokenRow).where(TokenRow.user_id == user.id, TokenRow.revoked.is_(None))
            if token_id is not None:
                query = query.where(TokenRow.id == token_id)
            count = session.execute(query.values(revoked=_now())).rowcount
            user_id = user.id
        self.recent.forget_user(user_id)  # after the commit: a check now reads the revocation
        self._stamp_marker()
        return count

    def remembered(self, token: str) -> Principal | None:
        """The principal of a token checked within ``recent_s`` (no database, microseconds:
        the service asks this on its event loop before paying a thread hop for
        ``authenticate``); None means "ask ``authenticate``", not "refused"."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 128:
            return None
        self._check_marker()
        return self.recent.get(token_digest(token))

    def authenticate(self, token: str) -> Principal | None:
        """The principal the token belongs to, or None (unknown, revoked, malformed)."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 128:
            return None
        digest = token_digest(token)
        self._check_marker()
        remembered = self.recent.get(digest)
        if remembered is not None:
            return remembered
        generation = self.recent.generation()
        with Session(self.engine) as session:
            found = session.execute(
                select(TokenRow, UserRow)
                .join(UserRow, UserRow.id == TokenRow.user_id)
                .where(TokenRow.token_sha256 == digest)
            ).first()
            if found is None:
                return None
            row, user = found
            if not hmac.compare_digest(row.token_sha256, digest) or row.revoked is not None:
                return None
            principal = Principal(user.id, user.name, Role(user.role), row.id)
            last_used = _aware(row.last_used)
        if last_used is None or _now() - last_used > LAST_USED_RESOLUTION:
            self._touch(principal.token_id)
        self.recent.put(digest, principal, generation)
        return principal

    def _touch(self, token_id: int) -> None:
        """Record use at minute resolution: one write per minute, not per request."""
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(TokenRow).where(TokenRow.id == token_id).values(last_used=_now())
            )

    def list_users(self) -> list[UserInfo]:
        with Session(self.engine) as session:
            users = session.scalars(select(UserRow).order_by(UserRow.name)).all()
            tokens = session.scalars(select(TokenRow)).all()
        return [self._info(user, [t for t in tokens if t.user_id == user.id]) for user in users]

    def get(self, name: str) -> UserInfo:
        with Session(self.engine) as session:
            user = self._user(session, name)
            tokens = session.scalars(select(TokenRow).where(TokenRow.user_id == user.id)).all()
            return self._info(user, list(tokens))

    @staticmethod
    def _info(user: UserRow, tokens: list[TokenRow]) -> UserInfo:
        used = [_aware(t.last_used) for t in tokens if t.last_used is not None]
        return UserInfo(
            name=user.name,
            role=Role(user.role),
            created=_aware(user.created) or _now(),
            active_tokens=sum(1 for t in tokens if t.revoked is None),
            last_used=max((u for u in used if u is not None), default=None),
        )

    @staticmethod
    def _user(session: Session, name: str) -> UserRow:
        user = session.scalar(select(UserRow).where(UserRow.name == name))
        if user is None:
            raise UserError(f"用户不存在：{name}")
        return user

    def count(self) -> int:
        with Session(self.engine) as session:
            return len(session.scalars(select(UserRow.id)).all())
