"""The case report as PDF: the HTML report laid out by WeasyPrint (print styles in report.css).

WeasyPrint needs Pango (installed by `scripts/setup.sh`); it is imported here, inside the
function, so nothing else in factfinder pays for it. The PDF carries no creation time of its own:
its metadata date is the checkpoint's time, so a PDF rebuilt from the same checkpoint is the same.
"""

from __future__ import annotations

from factfinder.errors import FactfinderError


def render_pdf(html: str, *, created: str | None = None) -> bytes:
    """Lay out `html` as an A4 PDF; `created` (ISO time) becomes the document's date."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise FactfinderError(
            f"PDF output needs WeasyPrint and Pango ({exc}); run scripts/setup.sh or use "
            "--format html"
        ) from exc
    document = HTML(string=html).render()
    if created is not None:
        document.metadata.created = created
        document.metadata.modified = created
    pdf: bytes = document.write_pdf()
    return pdf
