"""One article preserved as text, as PDF and as e-mail is one account: a project ingests the
three files, and the linker makes them one incident with one source."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from factfinder.link.accounts import account_key
from factfinder.services import Project
from factfinder.services.claims.extraction import extract_items
from factfinder.services.incidents.commands import link_project
from factfinder.services.incidents.queries import get_incident, list_incidents
from factfinder.services.preserve.ingest import IngestOptions, ingest


def pdf_bytes(paras: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for para in paras:
        pdf.multi_cell(0, 6, para)  # wrapped into lines as a PDF's layout does
        pdf.ln(4)
    return bytes(pdf.output())


TITLE = "Barrel bombs hit Daraya"
BODY = (
    "Helicopters dropped barrel bombs on residential "
    "neighbourhoods of Daraya in Rif Dimashq on 11 May 2016, killing 8 civilians, among them "
    "two women, and wounding dozens."
)


def test_account_keys_ignore_layout_but_not_words() -> None:
    assert account_key("a b") is None  # too short to be a particular account
    long = " ".join(BODY.lower().split())
    assert account_key(long) == account_key(long.replace("neighbourhoods", "neighbour hoods"))
    assert account_key(long) != account_key(long.replace("8 civilians", "9 civilians"))


def test_account_keys_keep_the_letters_and_digits_of_any_script() -> None:
    arabic = (
        "قالت مصادر محلية إن غارات جوية استهدفت سوقاً شعبياً في مدينة أريحا بريف إدلب، "
        "ما أدى إلى مقتل ١٢ مدنياً_ (بينهم نساء) — ٣ أطفال."
    )
    latin = (
        "Des frappes aériennes ont touché le marché d'Ariha, dans la province d'Idleb: "
        "12 civils tués, «dont 3 enfants»_!"
    )
    for text in (arabic, latin, " ".join(BODY.lower().split()) + " _\t½ ²"):
        assert account_key(text) == "".join(ch for ch in text if ch.isalnum())
    assert account_key(arabic).startswith("قالتمصادرمحلية")  # type: ignore[union-attr]
    assert "١٢" in account_key(arabic)  # type: ignore[operator]


def test_one_article_as_text_pdf_and_mail_is_one_incident_with_one_source(tmp_path: Path) -> None:
    txt = tmp_path / "daraya.txt"
    txt.write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    pdf = tmp_path / "daraya.pdf"
    pdf.write_bytes(pdf_bytes([TITLE, BODY]))
    msg = EmailMessage()
    msg["From"] = "monitor desk <desk@example.org>"
    msg["To"] = "intake@example.org"
    msg["Subject"] = f"Fwd: {TITLE}"
    msg["Date"] = "Fri, 13 May 2016 09:00:00 +0000"
    msg.set_content(f"{TITLE}\n\n{BODY}\n")
    eml = tmp_path / "daraya.eml"
    eml.write_bytes(bytes(msg))

    project = Project.init(tmp_path / "project")
    try:
        ingest(project, [str(txt)], IngestOptions(publisher="Reuters", published="2016-05-11"))
        ingest(project, [str(pdf), str(eml)])
        assert extract_items(project, actor="test").claims >= 3
        link_project(project, actor="test")
        found, total, _ = list_incidents(project)
        assert total == 1, [(i.id, i.members) for i in found]
        incident = get_incident(project, found[0].id).incident
        assert len(incident.members) == 3
        assert incident.independent_sources == 1
        # the three copies give one figure from one source, not three
        assert incident.extra["reconciliation"]["killed"]["total"]["sources"] == 1
        assert incident.grade == "weak"
        total_killed = incident.killed.total
        assert total_killed is not None and (total_killed.min, total_killed.max) == (8, 8)
        assert total_killed.standing == "reported"
    finally:
        project.close()
