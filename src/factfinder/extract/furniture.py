"""Page furniture of captured web pages: the platform's words around a post, not the post.

A capture of an X/Twitter post, a Facebook post, a Telegram channel or a YouTube page carries
the platform's interface with the text: "Copy link to Tweet", "Replying to @…", "1.2K Likes",
"All reactions:", "Like Comment Share", "Shared with Public", "See translation", "Telegram
Widget", "8.1K views", the YouTube footer. None of it states anything about an incident, and
read as prose it yields false counts ("1.2K Likes"), places (a handle such as "@IdlibMedia")
and claims. This module finds it so that the extractor can read past it.

* `furniture_spans(text)` — the `[start, end)` spans of furniture, as `Furniture(start, end,
  block)`. A *block* span is interface text that stands between statements (a UI line, a glued
  "All reactions:…LikeComment" run, an author line "Name @handle"): sentences are cut at its
  edges. A byline on its own line ("By Alicia Medina", "By AFP | April 22, 2022") is a block
  span too. A non-block span lies inside prose (an @handle, a link) and is only blanked.
  Timestamps ("2:22 PM · Dec 1, 2024", "Nov 30") are never furniture: they date the post, and
  the date finder reads them.
* `reading_text(text)` — the text the extractor reads claims, counts, actors and places from:
  the same length as `text` (every offset is the same), furniture replaced by spaces (line
  breaks kept), and hashtags read as words: the "#" of "#Idlib" and the "_" of "#Deir_ez_Zor"
  become spaces.
* `hashtag_phrases(text)` — CamelCase hashtags ("#IdlibMassacre", "#StopBombingAfrin") as the
  words they join ("Idlib Massacre"), with the document offset of every character of the
  phrase, so that a place found in the phrase maps back into the text.
* `is_furniture(text, start, end, spans)` — whether a range holds nothing but furniture.
* `related_spans(text)` — a news site's lists of other articles ("Related articles", "مقالات
  ذات صلة", "الأكثر قراءة" and the headlines under them): block furniture too, since their
  figures and places are other incidents'.

The patterns are the generic interface strings of the platforms (English interface); they
name no outlet, account or place. A language reader (Arabic posts in English page furniture)
routes on `reading_text` as the English reader does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factfinder.extract.gates import Gate
from factfinder.vocab import MONTH_ABBREVIATIONS, MONTH_NAMES

# Interface phrases that never occur in a report's own prose; they may be glued to the words
# around them ("Shared with PublicAt least five …", "All reactions:312 commentsLikeComment").
_UI_PHRASES = [
    # X / Twitter
    r"Copy\s+link\s+to\s+(?:Tweet|post)",
    r"Embed\s+(?:Tweet|post)",
    r"Report\s+(?:Tweet|post|NetzDG\s+Violation)",
    r"Show\s+(?:this\s+thread|more\s+replies|replies|additional\s+replies[^\n]*?(?:\.|$))",
    r"Replying\s+to(?:\s*(?:,|and)?\s*@\w+)+(?:\s+and\s+\d+\s+others?)?",
    r"Translate\s+(?:post|Tweet)",
    r"Translated\s+from\s+[A-Z]\w+(?:\s+by\s+Google)?",
    r"Rate\s+this\s+translation",
    r"Quote\s+(?:Tweets?|posts?)",
    r"Read\s+\d[\d,.]*[KkM]?\s+(?:replies|comments)",
    r"Read\s+more\s+on\s+(?:X|Twitter)",
    r"Thanks\.\s+Twitter\s+will\s+use\s+this\s+to\s+make\s+your\s+timeline\s+better\.",
    r"Back\s+to\s+top(?:\s*↑)?",
    r"Loading\s+seems\s+to\s+be\s+taking\s+a\s+while\.",
    r"Twitter\s+may\s+be\s+over\s+capacity[^\n]*",
    r"Something\s+went\s+wrong\.\s+Try\s+reloading\.",
    r"See\s+new\s+posts",
    r"Post\s+your\s+reply",
    r"Don[’']t\s+miss\s+what[’']s\s+happening",
    r"People\s+on\s+X\s+are\s+the\s+first\s+to\s+know\.",
    r"New\s+to\s+X\?",
    r"Sign\s+up\s+now\s+to\s+get\s+your\s+own\s+personalized\s+timeline!?",
    r"Terms\s+of\s+Service\s*\|?\s*Privacy\s+Policy\s*\|?\s*Cookie\s+Policy[^\n]*?"
    r"(?:©\s*\d{4}\s+X\s+Corp\.?|$)",
    # Facebook
    r"All\s+reactions:?(?:\s*\d[\d.,]*[KkM]|\s*\d[\d.,]*+(?!\s*(?:comments?|shares?)))?",
    r"Most\s+relevant(?:\s+is\s+selected,\s+so\s+some\s+comments\s+may\s+have\s+been\s+filtered\s+out\.)?",
    r"All\s+comments",
    r"Newest(?:\s+first)?(?=\n|$)",
    r"Write\s+a\s+(?:public\s+)?comment\s*(?:…|\.\.\.)?",
    r"(?:See|Hide)\s+translation",
    r"See\s+original",
    r"Shared\s+with\s+(?:Public|Friends|Custom|Only\s+me)",
    r"Verified\s+account",
    r"Top\s+fan",
    r"View\s+(?:all\s+)?\d+\s+(?:more\s+)?(?:repl(?:y|ies)|comments?)",
    r"View\s+more\s+(?:comments|replies)",
    r"replied\s+·\s+\d+\s+Repl(?:y|ies)",
    r"Liked\s+by\s+[^\n]{0,60}?\s+and\s+[\d,.]+[KkM]?\s+others",
    r"(?:…|\.\.\.)\s*See\s+more(?=\s|$)",
    # Telegram
    r"Telegram\s+Widget",
    r"^[ \t]*Forwarded\s+from\b[^\n.,;:!?]{0,60}$",
    r"VIEW\s+IN\s+TELEGRAM",
    r"If\s+you\s+have\s+Telegram,\s+you\s+can\s+view\s+and\s+join[^\n]*",
    r"You\s+can\s+view\s+and\s+join\s+@\w+\s+right\s+away\.",
    r"(?:Open\s+in|Download)\s+Telegram",
    r"Preview\s+channel",
    r"Pinned\s+message",
    # YouTube
    r"About\s*Press\s*Copyright\s*Contact\s*us\s*Creators\s*Advertise\s*Developers\s*Terms\s*"
    r"Privacy\s*Policy\s*&\s*Safety\s*How\s*YouTube\s*works(?:\s*Test\s*new\s*features)?"
    r"(?:\s*NFL\s*Sunday\s*Ticket)?(?:\s*©\s*\d{4}\s*Google\s*LLC)?",
    r"Add\s+a\s+comment\s*(?:…|\.\.\.)?",
    r"(?:…|\.\.\.)more[ \t]*$",
    r"\d[\d,.]*[KkM]?\s+subscribers",
    r"-\s+YouTube(?=\s|$)",
    # Share bars
    r"Share\s+(?:this|on)\s+(?:article|post|story|Facebook|Twitter|X|WhatsApp|Telegram)",
    # Runs of action words, glued or spaced: "Like Comment Share", "LikeComment", "ReplyRetweet".
    r"(?:(?:Like|Liked|Comment|Share|Send|Reply|Retweet|Retweeted|Repost|Quote|"
    r"Follow|Undo)\s*){2,}(?![a-z])",
    # Engagement figures: "1.2K Likes", "312 comments", "0 retweets", "8.8K views".
    r"\d[\d,.]*\s*[KkM]?\s*(?:likes?|Likes?|comments?|Comments?|shares?|Shares?|retweets?|"
    r"Retweets?|reposts?|Reposts?|repl(?:y|ies)|Repl(?:y|ies)|views?|Views?|bookmarks?|"
    r"Bookmarks?|reactions?|Reactions?|Quotes?)(?![a-z])",
    # Facebook comment ages glued to the next control: "2yTop fan", "12wView all 3 replies".
    r"(?<![\w,.])\d{1,2}[wdhy](?=Top|View|Reply|Like|Most|Author|\s*$)",
]
_UI = [re.compile(p, re.MULTILINE) for p in _UI_PHRASES]
# A Facebook comment section, from its sort control to the end of the capture: readers'
# comments, not the post.
_COMMENTS = re.compile(
    r"(?:(?<=Like)|(?<=Comment)|(?<=Share)|(?<=comments)|(?<=comment)|(?<=shares)|(?<=share)|^)"
    # The control stands alone on its line or runs into the first comment ("Most relevantAbu …").
    r"[ \t]*(?:Most\s+relevant|All\s+comments|Newest)(?=[ \t]*$|[^\sa-z])[\s\S]*",
    re.MULTILINE,
)

# Lines that are nothing but interface words (each alone would be an ordinary word in prose).
_UI_WORD = (
    r"(?:Like|Liked|Comment|Comments|Share|Shares|Reply|Replies|Retweet|Retweeted|Repost|"
    r"Reposted|Quote|Undo|More|Follow|Following|Subscribe|Subscribed|Save|Send|Download|Views|"
    r"Post|Translate|Edited|Author|Conversation|Facebook|Telegram|YouTube|WhatsApp|Twitter|X|"
    r"Reels|See\s+more|Show\s+more|Show\s+less|Report|Embed|Transcript|Sort\s+by|Channel|"
    r"Photos?|Videos?|Messenger|Copy\s+link|Log\s+in|Sign\s+up|Trending\s+now|Pinned|"
    r"Who\s+to\s+follow|Relevant\s+people|What[’']s\s+happening|Advertisement)"
)
_UI_LINE = re.compile(
    rf"^[ \t·|•]*(?:(?:{_UI_WORD}|\d[\d,.]*[KkM]?)[ \t·|•:]*)+$",
    re.MULTILINE,
)
# "Facebook Name's Post", "Name's Post"; an author line "Name @handle · 2h".
_POST_OF = re.compile(
    r"^[ \t]*(?:Facebook)?[^\n]{0,80}?['’]s\s+(?:Post|post|Reel|Video)[ \t]*$", re.M
)
_AUTHOR = re.compile(
    r"^[ \t]*(?:[^\W_a-z][^\s@]*[ \t\u200e\u200f]*){0,6}@[A-Za-z0-9_]{2,15}"
    r"(?:[ \t]*·[ \t]*(?:Follow|\d+[smhd]))?[ \t]*$",
    re.MULTILINE,
)
# A byline on its own line: "By Alicia Medina", "By Suleiman Al-Khalidi and Ellen Francis in
# Amman", "By AFP | April 22, 2022": the names are the authors', never places or parties.
_BYLINE = re.compile(
    r"^[ \t]*By[ \t]+(?!(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    + "|".join(m.title() for m in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))
    + r"|Then|Now|Late|Early|Noon|Midnight|Dawn|Nightfall|Evening|Morning)\b)"
    r"[A-Z][\w'’.-]*(?:(?:[ \t]+|,[ \t]*)(?:(?:and|&|in|for|al|el|bin|de)[ \t]+)?"
    r"[A-Z][\w'’.-]*){0,7}"
    # then a date, a time or an outlet: capitalised words and figures only
    r"(?:[ \t]*[|·•,–—-][ \t]*(?:(?:[A-Z0-9][\w'’.:]*|at|on)[ \t,|·•–—-]*){0,8})?[ \t]*$",
    re.MULTILINE,
)
# A display name glued to its handle at the head of a line, the post glued after it
# ("ConversationIdlib Online@idleb_onlineBREAKING …"): X handles are ASCII, 15 characters at most.
# A post that opens with a count glues it to the handle ("SOHR@syriahr2 children killed"): digits
# before a space and a lower-case word open the post, since a post's first word is not "children".
_AUTHOR_GLUED = re.compile(
    r"^[ \t]*(?:Conversation)?[^\n@.!?,;:()\[\]]{1,60}?(?<=[^\W_]|[\u200e\u200f])"
    r"@(?:[A-Za-z0-9_]{0,14}[A-Za-z_](?=\d{1,5}\s+[a-z])|[A-Za-z0-9_]{2,15}+(?!\.[a-z]))",
    re.MULTILINE,
)
# Inside prose: handles and the platforms' own links (a page's URL keeps its words: its slug
# may be all a source line says).
_INLINE = re.compile(
    r"(?<!@)@(?:[A-Za-z0-9_]{0,14}[A-Za-z_](?=\d{1,5}\s+[a-z])|[A-Za-z0-9_]{2,15}+(?!\.[a-z]))|"
    r"\bpic\.twitter\.com/\w+|\bt\.me/\S+"
)

_HASHTAG = re.compile(r"(?<![\w#&])#(?P<tag>[^\W\d_][\w]*)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")


@dataclass(frozen=True, slots=True)
class Furniture:
    """A span of page furniture; `block` when it stands between statements (cut sentences there)."""

    start: int
    end: int
    block: bool = True


@dataclass(frozen=True, slots=True)
class HashtagPhrase:
    """A CamelCase hashtag read as words: `text` ("Idlib Massacre") and, for every character of
    it, its offset in the document (`offsets[i]`; a space added between words takes the offset
    of the letter after it)."""

    start: int
    end: int
    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The document span of the phrase's characters `[start, end)`."""
        return self.offsets[start], self.offsets[end - 1] + 1


# A news site's lists of other articles: a heading alone on its line ("Related articles", "Read
# also", "Most read", "مقالات ذات صلة", "اقرأ أيضاً", "الأكثر قراءة", "المزيد من مقالات حول …"),
# then the headlines of other stories, one short line each. Their figures, places and dates are
# other incidents': the block runs from the heading over every following short line and ends at
# the first paragraph (a line longer than `_HEADLINE_MAX`, or one ending as a sentence does),
# where the article may go on.
_RELATED_HEADING = re.compile(
    r"^[ \t]*(?:"
    r"Related(?:\s+(?:articles?|stories|news|posts|content|coverage|reading))?|"
    r"Read\s+(?:more|also|next)|Also\s+read|See\s+also|More\s+from\s+[^\n.!?]{1,40}|"
    r"You\s+(?:may|might)\s+also\s+like|Recommended(?:\s+for\s+you)?|"
    r"Most\s+(?:read|popular|viewed|shared)|Latest\s+(?:news|stories|articles)|"
    r"More\s+(?:stories|news|articles)|Top\s+stories|Trending(?:\s+now)?|Editor[’']s\s+picks?|"
    r"(?:مقالات|أخبار|اخبار|مواضيع|مواد|قصص)\s+(?:ذات\s+صلة|متعلقة|مشابهة|مقترحة)|"
    r"(?:اقرأ|إقرأ|اقرا)\s+(?:أيضا|أيضاً|ايضا|ايضاً|المزيد)|(?:شاهد|طالع)\s+(?:أيضا|أيضاً|ايضا)|"
    r"(?:ال)?(?:أكثر|اكثر)\s+(?:قراءة|مشاهدة|تداولا|تداولاً)|آخر\s+الأخبار|اخر\s+الاخبار|"
    r"اخترنا\s+لكم|قد\s+يهمك|أخبار\s+تهمك|المزيد\s+من\s+[^\n.!?؟]{1,40}"
    r")[ \t]*[:：]?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_HEADLINE_MAX = 160  # characters: a headline's line; a longer line is a paragraph
_PROSE_END = (".", "!", "?", "؟", "”", '"', "»", ":")  # a sentence's end: headlines have none


def related_spans(text: str) -> list[tuple[int, int]]:
    """The `[start, end)` spans of lists of other articles (`_RELATED_HEADING`)."""
    out: list[tuple[int, int]] = []
    for m in _RELATED_HEADING.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        end = m.end()
        pos = end
        while pos < len(text):
            nl = text.find("\n", pos + 1)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end].strip()
            if len(line) > _HEADLINE_MAX or line.endswith(_PROSE_END):
                break  # a paragraph: the article (or another one) goes on
            if line:
                end = pos + len(text[pos:line_end].rstrip())
            pos = line_end
        a, b = _strip(text, m.start(), end)
        if b > a:
            out.append((a, b))
    return out


# Most texts have none of the words a pattern needs ("@", "Tweet", "comments"): gated.
_BLOCKS = tuple(
    Gate(p) for p in (_UI_LINE, _POST_OF, _AUTHOR, _AUTHOR_GLUED, _BYLINE, _COMMENTS, *_UI)
)
_INLINE_GATE = Gate(_INLINE)


def furniture_spans(text: str) -> list[Furniture]:
    """The page furniture of `text`, sorted and non-overlapping (see the module docstring)."""
    raw: list[Furniture] = []
    for pattern in _BLOCKS:
        for m in pattern.finditer(text):
            a, b = _strip(text, m.start(), m.end())
            if b > a:
                raw.append(Furniture(a, b, True))
    for m in _INLINE_GATE.finditer(text):
        raw.append(Furniture(m.start(), m.end(), False))
    raw.extend(Furniture(a, b, True) for a, b in related_spans(text))
    return _merge(raw)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _merge(spans: list[Furniture]) -> list[Furniture]:
    out: list[Furniture] = []
    for f in sorted(spans, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            last = out[-1]
            out[-1] = Furniture(last.start, max(last.end, f.end), last.block or f.block)
        else:
            out.append(f)
    return out


def reading_text(text: str, spans: Sequence[Furniture] | None = None) -> str:
    """`text` with furniture blanked and hashtags read as words, offsets unchanged."""
    chars = list(text)
    for f in furniture_spans(text) if spans is None else spans:
        for i in range(f.start, f.end):
            if chars[i] not in "\n\r":
                chars[i] = " "
    for m in _HASHTAG.finditer(text):
        if chars[m.start()] == "#":
            chars[m.start()] = " "
            for i in range(m.start("tag"), m.end("tag")):
                if chars[i] == "_":
                    chars[i] = " "
    return "".join(chars)


def hashtag_phrases(text: str) -> list[HashtagPhrase]:
    """CamelCase hashtags as the words they join (plain "#Idlib" needs none: see `reading_text`)."""
    out: list[HashtagPhrase] = []
    for m in _HASHTAG.finditer(text):
        out.extend(_phrases(m.group("tag"), m.start("tag")))
    return out


def _phrases(tag: str, at: int) -> list[HashtagPhrase]:
    out = []
    for part in re.finditer(r"[^_]+", tag):
        word = part.group(0)
        cuts = [c.start() for c in _CAMEL.finditer(word)]
        if not cuts:
            continue
        chars: list[str] = []
        offsets: list[int] = []
        base = at + part.start()
        for i, ch in enumerate(word):
            if i in cuts:
                chars.append(" ")
                offsets.append(base + i)
            chars.append(ch)
            offsets.append(base + i)
        out.append(HashtagPhrase(base, base + len(word), "".join(chars), tuple(offsets)))
    return out


def is_furniture(text: str, start: int, end: int, spans: Sequence[Furniture]) -> bool:
    """Whether `text[start:end]` holds no word outside furniture (and at least some furniture)."""
    pos = start
    covered = False
    for f in spans:
        if f.end <= pos or f.start >= end:
            continue
        if _has_word(text, pos, f.start):
            return False
        covered = True
        pos = max(pos, f.end)
    return covered and not _has_word(text, pos, end)


_WORD = re.compile(r"[^\W\d_]{2,}")


def _has_word(text: str, a: int, b: int) -> bool:
    return a < b and _WORD.search(text, a, b) is not None


__all__ = [
    "Furniture",
    "HashtagPhrase",
    "furniture_spans",
    "hashtag_phrases",
    "is_furniture",
    "reading_text",
]
