"""The users area's tables (revision `0301_users`), on the shared `schema.metadata`.

- `users`: accounts; `role` is one of `factfinder.services.access.roles.ROLES`; `password_hash` is an
  argon2id hash (PHC string); `active = 0` disables an account without losing its history.
- `web_sessions`: browser sessions; `id` is the SHA-256 (hex) of the cookie value, so a copy of
  the database does not hand out live sessions; `csrf_token` is the form token of that session.
- `api_tokens`: tokens for scripts; only `token_hash` (`sha256:<hex>` of the token) is stored,
  with a short `prefix` that lets a person tell tokens apart.
- `login_attempts`: failed and successful logins, read by the throttle.
- `restrictions`: what is restricted (victims' and witnesses' personal data): a whole subject
  (`field` "" — e.g. `item:sha256:…`) or one field of it (`claim:17` + `claimant.name`).
- `comments`: analysts' notes on a subject (an item, claim or incident).
- `claim_reviews` (revision 0302): a reviewer's decision on a stored claim — accept, correct (the
  corrected fields as canonical JSON) or reject; the latest decision of a claim is in force.

Revision `0306_users` adds two-factor sign-in: `users.totp_secret` (the enrolled
TOTP secret), `totp_pending` (one being enrolled), `totp_step` (the last time step accepted: a
code is good once), `require_2fa` (an admin requires it of the account) and `recovery_codes`
(one-time codes, stored as `sha256:` hashes).

Revision 0303 adds no table; it once created the incident list's indexes, which the incidents
area's own `0502_incidents` now creates (0303 is kept, empty, for databases stamped with it).

Times are ISO 8601 UTC text, like the vault's.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from factfinder.store import schema_claims  # noqa: F401  (registers `claims`, which claim_reviews refers to)
from factfinder.store.schema import metadata

TIME = String(32)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", Text),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("updated_at", TIME, nullable=False),
    Column("totp_secret", Text),
    Column("totp_pending", Text),
    Column("totp_step", BigInteger),
    Column("require_2fa", Boolean, nullable=False, server_default=false()),
)

recovery_codes = Table(
    "recovery_codes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("code_hash", String(71), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("used_at", TIME),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("expires_at", TIME, nullable=False, index=True),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("prefix", String(16), nullable=False),
    Column("token_hash", String(71), nullable=False, unique=True),
    Column("created_at", TIME, nullable=False),
    Column("expires_at", TIME),
    Column("revoked_at", TIME),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, index=True),
    Column("remote", String(64), nullable=False, index=True),
    Column("at", TIME, nullable=False, index=True),
    Column("ok", Boolean, nullable=False),
)

restrictions = Table(
    "restrictions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject", String(200), nullable=False, index=True),
    Column("field", String(100), nullable=False),  # "" = the whole subject
    Column("reason", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    UniqueConstraint("subject", "field", name="uq_restrictions_subject_field"),
)

# Personal names an investigator released from the rule that restricts every personal name a
# report quotes (`factfinder.services.access.view`): the name as written, its comparison key,
# the item (`item:sha256:…`) it is released in, and why.
name_releases = Table(
    "name_releases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject", String(200), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("name_key", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    UniqueConstraint("subject", "name_key", name="uq_name_releases_subject_name"),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject", String(200), nullable=False, index=True),
    Column("author", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
)

# Revision 0302_users (depends on the claims area's 0201_claims).
claim_reviews = Table(
    "claim_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id"), nullable=False, index=True),
    Column("decision", String(20), nullable=False),  # accept | correct | reject
    Column("corrections", Text, nullable=False),  # canonical JSON {path: value}
    Column("reason", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
)
