"""Reviewing claims from the web: accept, correct a count, reject — each a ledger entry with
the user as actor; the item page highlights the claim spans; the CLI manages accounts."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from web_helpers import PASSWORD, Browser

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _ledger(app: FastAPI, kind: str) -> list[dict[str, object]]:
    from factfinder.vault import ledger as ledger_rows

    with app.state.project.read() as conn:
        entries = [ledger_rows.get_entry(conn, s) for s in range(ledger_rows.head_size(conn))]
    return [json.loads(e.entry) for e in entries if e is not None and e.kind == kind]


def test_the_queue_shows_a_claim_beside_its_highlighted_sentence(
    signed_in: dict[str, Browser],
) -> None:
    analyst = signed_in["analyst"]
    page = analyst.client.get("/review")
    assert page.status_code == 200
    m = re.search(r"<h1>Review queue <small>(\d+) pending</small>", page.text)
    assert m is not None and int(m.group(1)) == 5  # the five seed claims
    assert '<mark class="primary" title="claim sentence">' in page.text
    assert 'id="accept"' in page.text and 'id="reject"' in page.text
    assert 'name="killed.civilians.min"' in page.text


def test_accept_correct_and_reject_are_ledgered_with_the_user(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    analyst = signed_in["analyst"]
    claims = analyst.client.get("/api/v1/claims").json()["data"]
    first, second, third = claims[0]["id"], claims[1]["id"], claims[2]["id"]
    # Accept through the page form.
    r = analyst.form(f"/review/{first}", {"decision": "accept"})
    assert r.status_code == 303 and r.headers["location"] == "/review"
    # Correct a count through the page form: only the changed field is recorded.
    page = analyst.client.get(f"/claims/{second}").text
    fields: dict[str, object] = dict(re.findall(r'name="([a-z_.]+)" value="([^"]*)"', page))
    # The places kept are checkboxes of one name: a browser sends each.
    fields["places"] = re.findall(r'name="places" value="([^"]*)" checked', page)
    fields.update(
        {
            "decision": "correct",
            "killed.civilians.min": "30",
            "killed.civilians.max": "35",
            "back": f"/claims/{second}",
        }
    )
    selects = dict(re.findall(r'<select name="([a-z_.]+)">.*?<option selected>([a-z_]+)<', page))
    fields.update(selects)
    fields.pop("csrf_token", None)
    r = analyst.form(f"/review/{second}", fields)
    assert r.status_code == 303, r.text
    corrected = analyst.client.get(f"/api/v1/claims/{second}").json()
    assert corrected["status"] == "corrected"
    assert corrected["claim"]["killed"]["civilians"]["min"] == 30
    assert corrected["claim"]["killed"]["civilians"]["max"] == 35
    assert (
        corrected["extracted"]["killed"]["civilians"] != corrected["claim"]["killed"]["civilians"]
    )
    # Reject through the API (CSRF header with the session).
    r = analyst.client.post(
        f"/api/v1/claims/{third}/review",
        json={"decision": "reject", "reason": "not an incident"},
        headers={"X-CSRF-Token": analyst.csrf},
    )
    assert r.status_code == 200 and r.json()["status"] == "rejected"

    corrections = _ledger(app, "claim.correct")
    assert len(corrections) == 1
    assert corrections[0]["actor"] == "user:analyst"
    assert corrections[0]["payload"]["corrections"] == {
        "killed.civilians": {"min": 30, "max": 35, "text": "corrected by reviewer"}
    }
    assert [e["actor"] for e in _ledger(app, "claim.accept")] == ["user:analyst"]
    assert _ledger(app, "claim.reject")[0]["payload"]["reason"] == "not an incident"
    remaining = analyst.client.get("/api/v1/claims/queue").json()["count"]
    assert remaining == 2


def test_bad_corrections_are_refused_with_the_field_named(signed_in: dict[str, Browser]) -> None:
    analyst = signed_in["analyst"]
    claim = analyst.client.get("/api/v1/claims").json()["data"][0]["id"]
    h = {"X-CSRF-Token": analyst.csrf}
    r = analyst.client.post(
        f"/api/v1/claims/{claim}/review",
        headers=h,
        json={"decision": "correct", "corrections": {"killed.civilians": {"min": 9, "max": 3}}},
    )
    assert r.status_code == 400 and "min 9 > max 3" in r.json()["detail"]
    r = analyst.client.post(
        f"/api/v1/claims/{claim}/review",
        headers=h,
        json={"decision": "correct", "corrections": {"spans": [[0, 1]]}},
    )
    assert r.status_code == 400 and "'spans' cannot be corrected" in r.json()["detail"]
    r = analyst.form(
        f"/review/{claim}",
        {"decision": "correct", "killed.total.min": "many", "killed.total.max": ""},
    )
    assert r.status_code == 400 and "not a whole number" in r.text
    assert analyst.client.get(f"/api/v1/claims/{claim}").json()["status"] == "pending"


def test_the_item_page_highlights_every_claim_span(signed_in: dict[str, Browser]) -> None:
    viewer = signed_in["viewer"]
    items = viewer.client.get("/api/v1/items").json()["data"]
    for item in items:
        detail = viewer.client.get(f"/api/v1/items/{item['id']}").json()
        page = viewer.client.get(f"/items/{item['id']}").text
        assert detail["hash"] in page
        for claim in detail["claims"]:
            assert f'id="claim-{claim["id"]}"' in page
            for sentence in claim["sentences"]:
                from markupsafe import escape

                assert str(escape(sentence.split()[0])) in page
        assert page.count("<mark") >= len(detail["claims"])
        assert "item.acquire" in page and "extract.claims" in page


def test_upload_and_extraction_from_the_web(app: FastAPI, signed_in: dict[str, Browser]) -> None:
    investigator = signed_in["investigator"]
    doc = b"Damascus, 3 May 2017 -- An airstrike killed 7 civilians in Douma, the monitor said."
    r = investigator.client.post(
        "/upload",
        data={"csrf_token": investigator.csrf},
        files=[("files", ("../../etc/douma.txt", doc, "text/plain"))],
    )
    assert r.status_code == 200 and "<b>1</b> new items" in r.text
    r = investigator.form("/runs/extract")
    assert r.status_code == 200 and "Extraction: 1 items extracted" in r.text
    acquired = _ledger(app, "item.acquire")[-1]
    assert acquired["actor"] == "user:investigator"
    assert acquired["payload"]["acquisition"]["custodian"] == "investigator"
    assert acquired["payload"]["acquisition"]["source"].endswith("/douma.txt")
    assert "/etc/" not in acquired["payload"]["acquisition"]["source"]
    assert _ledger(app, "extract.claims")[-1]["actor"] == "user:investigator"


def test_user_commands(seeded_dir: object) -> None:
    from typer.testing import CliRunner

    from factfinder.cli import build_app

    runner = CliRunner()
    cli = build_app()
    r = runner.invoke(
        cli,
        ["user", "add", "gina", "--role", "analyst", "-p", str(seeded_dir), "--password", PASSWORD],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["user", "list", "-p", str(seeded_dir), "--json"])
    listed = {u["username"]: u["role"] for u in json.loads(r.stdout)}
    assert listed["gina"] == "analyst" and listed["admin"] == "admin"
    r = runner.invoke(cli, ["user", "token", "gina", "-p", str(seeded_dir), "--name", "ci"])
    assert r.exit_code == 0 and r.stdout.strip().startswith("fft_")
    r = runner.invoke(
        cli,
        ["user", "add", "gina", "--role", "analyst", "-p", str(seeded_dir), "--password", PASSWORD],
    )
    assert r.exit_code == 1 and "already exists" in r.output
    r = runner.invoke(cli, ["user", "role", "gina", "overlord", "-p", str(seeded_dir)])
    assert r.exit_code == 1 and "not one of" in r.output
    r = runner.invoke(cli, ["serve", str(seeded_dir) + "/nope"])
    assert r.exit_code == 1 and "not a factfinder project" in r.output


def test_claims_are_paged_and_filtered_by_status(signed_in: dict[str, Browser]) -> None:
    analyst = signed_in["analyst"]
    every = analyst.client.get("/api/v1/claims").json()
    assert every["count"] == 5 and len(every["data"]) == 5
    page = analyst.client.get("/api/v1/claims", params={"limit": 2, "offset": 2}).json()
    assert [c["id"] for c in page["data"]] == [c["id"] for c in every["data"][2:4]]
    first = every["data"][0]["id"]
    analyst.client.post(
        f"/api/v1/claims/{first}/review",
        json={"decision": "reject"},
        headers={"X-CSRF-Token": analyst.csrf},
    )
    analyst.client.post(
        f"/api/v1/claims/{first}/review",
        json={"decision": "accept"},
        headers={"X-CSRF-Token": analyst.csrf},
    )
    accepted = analyst.client.get("/api/v1/claims", params={"status": "accepted"}).json()
    assert [c["id"] for c in accepted["data"]] == [first]  # the latest decision counts
    assert analyst.client.get("/api/v1/claims", params={"status": "rejected"}).json()["count"] == 0
    assert analyst.client.get("/api/v1/claims", params={"status": "pending"}).json()["count"] == 4


def test_the_claim_page_shows_the_stance_and_a_reviewer_can_correct_it(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    analyst = signed_in["analyst"]
    claim = analyst.client.get("/api/v1/claims").json()["data"][0]["id"]
    page = analyst.client.get(f"/claims/{claim}").text
    assert '<span class="tag stance-alleges" id="stance">alleges</span>' in page
    assert '<select name="stance">' in page
    r = analyst.form(
        f"/review/{claim}", {"decision": "correct", "stance": "denies", "back": f"/claims/{claim}"}
    )
    assert r.status_code == 303, r.text
    reviewed = analyst.client.get(f"/api/v1/claims/{claim}").json()
    assert reviewed["claim"]["stance"] == "denies"
    assert reviewed["extracted"]["stance"] == "alleges"
    page = analyst.client.get(f"/claims/{claim}").text
    assert '<span class="tag stance-denies" id="stance">denies</span>' in page
    assert _ledger(app, "claim.correct")[0]["payload"]["corrections"] == {"stance": "denies"}
