"""Mailboxes in the mbox format (what Thunderbird, mutt and Google Takeout export): each
message becomes a member of its own, an RFC 822 message that the e-mail reader then reads
with its attachments. The separator line's envelope sender and date are kept in the member's
origin; the message bytes are written as they stand in the file, without the separator.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factfinder.errors import InputError
from factfinder.intake import parts as mt
from factfinder.intake.parts import Part
from factfinder.intake.sink import LimitExceeded

if TYPE_CHECKING:
    from factfinder.intake.sink import MemberSink


def members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each message of the mailbox, in file order (`label#1`, `label#2`, …)."""
    try:
        box = mailbox.mbox(container.path, create=False)
        keys = list(box.iterkeys())
    except (OSError, mailbox.Error) as exc:
        raise InputError(container.label, f"unreadable mailbox ({exc})", stage="intake") from exc
    try:
        for n, key in enumerate(keys, start=1):
            label = f"{container.label}#{n}"
            try:
                message = box.get_message(key)
                data = box.get_bytes(key)
            except (LimitExceeded, InputError):
                raise
            except Exception as exc:  # a damaged message: the others are still read
                yield sink.failure(label, f"unreadable message ({type(exc).__name__}: {exc})", exc)
                continue
            origin = {"mbox_message": str(n)}
            separator = message.get_from()
            if separator:
                origin["mbox_from"] = separator
            yield sink.write(
                label, [data], name=f"message-{n}.eml", declared=mt.EMAIL, origin=origin
            )
    finally:
        box.close()
