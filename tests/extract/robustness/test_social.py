"""Social-media captures: the post is read, the platform's page furniture is not.

A captured X/Twitter, Facebook, Telegram or YouTube page carries the platform's interface
around the post ("Copy link to Tweet", "Replying to @…", "1.2K Likes", "All reactions:",
"Like Comment Share", "Shared with Public", "See translation", view counts, footers). None of it
may become a sentence that yields a claim, a count ("1.2K Likes" is no count) or a place (a
handle such as "@AleppoMedia"). Hashtags read as words ("#Idlib" is Idlib, "#Turkish" is
Turkish, "#IdlibMassacre" is "Idlib Massacre"); a post captured twice in one page is one
account. Every capture here is written for this suite (only the platforms' generic interface
strings are real); each party to the conflict appears in the same frames.
"""

from __future__ import annotations

import datetime as dt

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)

from factfinder.extract.furniture import (  # noqa: E402
    furniture_spans,
    hashtag_phrases,
    is_furniture,
    reading_text,
)
from factfinder.extract.pipeline import Extractor  # noqa: E402
from factfinder.extract.sentences import split_sentences  # noqa: E402
from factfinder.model import Claim, Document  # noqa: E402


def extract(text: str, published: str | None = "2024-12-02") -> tuple[Claim, ...]:
    day = dt.date.fromisoformat(published) if published else None
    return Extractor().extract(Document("t", text, published=day)).claims


def primary(text: str, published: str | None = "2024-12-02") -> Claim:
    return next(c for c in extract(text, published) if c.primary)


def names(c: Claim) -> set[str]:
    return {p.name for p in c.places}


def areas(c: Claim) -> set[str | None]:
    return {p.admin1 for p in c.places}


def killed(c: Claim) -> int | None:
    r = c.killed.total or c.killed.civilians or c.killed.combatants
    return r.min if r is not None else None


def injured(c: Claim) -> int | None:
    r = c.injured.total or c.injured.civilians
    return r.min if r is not None else None


# --- X / Twitter -------------------------------------------------------------------------------

TWEET_RUSSIA = """Idlib Response Team @IdlibResponse

Our teams recovered the bodies of 4 civilians, including 2 children, after Russian airstrikes \
on the town of Ariha in #Idlib countryside this morning. #IdlibMassacre #Syria

Translate post

2:22 PM · Dec 1, 2024

1.2K

Views

312 Reposts 45 Quotes 1.2K Likes 12 Bookmarks

Copy link to Tweet

Embed Tweet

Read 23 replies"""

TWEET_TURKEY = """Rojava Monitor @RojavaMonitor · 3h

Replying to @AfrinNews @KurdishWatch

#Turkish drones struck a car on the road between Tal Tamr and #Hasakah, killing 3 civilians \
and injuring 2 others. #Hasakah #RojavaUnderAttack

Show this thread

Quote

5 replies 88 reposts 1.1K likes

Copy link to post

Embed post

Report post"""

TWEET_THREAD_TWICE = """Deir Ezzor 24 @DeirEzzor24

Nov 30

More

Copy link to Tweet

Embed Tweet

Report Tweet

Report NetzDG Violation

US-led coalition helicopters raided a house in the town of Hajin east of #DeirEzzor at dawn, \
killing two civilians, local sources said.

0 replies

14 retweets

30 likes

Reply

Retweet

Retweeted

Like

Liked

Show this thread

Thanks. Twitter will use this to make your timeline better.

Undo

Deir Ezzor 24 @DeirEzzor24

Nov 30

More

Copy link to Tweet

Embed Tweet

US-led coalition helicopters raided a house in the town of Hajin east of #DeirEzzor at dawn, \
killing two civilians, local sources said.

0 replies

14 retweets

30 likes

Back to top ↑

Loading seems to be taking a while.

Twitter may be over capacity or experiencing a momentary hiccup. Try again or visit Twitter \
Status for more information."""

TWEET_ISRAEL = """Damascus Now @DamascusNow

BREAKING: Israeli missiles hit a building in the Kafr Sousa district of #Damascus, killing \
5 people, among them an Iranian adviser.

Translated from Arabic by Google

Rate this translation

9:41 AM · Feb 21, 2024 · 48.3K Views

Read 312 replies"""

TWEET_HTS = """Aleppo 24 @Aleppo24_en · Follow

#HTS shells the town of Nubl with rockets, killing a woman and wounding 6 civilians \
#Aleppo #HTS_Crimes

Translate post

2.1K

4:05 PM · Jan 9, 2024

Show more replies"""

TWEET_AFRIN = """Afrin Post @AfrinPost

Turkish artillery shelled the village of Maryamin near #Afrin at noon, killing 3 civilians.

1:15 PM · Mar 2, 2024

12 Reposts 1.5K Likes"""

TWEET_SNA = """Afrin Post @AfrinPost

Turkish-backed factions of the #SNA shelled the village of Maryamin near #Afrin, killing 3 \
civilians.

12 Reposts 1.5K Likes"""


# --- Facebook ----------------------------------------------------------------------------------

FB_TURKEY = """Hasakah News Network's Post

Verified accountDecember 1, 2024 · Shared with PublicAt least 6 civilians were killed when \
Turkish drones struck a market in #Tal_Tamr, northwest of #Hasakah, activists said.

See translation

All reactions:1.2K312 comments45 sharesLikeCommentMost relevant

Abu Ahmad
God have mercy on the 50 martyrs of Aleppo
2y
Reply"""

FB_REGIME = """Facebook Syria Civil Defence's Post

November 28, 2024 · Shared with Public

Syrian regime forces shelled the city of Sarmin east of Idlib with artillery, killing 3 \
civilians, among them a child, and injuring 7 others. Our teams rescued the injured.

See translation

All reactions:

1.4K

210 comments

88 shares

Like

Comment

Share

Most relevant

Write a comment…

Umm Khaled
May God protect the people of Saraqib, 12 killed there last week
12w
Top fan"""

FB_ISIS = """Raqqa Monitor's Post

October 3, 2024 · Shared with Public

An explosive device planted by ISIS cells went off in the Al-Busayrah market in eastern Deir \
ez-Zor, killing 7 people and injuring 11.

All reactions:640
Like Comment Share"""

FB_SDF = """Manbij Today

September 14, 2024 · Shared with Public#Manbij

The SDF shelled the village of Arima west of Manbij, killing two children.

See translation

All reactions:3.3K
LikeCommentShare"""


# --- Telegram, YouTube -------------------------------------------------------------------------

TELEGRAM_IRAN = """Telegram Widget

Euphrates Monitor

Iranian-backed militias executed 4 young men in the town of Al Mayadin east of #DeirEzzor \
after accusing them of smuggling, local sources said.
t.me/EuphratesMonitor/10421

8.8K views Dec 18, 2024 at 16:11"""

YOUTUBE_RUSSIA = """Russian airstrikes kill 11 civilians in Maarat al-Numan market, Idlib - \
YouTube

AboutPressCopyrightContact usCreatorsAdvertiseDevelopersTermsPrivacyPolicy & SafetyHow \
YouTube worksTest new features© 2024 Google LLC"""


CAPTURES = [
    # (capture, governorate, perpetrator, killed, injured)
    (TWEET_RUSSIA, "Idlib", "russia", 4, None),
    (TWEET_TURKEY, "Al-Hasakah", "turkey", 3, 2),
    (TWEET_THREAD_TWICE, "Deir ez-Zor", "us_led_coalition", 2, None),
    (TWEET_ISRAEL, "Damascus", "israel", 5, None),
    (TWEET_HTS, "Aleppo", "hts_nusra", 1, 6),
    (TWEET_AFRIN, "Aleppo", "turkey", 3, None),
    (FB_TURKEY, "Al-Hasakah", "turkey", 6, None),
    (FB_REGIME, "Idlib", "syrian_government", 3, 7),
    (FB_ISIS, "Deir ez-Zor", "isis", 7, 11),
    (FB_SDF, "Aleppo", "sdf_ypg", 2, None),
    (TELEGRAM_IRAN, "Deir ez-Zor", "iran", 4, None),
    (YOUTUBE_RUSSIA, "Idlib", "russia", 11, None),
]


@pytest.mark.parametrize(("text", "area", "group", "dead", "hurt"), CAPTURES)
def test_the_post_is_read_past_its_page_furniture(
    text: str, area: str, group: str, dead: int, hurt: int | None
) -> None:
    claims = extract(text)
    assert len(claims) == 1  # the post; never the furniture, the comments or a second copy
    [c] = claims
    assert areas(c) - {None} == {area}
    assert c.perpetrator.group == group
    assert killed(c) == dead
    assert injured(c) == hurt


@pytest.mark.parametrize("text", [t for t, *_ in CAPTURES])
def test_no_claim_span_covers_furniture_alone(text: str) -> None:
    spans = furniture_spans(text)
    for c in extract(text):
        for a, b in c.spans:
            assert not is_furniture(text, a, b, spans), text[a:b]


def test_engagement_figures_are_not_counts() -> None:
    # Nothing but furniture: no claim, though "1.2K Likes" and "312 Reposts" are numbers.
    furniture_only = "1.2K Likes\n\n312 Reposts 45 Quotes\n\nRead 23 replies\n\n8.8K views"
    assert extract(furniture_only) == ()
    c = primary(TWEET_RUSSIA)
    assert killed(c) == 4 and c.killed.children is not None and c.killed.children.min == 2


def test_handles_and_author_lines_are_not_places() -> None:
    # "@IdlibResponse", "Deir Ezzor 24 @DeirEzzor24", "Aleppo 24 @Aleppo24_en" name accounts.
    text = reading_text(TWEET_THREAD_TWICE)
    assert "@DeirEzzor24" not in text and "Deir Ezzor 24" not in text
    assert "Hajin" in text
    c = primary(TWEET_HTS)
    assert names(c) & {"Nubl", "Nubbol"}


def test_readers_comments_are_not_the_post() -> None:
    # The comment names Aleppo and 50 martyrs, the other Saraqib and 12 killed: neither counts.
    for capture in (FB_TURKEY, FB_REGIME):
        [c] = extract(capture)
        assert "Aleppo" not in areas(c)
        assert "Saraqib" not in names(c)
        assert killed(c) not in (50, 12)


def test_hashtags_read_as_words() -> None:
    c = primary(TWEET_TURKEY)
    assert c.perpetrator.group == "turkey"  # "#Turkish drones"
    assert {"Tall Tamr", "Tal Tamr"} & names(c) or "Al-Hasakah" in areas(c)
    [tag] = [t for t in hashtag_phrases("Mourning in #IdlibMassacre today") if t.text]
    assert tag.text == "Idlib Massacre"
    assert tag.span(0, 5) == (13, 18)  # "Idlib" inside "#IdlibMassacre"
    assert reading_text("strike on #Deir_ez_Zor") == "strike on  Deir ez Zor"


def test_a_turkish_backed_faction_post_is_read_like_the_others() -> None:
    [c] = extract(TWEET_SNA)
    assert names(c) & {"Afrin"} and areas(c) == {"Aleppo"}
    assert killed(c) == 3


def test_a_camel_case_hashtag_names_the_place() -> None:
    c = primary("Regime barrel bombs killed 5 civilians this morning #DarayaMassacre")
    assert areas(c) == {"Rif Dimashq"}
    assert c.perpetrator.group == "syrian_government"


def test_a_post_captured_twice_is_one_account() -> None:
    seg = split_sentences(TWEET_THREAD_TWICE, furniture=furniture_spans(TWEET_THREAD_TWICE))
    posts = [k for k, s in enumerate(seg.sentences) if "helicopters" in s.text]
    assert len(posts) == 2
    assert posts[1] in seg.asides and posts[0] not in seg.asides
    assert len(extract(TWEET_THREAD_TWICE)) == 1


def test_furniture_glued_to_the_post_is_cut_off() -> None:
    text = "Verified accountDecember 1, 2024 · Shared with PublicAt least 6 people were killed."
    seg = split_sentences(text)
    assert seg.sentences[-1].text == "At least 6 people were killed."
    # The post's date stays readable in the text the date finder reads.
    assert "December 1, 2024" in [s.text.rstrip(" ·") for s in seg.sentences]


def test_timestamps_are_not_furniture() -> None:
    text = "2:22 PM · Dec 1, 2024 · 48.3K Views"
    assert reading_text(text).startswith("2:22 PM · Dec 1, 2024")
    assert "48.3K" not in reading_text(text)


def test_prose_words_that_are_also_buttons_stay() -> None:
    text = (
        "Like other strikes this week, the raid on Binnish killed 3 people. Share prices fell. "
        "Residents said they would follow the news and comment later."
    )
    assert furniture_spans(text) == []
    assert reading_text(text) == text


def test_a_display_name_glued_to_its_handle_is_furniture() -> None:
    # Captures often glue the author's name, the handle and the post: the name ("Idlib News")
    # is no place, the post (here in Arabic: "artillery shelling on the town") is read.
    text = "ConversationIdlib News@IdlibNews24قصف مدفعي على البلدة"
    assert (
        reading_text(text)
        == " " * len("ConversationIdlib News@IdlibNews24") + "قصف مدفعي على البلدة"
    )
    # An e-mail address and a handle quoted in prose are not author lines.
    assert reading_text("Write to info@example.org today") == "Write to info@example.org today"
    assert reading_text("The UN said (@UN) that 4 died") == "The UN said (   ) that 4 died"


def test_a_preview_cut_short_and_the_full_post_are_one_account() -> None:
    text = (
        "Raqqa Monitor's Post\n\n"
        "An ISIS car bomb exploded near the vegetable market in Tabqa, killing 6 people and…\n\n"
        "October 3, 2024 · Shared with Public\n\n"
        "An ISIS car bomb exploded near the vegetable market in Tabqa, killing 6 people and "
        "wounding 15, local sources said.\n\n"
        "Liked by Ahmad Ali and 1,204 others"
    )
    [c] = extract(text)
    assert c.perpetrator.group == "isis" and areas(c) == {"Raqqa"}
    assert killed(c) == 6 and injured(c) == 15
    assert not any("…" in text[a:b] for a, b in c.spans)


def test_news_prose_keeps_words_that_open_comment_sections() -> None:
    text = (
        "Newest figures show 40 people were killed in Douma.\n"
        "Forwarded from the ministry, the letter said 5 soldiers died in Hama."
    )
    assert furniture_spans(text) == []


@pytest.mark.parametrize(
    ("post", "claimant", "group"),
    [
        (
            "🔴 #BREAKING: 2 kids martyred, 5 injured as #Assad regime & #Russia target #Atarib "
            "with rockets this morning. #Aleppo",
            None,
            "syrian_government",
        ),
        (
            ".@CENTCOM: US forces conducted a unilateral strike in NW Syria on 23 Aug, killing "
            "Abu Yusif, a senior ISIS leader. No civilians were injured.",
            "CENTCOM",
            "us_led_coalition",
        ),
        (
            "UPDATE: Death toll from the #Jindires shelling by Turkish-backed factions rises to 6, "
            "per local medics.",
            "local medics",
            "armed_opposition",
        ),
    ],
)
def test_a_posts_speaker_and_attacker_in_its_short_forms(
    post: str, claimant: str | None, group: str
) -> None:
    c = primary(post)
    assert (c.claimant.name if c.claimant else None) == claimant
    assert c.perpetrator is not None and c.perpetrator.group == group


def test_a_named_person_said_to_be_a_groups_leader_is_a_fighter() -> None:
    c = primary(
        ".@CENTCOM: US forces conducted a unilateral strike in NW Syria on 23 Aug, killing "
        "Abu Yusif, a senior ISIS leader."
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 1
    assert c.killed.civilians is None
