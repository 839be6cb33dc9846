"""Item metadata: how the text was read (OCR, or not at all) and the file's modification date.

Revision ID: 0602_metadata
Revises: 0601_metadata
Create Date: 2026-12-06

Scans and images are read by OCR, and an item whose text could not be read says so instead of
being silently empty: `item_metadata.text_status` is NULL (the file's own text), "ocr", or a
phrase beginning "text not read" / "text partly read"; `ocr_confidence` is Tesseract's mean word
confidence (0–100) of an OCR'd text; `file_modified` the date a DOCX, ODF or RTF file records
for its last change. Existing rows keep NULL: they were read as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0602_metadata"
down_revision = "0601_metadata"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("item_metadata", sa.Column("file_modified", sa.String(40)))
    op.add_column("item_metadata", sa.Column("text_status", sa.Text()))
    op.add_column("item_metadata", sa.Column("ocr_confidence", sa.Float()))
