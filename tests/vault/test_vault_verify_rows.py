"""Every row that carries meaning is bound to the ledger: an edit, insertion or deletion made
with SQL behind factfinder's back, in any table, makes `verify` fail naming the table and the
row (on SQLite and PostgreSQL); the trust anchor and a checkpoint kept outside catch a re-keyed
or rolled-back project."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text
from vault_inputs import tamper_with

from factfinder.services import Project
from factfinder.services.access.commands import (
    add_comment,
    add_user,
    create_token,
    release_name,
    restrict,
    set_role,
)
from factfinder.services.cases.commands import add_incidents, add_note, create_case
from factfinder.services.claims.extraction import extract_items
from factfinder.services.claims.queries import list_claims
from factfinder.services.claims.review import decide
from factfinder.services.incidents.commands import confirm, link_project
from factfinder.services.preserve.checkpoints import make_checkpoint
from factfinder.services.preserve.ingest import IngestOptions, ingest
from factfinder.services.verification import verify_project
from factfinder.store.schema_incidents import incidents, link_runs
from factfinder.vault.signing import SigningKey, sign_checkpoint
from factfinder.vault.verify import VerifyReport

Tamper = Callable[..., None]
SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"
PW = "a long enough password"


@dataclass
class Record:
    project: Project
    claim: int
    incident: str
    run: int


def _record(project: Project) -> Record:
    """Every kind of row in `project`, each written through the services and verified."""
    ingest(
        project,
        [str(SEEDS / "000_333615f24a6eccba.txt"), str(SEEDS / "004_6af2a3e425f5ce01.txt")],
        IngestOptions(custodian="intake desk", checkpoint=True),
    )
    extract_items(project, actor="cli:analyst")
    claim = list_claims(project)[0].id
    decide(project, claim, "accept", reason="matches the letter", actor="cli:analyst")
    decide(
        project,
        claim,
        "correct",
        corrections={"killed.civilians": {"min": 79, "max": 79, "text": "79"}},
        reason="the letter says 79",
        actor="cli:analyst",
    )
    link_project(project, actor="cli:analyst")
    with project.read() as conn:
        run = int(conn.execute(select(link_runs.c.id).order_by(link_runs.c.id.desc())).scalar())
        incident = str(
            conn.execute(
                select(incidents.c.incident_id)
                .where(incidents.c.run_id == run)
                .order_by(incidents.c.incident_id)
            ).scalar()
        )
    confirm(project, incident, reason="two sources", actor="cli:investigator")
    with project.read() as conn:
        run = int(conn.execute(select(link_runs.c.id).order_by(link_runs.c.id.desc())).scalar())
    add_user(project, "vera", PW, "viewer", actor="cli:root")
    add_user(project, "ivan", PW, "investigator", actor="cli:root")
    set_role(project, "ivan", "analyst", actor="cli:root")
    create_token(project, "ivan", "script", actor="cli:root")
    restrict(project, f"claim:{claim}", "claimant.name", reason="a witness", actor="cli:ivan")
    add_comment(project, f"claim:{claim}", "Check the figure", actor="cli:ivan")
    case = create_case(project, "Hajin", description="Strikes on Hajin", actor="cli:ivan")
    add_incidents(project, case.id, [incident], actor="cli:ivan")
    add_note(project, case.id, "Witness list requested", actor="cli:ivan")
    make_checkpoint(project)
    report = verify_project(project)
    assert report.ok, report.problems
    return Record(project, claim, incident, run)


@pytest.fixture
def record(project: Project) -> Record:
    return _record(project)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Record:
    """The same record on SQLite, made once and closed: `record_copy` copies its folder."""
    project = Project.init(tmp_path_factory.mktemp("pristine") / "project")
    with project:
        return _record(project)


@pytest.fixture
def record_copy(pristine: Record, tmp_path: Path) -> Iterator[Record]:
    """A copy of the pristine record's project (its database, blobs and keys), opened."""
    root = tmp_path / "project"
    shutil.copytree(pristine.project.root, root)
    with Project.open(root) as project:
        yield Record(project, pristine.claim, pristine.incident, pristine.run)


def failing(project: Project, **kwargs: object) -> VerifyReport:
    report = verify_project(project, **kwargs)  # type: ignore[arg-type]
    assert not report.ok
    return report


def named(report: VerifyReport) -> set[tuple[str | None, str | None]]:
    return {(p.table, p.row) for p in report.problems}


def test_a_claims_figures_edited(record: Record, tamper: Tamper) -> None:
    with record.project.read() as conn:
        body = conn.execute(text(f"SELECT claim FROM claims WHERE id = {record.claim}")).scalar()
    edited = str(body).replace('"killed"', '"killed_was"')
    assert edited != body
    tamper("UPDATE claims SET claim = :c WHERE id = :i", c=edited, i=record.claim)
    report = failing(record.project)
    assert ("claims", str(record.claim)) in named(report)
    assert any("does not hash to what the entry bound" in p.message for p in report.problems)


def test_a_claims_column_edited(record: Record, tamper: Tamper) -> None:
    tamper("UPDATE claims SET event_type = 'shelling_x' WHERE id = :i", i=record.claim)
    assert ("claims", str(record.claim)) in named(failing(record.project))


def test_a_claim_deleted(record: Record, tamper: Tamper) -> None:
    with record.project.read() as conn:
        last = conn.execute(text("SELECT max(id) FROM claims")).scalar()
    tamper(
        "DELETE FROM claim_spans WHERE claim_id = :i", "DELETE FROM claims WHERE id = :i", i=last
    )
    report = failing(record.project)
    assert [p.code for p in report.problems if p.table == "claims"] == ["claim.missing"]
    assert "deleted" in report.problems[0].message


def test_a_correction_edited(record: Record, tamper: Tamper) -> None:
    tamper(
        "UPDATE claim_reviews SET corrections = :c WHERE decision = 'correct'",
        c='{"killed.civilians":{"max":4300,"min":4300,"text":"4,300"}}',
    )
    report = failing(record.project)
    with record.project.read() as conn:
        review = conn.execute(
            text("SELECT id FROM claim_reviews WHERE decision = 'correct'")
        ).scalar()
    assert ("claim_reviews", str(review)) in named(report)
    assert any("corrections differ" in p.message for p in report.problems)


def test_a_review_deleted(record: Record, tamper: Tamper) -> None:
    tamper("DELETE FROM claim_reviews WHERE decision = 'accept'")
    codes = [p.code for p in failing(record.project).problems]
    assert codes == ["review.missing"]


def test_a_restriction_deleted(record: Record, tamper: Tamper) -> None:
    tamper("DELETE FROM restrictions")
    report = failing(record.project)
    assert [(p.code, p.table) for p in report.problems] == [("restriction.missing", "restrictions")]
    assert f"claim:{record.claim} claimant.name" in report.problems[0].message


def test_a_restriction_added(record: Record, tamper: Tamper) -> None:
    tamper(
        "INSERT INTO restrictions (subject, field, reason, created_by, created_at, seq) "
        "VALUES ('claim:1', '', 'x', 'cli:x', '2026-01-01T00:00:00.000000Z', 0)"
    )
    assert [p.code for p in failing(record.project).problems] == ["restriction.unrecorded"]


def test_a_users_role_raised(record: Record, tamper: Tamper) -> None:
    tamper("UPDATE users SET role = 'admin' WHERE username = 'vera'")
    report = failing(record.project)
    with record.project.read() as conn:
        vera = conn.execute(text("SELECT id FROM users WHERE username = 'vera'")).scalar()
    assert named(report) == {("users", str(vera))}
    assert "role 'admin' (the ledger says 'viewer')" in report.problems[0].message


def test_a_password_hash_replaced(record: Record, tamper: Tamper) -> None:
    with record.project.read() as conn:
        ivan = conn.execute(text("SELECT password_hash FROM users WHERE username = 'ivan'"))
        other = ivan.scalar()
    tamper("UPDATE users SET password_hash = :h WHERE username = 'vera'", h=other)
    assert [p.code for p in failing(record.project).problems] == ["user.altered"]


def test_a_user_inserted_and_one_deleted(record: Record, tamper: Tamper) -> None:
    tamper(
        "DELETE FROM api_tokens",
        "DELETE FROM users WHERE username = 'ivan'",
        "INSERT INTO users (username, role, password_hash, active, created_at, updated_at) "
        "VALUES ('mallory', 'admin', 'x', true, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    codes = sorted(p.code for p in failing(record.project).problems)
    assert codes == ["token.missing", "user.missing", "user.unrecorded"]


def test_a_token_inserted(record: Record, tamper: Tamper) -> None:
    tamper(
        "INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at) "
        "VALUES (1, 'backdoor', 'fft_x', 'sha256:00', '2026-01-01T00:00:00Z')"
    )
    assert [(p.code, p.table) for p in failing(record.project).problems] == [
        ("token.unrecorded", "api_tokens")
    ]


def test_a_comment_edited_and_deleted(record: Record, tamper: Tamper) -> None:
    tamper("UPDATE comments SET body = 'All fine'")
    report = failing(record.project)
    assert [(p.code, p.table, p.row) for p in report.problems] == [
        ("comment.altered", "comments", "1")
    ]
    tamper("DELETE FROM comments")
    assert [p.code for p in failing(record.project).problems] == ["comment.missing"]


def test_a_name_release_slipped_in_edited_and_deleted(record: Record, tamper: Tamper) -> None:
    # a release shows a protected name to every reader: one written behind the ledger's back
    # would un-redact it
    with record.project.read() as conn:
        item = str(conn.execute(text("SELECT hash FROM items ORDER BY id")).scalar())
    subject = f"item:sha256:{item.removeprefix('sha256:')}"
    tamper(
        "INSERT INTO name_releases (subject, name, name_key, reason, created_by, created_at, seq) "
        f"VALUES ('{subject}', 'Samira Nouri', 'samira nouri', 'x', 'cli:ivan', "
        "'2026-01-01T00:00:00Z', 1)"
    )
    assert [(p.code, p.table) for p in failing(record.project).problems] == [
        ("name_release.unrecorded", "name_releases")
    ]
    tamper("DELETE FROM name_releases")
    release_name(record.project, subject, "Samira Nouri", reason="on the record", actor="cli:ivan")
    assert verify_project(record.project).ok
    tamper("UPDATE name_releases SET name = 'Khalil Haddad'")
    assert [p.code for p in failing(record.project).problems] == ["name_release.altered"]
    tamper("DELETE FROM name_releases")
    assert [p.code for p in failing(record.project).problems] == ["name_release.missing"]


def test_a_case_edited(record: Record, tamper: Tamper) -> None:
    tamper("UPDATE case_notes SET text = 'nothing requested'")
    assert [p.code for p in failing(record.project).problems] == ["case.altered"]


def test_an_incidents_figures_and_grade_edited(record: Record, tamper: Tamper) -> None:
    tamper(
        "UPDATE incidents SET civilians_min = 7, civilians_max = 7 "
        "WHERE run_id = :r AND incident_id = :i",
        r=record.run,
        i=record.incident,
    )
    assert (
        "incidents",
        f"{record.run}/{record.incident}",
    ) in named(failing(record.project))


def test_an_assessment_edited(record: Record, tamper: Tamper) -> None:
    tamper(
        "UPDATE incident_assessments SET grade = 'confirmed', rules_grade = 'confirmed' "
        "WHERE run_id = :r AND incident_id = :i",
        r=record.run,
        i=record.incident,
    )
    assert ("incident_assessments", f"{record.run}/{record.incident}") in named(
        failing(record.project)
    )


def test_a_decision_and_a_link_run_deleted(record: Record, tamper: Tamper) -> None:
    tamper("DELETE FROM incident_decisions")
    report = failing(record.project)
    assert [(p.code, p.table) for p in report.problems] == [
        ("incident.missing", "incident_decisions")
    ]
    tamper(
        "DELETE FROM incident_search",
        "DELETE FROM incident_assessments WHERE run_id = :r",
        "DELETE FROM incident_members WHERE run_id = :r",
        "DELETE FROM incidents WHERE run_id = :r",
        "DELETE FROM link_runs WHERE id = :r",
        r=record.run,
    )
    found = {(p.code, p.table) for p in failing(record.project).problems}
    assert ("incident.missing", "link_runs") in found


def test_a_case_note_deleted(record: Record, tamper: Tamper) -> None:
    tamper("DELETE FROM case_notes")
    report = failing(record.project)
    assert [(p.code, p.table) for p in report.problems] == [("case.missing", "case_notes")]


def test_the_custody_actor_of_an_acquisition(record: Record, tamper: Tamper) -> None:
    tamper("UPDATE acquisitions SET actor = 'cli:someone-else' WHERE seq = 0")
    assert named(failing(record.project)) == {("acquisitions", "0")}


def test_the_actor_column_of_a_ledger_entry(record: Record, tamper: Tamper) -> None:
    tamper("UPDATE ledger SET actor = 'cli:someone-else' WHERE seq = 1")
    report = failing(record.project)
    assert named(report) == {("ledger", "1")}
    assert "'cli:someone-else'" in report.problems[0].message


def test_a_deleted_checkpoint(record: Record, tamper: Tamper) -> None:
    tamper("DELETE FROM checkpoints WHERE id = 1")
    report = failing(record.project)
    assert [(p.code, p.table, p.row) for p in report.problems] == [
        ("checkpoint.missing", "checkpoints", "1")
    ]


def test_a_re_keyed_project_fails_against_the_pinned_fingerprint(record: Record) -> None:
    """An insider replaces the key and re-signs every checkpoint: the project verifies with its
    own new key, but not against the fingerprint pinned at init or a key kept outside."""
    project = record.project
    old_key = project.public_key
    pinned = project.config.key_fingerprint
    assert pinned == old_key.key_id
    keys = project.root / "keys"
    for name in ("ledger.key", "ledger.pub.pem", "ledger.pub.hex"):
        (keys / name).unlink()
    new = SigningKey.generate()
    new.save(keys / "ledger.key", keys / "ledger.pub.pem", keys / "ledger.pub.hex")
    with project.engine.begin() as conn:
        rows = conn.execute(text("SELECT id, size, root, created_at FROM checkpoints")).all()
    statements = []
    for cid, size, root, at in rows:
        cp = sign_checkpoint(new, project.log_id, size, root, at)
        statements.append(
            f"UPDATE checkpoints SET key_id = '{cp.key_id}', signature = '{cp.signature}' "
            f"WHERE id = {cid}"
        )
    with project.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            for action in ("update", "delete"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS checkpoints_no_{action}"))
        for stmt in statements:
            conn.execute(text(stmt))
    reopened = Project.open(project.root)
    try:
        report = failing(reopened)
        codes = {p.code for p in report.problems}
        assert "key.fingerprint" in codes
        assert any(pinned in p.message for p in report.problems if p.code == "key.fingerprint")
        assert any(w.startswith("verify trusted the key found inside") for w in report.warnings)
        outside = failing(reopened, key=old_key)
        assert {p.code for p in outside.problems} >= {"checkpoint.signature"}
        assert outside.warnings == ()
        assert "key.fingerprint" in {p.code for p in failing(reopened, fingerprint=pinned).problems}
    finally:
        reopened.close()


def test_a_rollback_fails_against_a_kept_checkpoint(project: Project, tmp_path: Path) -> None:
    """A copy of the database and blobs taken earlier, put back later: it verifies on its own,
    but not against the checkpoint kept outside after the copy was taken."""
    if project.engine.dialect.name != "sqlite":
        pytest.skip("copies the SQLite file and the blob folder")
    ingest(project, [str(SEEDS / "000_333615f24a6eccba.txt")], IngestOptions(checkpoint=True))
    db = Path(str(project.engine.url.database))
    project.engine.dispose()
    saved = tmp_path / "saved"
    saved.mkdir()
    shutil.copy2(db, saved / db.name)
    shutil.copytree(project.root / "blobs", saved / "blobs")
    ingest(project, [str(SEEDS / "004_6af2a3e425f5ce01.txt")], IngestOptions(checkpoint=False))
    kept = make_checkpoint(project)
    kept_file = tmp_path / "kept.json"
    kept_file.write_text(json.dumps(kept.to_json()), encoding="utf-8")
    assert verify_project(project, against=kept).ok
    project.engine.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy2(saved / db.name, db)
    shutil.rmtree(project.root / "blobs")
    shutil.copytree(saved / "blobs", project.root / "blobs")
    rolled = Project.open(project.root)
    try:
        assert verify_project(rolled).ok  # on its own, the older copy is consistent
        report = failing(rolled, against=kept)
        assert [p.code for p in report.problems] == ["checkpoint.rollback"]
        assert "rolled back" in report.problems[0].message
    finally:
        rolled.close()


# Rows of the later stages edited behind factfinder's back, one statement each: `verify` names
# each changed row by its table and id, with what differs. Rows are written with the record's
# ids: {claim} (the first claim), {run} (the latest link run), {incident} (its first incident),
# {member} (that incident's first member claim).
STAGE_TAMPERING = [
    (
        "UPDATE claims SET claim = '{{' WHERE id = {claim}",
        [("claim.altered", "claims", "{claim}")],
        "its claim is not JSON",
    ),
    (
        "UPDATE claims SET confidence = 0.01 WHERE id = {claim}",
        [("claim.altered", "claims", "{claim}")],
        "confidence 0.01 is not its claim's",
    ),
    (
        "UPDATE claim_spans SET start = start + 1 WHERE claim_id = {claim}",
        [("claim.altered", "claims", "{claim}")],
        "its spans are not its claim's",
    ),
    (
        "UPDATE claims SET extractor = 'hand-1' WHERE id = {claim}",
        [("claim.altered", "claims", "{claim}")],
        "extractor 'hand-1' is not the entry's",
    ),
    (
        "UPDATE claims SET seq = 0 WHERE id = {claim}",
        [("claim.unrecorded", "claims", "{claim}")],
        "which recorded no extraction",
    ),
    (
        "UPDATE claim_reviews SET seq = 0 WHERE decision = 'accept'",
        [("review.unrecorded", "claim_reviews", "1"), ("review.missing", "claim_reviews", None)],
        "claims ledger entry 0, which recorded no review",
    ),
    (
        "UPDATE link_runs SET actor = 'cli:mallory' WHERE id = {run}",
        [("incident.altered", "link_runs", "{run}")],
        "link run {run}: actor differ from ledger entry",
    ),
    (
        "UPDATE incidents SET body = '{{' WHERE run_id = {run} AND incident_id = '{incident}'",
        [("incident.altered", "incidents", "{run}")],
        "the incidents of link run {run} are not what ledger entry",
    ),
    (
        "UPDATE incident_members SET score = 9.5 "
        "WHERE run_id = {run} AND incident_id = '{incident}' AND ordinal = 0",
        [("incident.altered", "incident_members", "{run}/{member}")],
        "member claim {member}'s ordinal, score or features differ from its body",
    ),
    (
        "UPDATE incident_assessments SET incident_id = 'inc-999999' "
        "WHERE run_id = {run} AND incident_id = '{incident}'",
        [
            ("incident.missing", "incident_assessments", "{run}/{incident}"),
            ("incident.altered", "incident_assessments", "{run}/inc-999999"),
        ],
        "the assessment of inc-999999 in link run {run} has no incident",
    ),
    (
        "UPDATE incident_decisions SET payload = '{{}}'",
        [("incident.altered", "incident_decisions", "1")],
        "decision 1 on {incident} is not what ledger entry",
    ),
]


@pytest.mark.parametrize(("statement", "expected", "message"), STAGE_TAMPERING)
def test_a_later_stages_row_edited_is_named(
    record_copy: Record,
    statement: str,
    expected: list[tuple[str, str, str | None]],
    message: str,
) -> None:
    record = record_copy
    with record.project.read() as conn:
        member = conn.execute(
            text(
                "SELECT claim_id FROM incident_members WHERE run_id = :r AND incident_id = :i "
                "AND ordinal = 0"
            ),
            {"r": record.run, "i": record.incident},
        ).scalar()
    ids = {"claim": record.claim, "run": record.run, "incident": record.incident, "member": member}
    tamper_with(record.project, statement.format(**ids))
    report = failing(record.project)
    found = {(p.code, p.table, p.row) for p in report.problems}
    for code, table, row in expected:
        if row is None:
            assert any((c, t) == (code, table) for c, t, _ in found), (code, table, found)
        else:
            assert (code, table, row.format(**ids)) in found
    assert any(message.format(**ids) in p.message for p in report.problems)
