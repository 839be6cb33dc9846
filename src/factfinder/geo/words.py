"""Word lists the place resolver consults: generic toponym words, English words, and the words
around a name that make it a person, an organisation, a government or a qualified area.

All keys are folded (`normalize.fold`) single tokens.
"""

from __future__ import annotations

from factfinder.vocab import MONTH_NAMES


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Keys that are place names only when written with their article ("al-Bab"), because alone they
# are generic toponym words, English words or too short to trust.
GENERIC = words("""
bab tal tall tel tell ain ayn ein jabal jebel jabel kafr kfar deir dayr dair khan qasr bir wadi nahr
ras umm abu beit bayt sheikh shaykh hay harat souq suq mazraa mazraat qarya madinat markaz balad
jisr bustan jami hammam tall sahl mahatta hara dana sur sal hal hay ram sam van can
مزرعه مدينه قريه بلده حي جامع مسجد شارع ساحه دوار مفرق حويجه تل عين دير كفر خان جبل باب بيت
ابو ام راس بير سوق مخيم منطقه ريف محافظه ناحيه
""")
ENGLISH = frozenset(MONTH_NAMES) | words("""
a an the of off on in at to by for from with and or but not no nor as is it its be us we our
you he she they them his her their this that these those can may will side mark case center
central camp city town village new old east west north south upper lower big hit ram tall
bay cape grand port saint mount lake river sea gulf ocean island islands monday tuesday wednesday
thursday friday saturday sunday state states army forces force union council party front ministry centre center
muslim muslims islamic islam christian christians arab arabs arabic kurd kurds kurdish sunni
shia shiite alawite druze turkish russian iranian syrian syrians iraqi american european western
ranks seen single interim marked manages mausoleum martin more than man men woman women alley
""")
# Words before a name that make it part of a person's name or title ("Queen Rania",
# "Interior Minister Mohammed Shaar").
PERSON_BEFORE = words("""
mohammed muhammad mohammad mohamed ahmed ahmad ali hassan hasan hussein husayn omar umar khaled
khalid abdullah abdallah ibrahim mahmoud mustafa bashar rami maher hafez yusuf youssef salim
queen king prince president minister general gen col colonel dr mr mrs ms brigadier lt
""")
# Common Arabic given names. A loose (skeleton) spelling match that is one of them, or any
# match that one is followed by a capitalised surname ("Suleiman Al-Khalidi"), is a person.
GIVEN_NAMES = words("""
suleiman sulaiman sulayman sleiman salman hamza hamzah omar umar othman osman uthman issa musa
moussa yahya zakaria ibrahim ismail ismael yousef yusuf youssef younes yunus khalil jamil kamal
nabil adel adil walid waleed khaled khalid tarek tariq ziad ziyad fadi rami hani sami samir
bassam hisham hassan hasan hussein husain hussain abbas jafar jaafar mansour mansur nasser nasir
qasim qassem kassem hamid hamed mahmoud mahmud ahmed ahmad mohammed muhammad mohammad mohamed
mustafa mostafa salah saleh salih faisal fahd majid majed marwan mazen maher bashar hafez anas
ayman imad emad ammar amer ghassan haitham haytham raed riad riyad saad sultan talal wael yasser
yasir zaid zeid ayoub ayyub daoud idris ilyas yaqub abdullah abdallah abdulrahman abdelrahman
""")
# Words of armed groups' names before a place name in them ("Jabhat al-Shamiya", "Liwa
# al-Tawhid", "Thuwar al-Raqqa"): the name is the group's.
GROUP_BEFORE = words("""
jabhat jabha jaish jaysh jeish liwa liwaa alwiya alwiyat harakat haraka harakah kataib katibat
katiba faylaq failaq feylaq ahrar jund junud ansar saraya thuwar tuwar hayat hayaat tahrir jamaat
jamaa fursan usud tajammu tajamu firqat fawj ghuraba
""")
# Words right before a name that make it a broadcaster or a paper ("TV channel Al-Mayadin").
MEDIA_BEFORE = words("""
tv television channel broadcaster broadcasters newspaper daily outlet website
""")
# Outlets named like places: the name is the outlet's when the words around it say so.
OUTLET_KEYS = frozenset({"jazeera", "jazira", "mayadeen", "mayadin", "arabiya", "hadath", "manar"})
# Words after an outlet's name that make it the outlet ("Al Jazeera reported", "Al-Jazeera staff").
OUTLET_AFTER = words("""
reported reports report said says quoted quotes cited cites aired airs broadcast broadcasts
showed shows reporter reporters correspondent correspondents crew crews team teams staff
journalist journalists cameraman cameramen anchor presenter footage website network english
arabic learned obtained interviewed
""")
# Words before an outlet's name that make it the outlet ("told Al Jazeera", "by al-Mayadeen").
OUTLET_BEFORE = words("""
told tells telling interview interviews interviewed comments speaking spoke by according via
""")
# Words after "X from"/"X of"/"X for" that make the name an employer ("a reporter from Al-Jazeera").
OUTLET_STAFF = words("""
reporter reporters correspondent correspondents journalist journalists crew team staff cameraman
anchor presenter member
""")
# Arabic adjectives that end place names ("Tal Abyad al-Sharqi", "Hamzah al-Kabira"): after a
# given name they make no surname.
PLACE_ADJECTIVES = words("""
sharqi sharqiya sharqiyah gharbi gharbiya gharbiyah shamali shamaliya janubi janoubi janubiya
wusta kabir kabira kabirah saghir saghira fawqani fawqa tahtani tahta jadid jadida jadidah qadim
qadima qibli
""")
# Words after a name that make it a media outlet or an organisation ("Al-Alam TV").
ORG_AFTER = words("""
tv channel television network news newspaper agency radio satellite media reporter correspondent
website center centre council brigade brigades division battalion battalions corps regiment
movement gathering operations shield wrath storm front online observer post times 24
""")
# Country and capital names used for their governments ("Ankara said", "the Damascus regime").
METONYM_NEXT = words("""
government governments regime regimes authorities authority officials official administration
leadership ally allies delegation envoy embassy military army forces troops warplanes jets
aircraft air airforce said says say has have had denied denies deny accused accuses accuse
announced announces claims claimed claim insists insisted warned warns urged urges called calls
responded rejected rejects blamed blames condemned condemns agreed agrees wants wanted demands
demanded asked asks supports supported backs backed sent sends deployed deploys launched launches
is was will would could should must did does carried carries conducted conducts struck strikes
hit hits bombed bombs shelled shells killed kills targeted targets vowed vows threatened threatens
command commands commander commanders central drone drones strike airstrike airstrikes raid raids
defence defense ministry president navy soldiers personnel intelligence spokesman spokesperson
statement service servicemen servicemembers marines sailors airmen contractors diplomats citizens
nationals advisers advisors officers embassy consulate base bases
""")
# Verbs of harm that follow a capital's name as its government's act ("Ankara struck") but
# not after a locative ("an airstrike near Damascus killed two").
METONYM_HARM = words("""
killed kills hit hits struck strikes targeted targets bombed bombs shelled shells
""")
LOCATIVE_BEFORE = words("""
near outside around in at on of into over across toward towards
""")
CAPITALS = frozenset(
    {
        "damascus",
        "baghdad",
        "beirut",
        "amman",
        "ankara",
        "jerusalem",
        "tehran",
        "riyadh",
        "doha",
        "cairo",
    }
)
COMPOUND_NEXT = frozenset(
    {
        "based",
        "backed",
        "led",
        "allied",
        "born",
        "bound",
        "affiliated",
        "funded",
        "supported",
        "sponsored",
        "aligned",
        "run",
        "controlled",
        "held",
        "linked",
        "trained",
        "armed",
        "made",
    }
)
GOV_AFTER = frozenset(
    {
        "province",
        "provinces",
        "governorate",
        "governorates",
        "countryside",
        "countrysides",
        "muhafaza",
        "muhafazat",
        "region",
        "suburb",
        "suburbs",
    }
)
GOV_BEFORE = frozenset(
    {"province", "provinces", "governorate", "governorates", "countryside", "countrysides"}
)
DISTRICT_AFTER = frozenset({"district", "districts"})
NEIGHBOURHOOD_WORDS = frozenset(
    {"district", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "quarter"}
)
DIRECTION_ADJECTIVES = frozenset(
    {
        "northern",
        "southern",
        "eastern",
        "western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "central",
    }
)
DIRECTIONS = DIRECTION_ADJECTIVES | {
    "north",
    "south",
    "east",
    "west",
    "rural",
    "the",
    "of",
    "in",
    "and",
}
# Capitalised words that never name a neighbourhood on their own ("the Old district").
NOT_NEIGHBOURHOOD = frozenset(
    {
        "old",
        "new",
        "residential",
        "industrial",
        "commercial",
        "historic",
        "central",
        "same",
        "city",
        "this",
        "that",
        "every",
        "each",
        "one",
        "another",
        "other",
        "whole",
        "entire",
        "main",
        "rebel",
        "government",
        "kurdish",
        "christian",
        "alawite",
        "sunni",
        "shia",
        "shiite",
        "druze",
        "besieged",
        "eastern",
        "western",
        "northern",
        "southern",
        "border",
        "its",
        "their",
        "the",
    }
)
# Lower-case words allowed to end a multi-word name ("Bab al-Hawa crossing", "Yarmouk camp").
NAME_TAIL = frozenset(
    {
        "camp",
        "crossing",
        "airbase",
        "airport",
        "dam",
        "mountains",
        "mountain",
        "valley",
        "plain",
        "basin",
        "pocket",
        "farms",
        "road",
        "base",
        "city",
        "town",
        "district",
        "heights",
        "desert",
        "field",
        "military",
        "air",
        "border",
        "housing",
        "project",
        "association",
        "suburb",
        "roundabout",
        "industrial",
        "refugee",
        "palestinian",
        "square",
        "neighbourhood",
        "garrison",
        "citadel",
        "countryside",
        "suburbs",
    }
)
CASE_SENSITIVE = frozenset({"us", "usa", "uk", "uae"})
# --- Who's On First villages (`villages.py`) ----------------------------------------------------
# Names of WOF villages that news uses as words, people's names or parts of organisations'
# names: a WOF-only village of such a name is read only when the text calls it a place
# ("Sharia village"). English words, given names and group words are in the lists above.
NOT_VILLAGE = words("""
said since war hit now key site seen side may ditch bid dire hill harsh draw wash sole dare hole
sat jan feb nov dec lake imam sharia sultan ramadan eid jihadi jihad islam daesh daash isis
bashar assad rahman abdulrahman abdelrahman rami ali omar ahmad ahmed bashir hussein hassan
mustafa abdullah khaled ibrahim mohammed muhammad walid talal faraj faris hadi hazem hamad
khalil saif zakaria safi sami hamis zahran bandar mishal zaid khalifa bassam rajab abbas fahd
yusuf farhan aziz saddam bakr saud barakat taha nayef marwan malik malek ismail khalid saad abed
jaber rayan obaida hizam hamza badr azim zain matar mehdi nashwa mansour salah salam jamal amal
nour noor karim kareem amin amer hadid habib hamid latif majid nasser qasim rashid shaker tariq
sham shabab fatah taliban furqan tahrir jund fath hayat ansar liwa nusra nasr hezbollah
hizballah qaeda qaida dawla khilafa baath amaq qasioun sana hawar anha rudaw kurdistan kurd
kurdi iraqi shia sunni arab turk turkman turkmen saba sahel suri bani burj abd mir
recep erdogan putin trump obama martin lima adan san ki ta der
""")
# Words before a name that say a place follows: locatives ("in", "near", "the outskirts of"),
# and verbs of attack and capture ("shells hit", "take control of"). Two-word cues are joined
# with a space.
VILLAGE_CUES = words("""
in at on near around into inside toward towards outside nearby across
target targets targeted targeting bomb bombs bombed bombing shell shells shelled shelling
hit hits strike strikes struck raid raids raided storm storms stormed attack attacks attacked
capture captures captured seize seizes seized recapture recaptures recaptured retake retakes
retook enter enters entered reach reaches reached liberate liberates liberated besiege
besieged besieges encircle encircled surround surrounded regain regains regained
""") | frozenset(
    {
        "outskirts of",
        "vicinity of",
        "countryside of",
        "area of",
        "areas of",
        "fronts of",
        "front of",
        "axis of",
        "surroundings of",
        "entrance of",
        "entrances of",
        "east of",
        "west of",
        "north of",
        "south of",
        "northeast of",
        "northwest of",
        "southeast of",
        "southwest of",
        "control of",
        "town of",
        "village of",
        "villages of",
        "towns of",
        "city of",
    }
)
