"""Lexicons of attribution cues, channels, roles and source kinds.

Kept as data so they can be swapped through the registry (``counterclaim.cue_lexicon.v1``):
a user covering another beat can extend the cue verbs without touching the rules.
Lemmas are spaCy lemmas of the English pipelines.
"""

from __future__ import annotations

# Verbs that introduce what a source says, claims, writes or believes. PolNeAR counts beliefs
# and thoughts as attributions, so belief verbs are cues too.
SPEECH_VERBS = frozenset("""
say tell claim deny allege assert insist confirm announce declare proclaim tweet post write
warn accuse urge term describe add note report contest reject acknowledge admit argue suggest
believe state explain stress emphasise emphasize maintain contend reiterate repeat concede
charge complain predict promise pledge vow threaten boast brag reveal disclose indicate
estimate testify recall recount quote cite mention remark observe comment respond reply
answer counter retort rebut dispute dismiss blame praise demand call ask question wonder
think feel fear hope expect know learn understand doubt suspect conclude find show
acknowledge assure reassure inform notify brief signal hint imply propose recommend advise
caution announce order instruct threaten forecast project estimate calculate guarantee
swear affirm allege attest certify contradict refute deny disavow decry condemn denounce
label brand dub characterize characterise portray paint hail welcome lament regret
agree disagree want wish support oppose criticize criticise thank applaud slam blast lambaste
refuse decline plan intend decide prefer worry consider view see acknowledge recognize
recognise cite speak liken compare refer mock challenge defend continue read insist
caution assess project anticipate suppose guess reckon imagine assume trust bet figure
accept endorse back champion favor favour lobby campaign appeal plead pray vote pledge
express voice reaffirm underscore highlight acknowledge concede attribute credit hint
joke yell shout chant scream congratulate discuss mention offer point tweeted retweet
""".split())

# Verbs that only count as cues when they govern a clause (``call``, ``find`` and ``show``
# are too often literal: "called for calm", "found bodies").
CLAUSE_ONLY_VERBS = frozenset("""
call find show know learn understand feel think expect hope fear doubt suspect conclude
ask question wonder order add note recall indicate signal mention continue read see figure
bet trust imagine guess suppose assume speak refer compare project plan decide intend vote
appeal campaign lobby pray accept consider view back discuss mention offer point
""".split())

# Verbs that take an object and an infinitive: "urged the judge to give me a fair sentence".
OBJECT_INFINITIVE_VERBS = frozenset("urge ask order call tell instruct advise encourage implore".split())

# Verbs whose infinitive complement is not what the source says ("will continue to fight").
NO_XCOMP_VERBS = frozenset("call ask order urge continue read see figure point offer".split())

# Verbs whose noun-phrase object is what the source says or stands for:
# "announced the arrest of a man", "praised the effort", "dismissed the reports as propaganda".
OBJECT_CONTENT_VERBS = frozenset("""
announce deny confirm reject dismiss dispute contest criticize criticise condemn denounce
praise thank applaud hail welcome slam blast lambaste decry support oppose endorse back
champion favor favour acknowledge admit concede report reveal disclose predict promise
pledge vow threaten demand propose recommend blame accuse question challenge defend
like want prefer mock reaffirm underscore highlight express voice warn estimate claim
allege describe term label brand dub characterize characterise portray liken refute rebut
""".split())

# Verbs whose object plus complement is the content: "X termed the shelling a massacre".
LABELLING_VERBS = frozenset("term call describe label brand dub characterize characterise".split())

# Nouns that carry a cue: "X's claim that ...", "a statement from X said ...".
CUE_NOUNS = frozenset("""
claim statement assertion allegation accusation denial assurance warning announcement
message tweet post report remark comment belief view assessment estimate insistence
suggestion admission argument charge threat promise pledge vow testimony account
declaration confirmation rumour rumor word
""".split())

# Verbs of physical events: a learned cue with one of these lemmas counts only when it governs
# a clause ("rebels attacked the town" is an event; "attacked the plan as reckless" is not
# reachable this way, on purpose: the conflict beat needs the event reading).
EVENT_VERBS = frozenset("""
attack kill shell capture seize bomb strike fire fight take hit destroy launch shoot wound
arrest detain raid storm occupy invade besiege bombard target ambush abduct kidnap loot burn
flee withdraw retreat advance push deploy send move cross enter leave die injure execute
surround encircle liberate free release hold control recapture retake overrun clash
""".split())

# Speech verbs whose noun-phrase object is the thing answered or met, not what is said:
# "have not answered the request", "citing local doctors" (a source, not a claim).
NO_OBJECT_CONTENT_VERBS = frozenset("""
answer reply respond ask request meet visit call contact cite quote see show watch hear
witness film record photograph impose
""".split())

# Verbs that hedge the writer's own statement: "appears to have been caused by a drone".
HEDGE_VERBS = frozenset("appear seem look sound".split())

# Prepositions that join a cue word to its content: "critique of", "focused on", "vote for".
CONTENT_PREPOSITIONS = frozenset("of on about for against to over with at into".split())

# Lemmas that say the source rejects something; used by status and relations.
DENIAL_LEMMAS = frozenset("deny reject dismiss refute rebut dispute contest disavow disown "
                          "contradict".split())

# Heads of noun phrases that are sources without a name.
ANONYMOUS_HEADS = frozenset("""
report reports source sources rumour rumor rumours rumors word it media
""".split())

# Words that put the source's identity in doubt: "an account purporting to be ...".
UNVERIFIED_MARKERS = ("purporting to be", "purported to be", "claiming to be", "claims to be",
                      "purportedly belonging", "said to belong", "apparently belonging",
                      "allegedly belonging", "unverified account", "purported")

# Channel words, in order of precedence when several occur. Values are schema channels.
CHANNEL_WORDS: dict[str, str] = {
    "tweet": "tweet", "tweeted": "tweet", "twitter": "tweet", "retweet": "tweet",
    "retweeted": "tweet",
    "telegram": "social_media", "facebook": "social_media", "instagram": "social_media",
    "tiktok": "social_media", "youtube": "social_media", "whatsapp": "social_media",
    "social media": "social_media", "post": "social_media", "posted": "social_media",
    "posting": "social_media", "vk": "social_media", "x": "social_media",
    "statement": "statement", "communique": "statement", "communiqué": "statement",
    "message": "message", "messages": "message", "text message": "message", "email": "message",
    "letter": "document",
    "interview": "interview", "told reporters": "press_conference",
    "news conference": "press_conference", "press conference": "press_conference",
    "briefing": "press_conference", "press briefing": "press_conference",
    "speech": "speech", "address": "speech", "addressing": "speech", "rally": "speech",
    "state tv": "broadcast", "state television": "broadcast", "television": "broadcast",
    "tv": "broadcast", "radio": "broadcast", "broadcast": "broadcast", "broadcaster": "broadcast",
    "photo": "photo", "photos": "photo", "photograph": "photo", "photographs": "photo",
    "picture": "photo", "pictures": "photo", "image": "photo", "images": "photo",
    "video": "video", "videos": "video", "footage": "video", "clip": "video",
    "document": "document", "documents": "document", "memo": "document", "leaked": "document",
    "report": "report", "reports": "report",
}

# Role nouns that can precede a name: "army spokesperson Karim Sadeq".
ROLE_WORDS = frozenset("""
spokesperson spokesman spokeswoman spokespeople commander president minister premier
official officer general chief leader head director secretary ambassador envoy governor
mayor senator lawmaker representative adviser advisor analyst journalist reporter
correspondent editor witness resident doctor nurse medic worker coordinator negotiator
mediator chairman chairwoman chair founder lieutenant colonel captain major sergeant
admiral marshal brigadier king queen prince emperor pope cleric imam bishop prosecutor
judge lawyer attorney expert researcher professor activist monitor observer aide deputy
""".split())

# Military and civil ranks and honorifics, kept as roles: "Maj Gen Ilya Varnov".
RANKS = frozenset("""
gen gen. general maj maj. major capt capt. captain col col. colonel lt lt. lieutenant
sgt sgt. sergeant adm adm. admiral brig brig. brigadier cmdr cmdr. commander pvt pvt.
cpl cpl. corporal dr dr. mr mr. mrs mrs. ms ms. prof prof. president pres. sen sen.
rep rep. gov gov. lt-col lt-gen maj-gen brig-gen
""".split())

# Plural or collective nouns that denote groups when they are sources: "the rebels said".
GROUP_NOUNS = frozenset("""
rebels militants insurgents fighters troops forces army military police government
ministry authorities officials residents witnesses villagers protesters activists group
militia separatists soldiers guerrillas opposition coalition alliance administration
regime junta movement front party council commission agency office
""".split())

HEDGE_WORDS = ("apparently", "reportedly", "allegedly", "purportedly", "possibly", "probably",
               "likely", "seemingly", "perhaps", "may have", "might have", "could have",
               "it appears", "appears to", "appeared to", "seems to", "seemed to",
               "is believed to", "are believed to", "was believed to", "were believed to",
               "is thought to", "are thought to", "is said to", "are said to", "was said to",
               "suspected", "unconfirmed", "unverified", "presumably", "supposedly")
