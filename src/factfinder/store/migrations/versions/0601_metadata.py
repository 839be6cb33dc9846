"""Item metadata: the file's own creation date, kept apart from the publication date.

Revision ID: 0601_metadata
Revises: 0001
Create Date: 2026-12-04

A PDF's `CreationDate` or a DOCX's `dcterms:created` says when the file was made (often from a
template, or by whoever saved the copy), not when the document was published. Intake now keeps
it in `item_metadata.file_created` (ISO UTC) and leaves `published` to the person ingesting
or to the page itself. Existing rows keep what they have.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0601_metadata"
down_revision = "0001"
branch_labels = ("metadata",)
depends_on = None


def upgrade() -> None:
    op.add_column("item_metadata", sa.Column("file_created", sa.String(40)))
