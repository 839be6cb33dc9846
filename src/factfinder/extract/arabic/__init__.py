"""The Arabic claim reader: the same mentions as the English readers, from Arabic text.

`reads_arabic(doc)` says whether a document goes to this reader (mostly Arabic script once
page furniture is set aside); `other_arabic_script(doc)` marks Persian, Kurdish (Sorani) and
Urdu texts, which are not read at all. `reader.arabic_units(doc, parts)` turns a document into
the `Unit`s that `extract.assemble` builds claims from. The word lists are in `lexicon`, which
the English side reads too: importing this package loads no reader.
"""

from __future__ import annotations

from factfinder.extract.arabic.text import is_arabic, is_other_arabic_script, without_furniture
from factfinder.model import Document


def reads_arabic(doc: Document) -> bool:
    """Whether the document is mostly Arabic script (page furniture aside)."""
    return is_arabic(doc.text)


def other_arabic_script(doc: Document) -> bool:
    """Whether the document is Persian, Kurdish or Urdu written in Arabic script."""
    return is_other_arabic_script(without_furniture(doc.text))


__all__ = ["other_arabic_script", "reads_arabic"]
