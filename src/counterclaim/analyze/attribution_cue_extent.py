"""How far a cue reaches: the words between the cue verb and its content.

PolNeAR's cues cover the whole predicate that introduces a content, not just its verb:
``showed no sign of``, ``took issue with``, ``went on to say``, ``issued a statement
saying``. The rules find the verb (with its auxiliaries and particles,
:func:`cue_parse.cue_span`); this step, run once on the kept attributions (after the judge
and the boundary rankers, so their features never see it), lets the cue take in the verb's
own dependents that stand between it and a content to its right, and a governing verb it is
the infinitive of (``went on to say``, ``was quick to add``, ``sent out a press release
saying``), and ``now``/``then`` just before it. Words that are not part of the predicate
stay out: a subject, a comma, when the source spoke (``said on Tuesday``), whom it told or
agreed with (``told reporters``, ``admitted to the newspaper``, ``agreed with the army``),
what it did besides (``paused before adding``), and the source (``According to X, ...``).
After a content, the cue takes in the statement it came in and the manner it was said in
(``..." X said in a statement``, ``said with a grin``, ``said dryly``), up to the phrase's
noun (not ``said in a statement on Tuesday``), and no adverb of when, where or how often
(``said later``, ``said here``, ``said again``); nor does an adjective judging the saying
(``was wrong to claim``): it is the writer's. Each kind was measured on PolNeAR train
(how often the annotators' cue holds it) and taken in only where they clearly do. Tried on
PolNeAR train and left out (annotators split about evenly): other channels and occasions
after a cue whose content lies before it (``said in an interview``, ``wrote on Facebook``,
``said Tuesday``), adverbs or dates between source and cue (``X last week said``), and, when
the whole gap before a content may not join, its opening objects alone (``expressed
frustration in an interview this year that``). Left out although annotators often hold them,
because they are no part of the speech act: times after the cue (``wrote recently``) and
listeners after its statement (``said in a statement to the AP``).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .attribution_types import Attribution
from .cue_parse import cue_span
from .cues import SPEECH_VERBS
from .spans import doc_tree

# Words that may end the gap without joining the cue: the content's own opening.
_CONTENT_OPENERS = frozenset({"that", "whether", "if", "how", "why", "what", "as"})
# Verbs whose object or to/of/about/at phrase names the listener or topic, not the predicate.
_TELLING = frozenset({"tell", "say", "inform", "assure", "remind", "warn", "brief", "write",
                      "explain", "announce", "declare", "describe", "confirm", "boast", "ask",
                      "add", "whisper", "joke", "tweet", "note"})
_SUBJECTS = frozenset(get_string_id(d) for d in ("nsubj", "nsubjpass", "csubj", "expl", "agent"))
_OBJECTS = frozenset(get_string_id(d) for d in ("dobj", "dative", "iobj"))
_TIME_DEPS = frozenset(get_string_id(d) for d in ("npadvmod", "tmod"))
_TIME_ENTS = frozenset({"DATE", "TIME"})
_XCOMP, _PCOMP, _ACL, _PREP, _DOBJ, _ADVCL, _ACOMP = (
    get_string_id(d) for d in ("xcomp", "pcomp", "acl", "prep", "dobj", "advcl", "acomp"))
_VERBS = frozenset({"VERB", "AUX"})
# A longer run between cue and content is rarely one predicate (chosen on train).
_MAX_GAP = 5
# Nor does a longer way up to a host verb ("injected a new element into the race by questioning").
_MAX_HOST_WORDS = 3
# After a verb of telling, the topic ("said of X") or listener ("whispered to him") is not the cue.
_TELLING_PREPS = frozenset({"to", "of", "about", "at"})
# Verbs of saying whose to-phrase is the listener ("admitted to the newspaper that", "confided
# to her that") and whose with-phrase the partner ("agreed with the minister that"): PolNeAR
# leaves those out of the cue, as it leaves out the listener of "told" (chosen on train).
_LISTENER_PREPS = {"to": frozenset("""admit confide suggest reiterate insist complain disclose
    apologize apologise confess concede stress emphasize emphasise acknowledge mention reveal
    promise pledge vow swear signal hint boast brag lament predict recount testify repeat state
    report argue claim deny whisper add note explain announce declare confirm""".split()),
                   "with": frozenset("agree disagree concur share side".split())}


def extended_cues(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """The attributions with each cue reaching up to its content (see the module notes)."""
    return [_extended(doc, a) for a in found]


def _extended(doc: Doc, a: Attribution) -> Attribution:
    """One attribution's cue, reaching right to its content and left to its host verb."""
    if a.cue is None or a.cue_token is None:
        return a
    start = (a.parts[0] if a.parts else a.content)[0]
    # The source between cue and content ("According to X, ...") is no part of the cue.
    source_between = a.source is not None and a.cue[1] <= a.source[0] < start
    if start >= a.cue[1] and not source_between:
        a = a._replace(cue=(a.cue[0], _gap_end(doc, a.cue_token, a.cue[1], start)))
    elif start < a.cue[0]:
        a = a._replace(cue=(a.cue[0], _trailing_end(doc, a)))
    a = a._replace(cue=(_host_start(doc, a.cue_token, _leading_start(doc, a), a), a.cue[1]))
    return _speech_verb_as_head(doc, a)


# After a content, the statement it came in and the face it was said with join the cue
# ('"...," Osei said in a statement', 'said with a grin'): PolNeAR's annotators include them
# (train: 37 of 56 and 7 of 7); other occasions ("in an interview", "on Twitter", "at a rally",
# times) they split about evenly or leave out, so those stay out.
_TRAILING = {"in": frozenset({"statement"}),
             "with": frozenset("""grin smile laugh smirk shrug chuckle sigh wink nod frown scowl
                 sneer roll disbelief""".split())}
_MAX_TRAILING_WORDS = 6
_MAX_TRAILING_ADVERB = 3
_MAX_TRAILING_PHRASES = 2  # "shot back with a laugh"


def _trailing_end(doc: Doc, a: Attribution) -> int:
    """Where a cue after its content ends once it takes in the statement or manner phrases
    right after it (see ``_TRAILING``); the cue's end when there is none."""
    tree = doc_tree(doc)
    later = [s for s in (a.content, *a.parts, a.source) if s is not None and s[1] > a.cue[1]]
    end = a.cue[1]
    for _ in range(_MAX_TRAILING_PHRASES):
        first = bisect_left(tree.starts, end)
        if first >= len(doc) or tree.heads[first] != a.cue_token:
            break
        last = _trailing_piece_end(doc[first])
        if last is None:
            break
        further = tree.ends[last]
        if any(s[0] < further for s in later):
            break
        end = further
    return end


def _trailing_piece_end(word: Token) -> int | None:
    """The last token of a statement or manner piece right after the cue, None if it is not one."""
    if _trailing_adverb(word):
        return word.right_edge.i
    noun = _trailing_noun(word)
    return None if noun is None else noun.i


def _trailing_noun(prep: Token) -> Token | None:
    """The noun of "in a statement", "with a grin" (see ``_TRAILING``). The piece ends there:
    what hangs after it is when, where or to whom it was said ("in a statement on Tuesday",
    "to Reuters"), or more of it ("and a video"), and stays out like those."""
    if prep.lower_ not in _TRAILING:
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"
                 and c.lemma_.lower() in _TRAILING[prep.lower_]), None)
    if noun is None or noun.i - prep.i >= _MAX_TRAILING_WORDS:
        return None
    words = prep.doc[prep.i:noun.i + 1]
    if any(t.pos_ in _VERBS or t.is_punct for t in words):
        return None
    return noun


# Only adverbs of how it was said join a cue after its content ("said dryly", "shot back"):
# when ("said later", "said recently"), where ("said here"), how often ("said again") and the
# writer's stance ("said only", "reportedly said") are no part of the speech act, like times.
# A lower-case -ly adverb is taken for one of manner unless listed here.
_MANNER_WORDS = frozenset({"back", "aloud"})
_NOT_MANNER = frozenset("""recently previously repeatedly lately early earlier formerly
    subsequently eventually initially originally finally immediately shortly briefly instantly
    promptly presently currently newly frequently regularly routinely occasionally constantly
    continually consistently usually typically generally daily weekly monthly yearly annually
    nightly hourly only simply merely really actually apparently reportedly allegedly supposedly
    reputedly purportedly certainly probably possibly likely surely obviously evidently
    presumably undoubtedly definitely clearly personally publicly privately separately jointly
    exclusively also fully nearly hardly barely largely mostly partly mainly accordingly
    consequently additionally similarly""".split())


def _trailing_adverb(adverb: Token) -> bool:
    """'"...," Osei said dryly': an adverb of the manner of saying right after it (see
    ``_MANNER_WORDS``); a capitalised one is a name the tagger missed ('"...," said Osei')."""
    words = list(adverb.subtree)
    return (adverb.dep_ == "advmod" and adverb.pos_ == "ADV" and len(words) <= _MAX_TRAILING_ADVERB
            and adverb.ent_type_ not in _TIME_ENTS and _is_manner(adverb.lower_)
            and all((t.pos_ in ("ADV", "CCONJ") and t.is_lower) or t.text == "-" for t in words))


def _is_manner(word: str) -> bool:
    return word in _MANNER_WORDS or (word.endswith("ly") and word not in _NOT_MANNER)


# Words between an auxiliary and its verb the parse does not tag as adverbs ("have both
# argued", "has since said"), so the verb's span stops short of the auxiliary.
_BETWEEN_AUXILIARY = frozenset({"both", "since", "all", "each"})
_AUXILIARIES = frozenset({"aux", "auxpass"})
# Adverbs of time the cue's own span leaves out (the cue model was trained that way) but
# PolNeAR's cues hold right before the verb: "now says" (train: 47 of 51), "then asked" (24 of 38).
_LEADING_ADVERBS = frozenset({"now", "then"})


def _leading_start(doc: Doc, a: Attribution) -> int:
    """The cue's start, reaching back over "both"/"since" to the verb's auxiliary, or over
    "now"/"then" right before it."""
    tree = doc_tree(doc)
    first = bisect_left(tree.starts, a.cue[0])
    head = doc[a.cue_token]
    if first < 1 or first != head.i:
        return a.cue[0]
    before = doc[first - 1]
    if (before.head.i == head.i and before.dep_ == "advmod" and before.pos_ == "ADV"
            and before.lower_ in _LEADING_ADVERBS):
        return before.idx
    if first < 2:
        return a.cue[0]
    auxiliary = doc[first - 2]
    if (before.head.i == head.i and before.lower_ in _BETWEEN_AUXILIARY
            and auxiliary.head.i == head.i and auxiliary.dep_ in _AUXILIARIES):
        return auxiliary.idx
    return a.cue[0]


def _speech_verb_as_head(doc: Doc, a: Attribution) -> Attribution:
    """When the cue was found at a host verb and now reaches the speech verb it governs
    ("went on to deny", "issued a statement denying"), that verb names the cue: its lemma is
    what statuses, relations and the ledger read ("deny", not "go" or "issue")."""
    if a.cue_lemma in SPEECH_VERBS:
        return a
    tree = doc_tree(doc)
    inside = range(bisect_left(tree.starts, a.cue[0]), bisect_left(tree.starts, a.cue[1]))
    speech = [i for i in inside if i > a.cue_token and doc[i].pos_ in _VERBS
              and doc[i].lemma_.lower() in SPEECH_VERBS
              and _descends(tree.heads, i, a.cue_token)]
    if not speech:
        return a
    return a._replace(cue_token=speech[-1], cue_lemma=doc[speech[-1]].lemma_.lower())


# After these prepositions a gerund's host is what the source did besides, not the saying
# ("paused before adding", "said after meeting", "replied with a post calling"): PolNeAR's
# cue is the gerund alone (train: before 19 of 20, after 21 of 22, with 34 of 35). After
# "by" and "in" annotators split ("began by saying"), and "erred in saying" stays whole.
# ("refrained from endorsing" keeps its host: without it the cue says the opposite.)
_NOT_HOST_PREPS = frozenset({"before", "after", "with", "without", "despite", "since", "upon",
                             "while", "than", "through"})
# A host that sends a message the cue's gerund describes ("sent out a press release saying",
# "released a new radio ad calling": train 34 of 38 within five words), and the copula of an
# adjective the cue completes ("was quick to add", "were more likely to say": 44 of 48) may
# stand farther from the cue.
_MESSAGE_NOUNS = frozenset("""statement release letter email e-mail ad ads advertisement video
    message note tweet post memo report column op-ed editorial pitch text robocall commercial
    spot""".split())
_MAX_LONG_HOST_WORDS = 5
# An adjective that judges the saying is the writer's word, not the source's act: the cue of
# "Osei was wrong to claim that ..." is "claim", not "was wrong to claim" (annotators held
# "is correct to note" once in train half b; left out all the same).
_EVALUATIVE = frozenset("""wrong right correct incorrect mistaken foolish wise unwise justified
    unjustified silly stupid smart clever naive brave courageous bold reckless irresponsible
    ridiculous absurd misguided premature accurate inaccurate fair unfair dishonest honest
    disingenuous hypocritical arrogant sensible prudent rash hasty entitled""".split())
# How many verbs up the cue may climb: "decided to issue a statement saying" is three.
_MAX_HOST_STEPS = 3


def _host_start(doc: Doc, head: int, cue_start: int, a: Attribution) -> int:
    """The start of the verb the cue is the infinitive or gerund of: ``went on to say``,
    ``erred in saying``, ``issued a statement saying``. Climbing from verb to host, the
    farthest host that passes the checks wins; a nearer one stays when a farther fails."""
    tree = doc_tree(doc)
    heads, deps = tree.heads, tree.deps
    i, best, most_words = head, cue_start, _MAX_HOST_WORDS
    for _ in range(_MAX_HOST_STEPS):
        up = heads[i]
        if deps[i] == _XCOMP and doc[up].pos_ in _VERBS or _goes_on_to(doc, i, deps[i], up):
            i = up
        elif (deps[i] == _PCOMP and deps[up] == _PREP and doc[heads[up]].pos_ in _VERBS
              and doc[up].lower_ not in _NOT_HOST_PREPS):
            i = heads[up]
        elif deps[i] == _ACL and deps[up] == _DOBJ and doc[heads[up]].pos_ in _VERBS:
            i = heads[up]
            if doc[up].lemma_.lower() in _MESSAGE_NOUNS:
                most_words = _MAX_LONG_HOST_WORDS
        elif (deps[i] == _XCOMP and deps[up] == _ACOMP and doc[heads[up]].pos_ in _VERBS
              and doc[up].lemma_.lower() not in _EVALUATIVE):
            i = heads[up]  # "was quick to add", "were more likely to say"
            most_words = _MAX_LONG_HOST_WORDS
        else:
            break
        start = _host_span_start(doc, tree, i, head, cue_start, a, most_words)
        if start is not None:
            best = start
    return best


def _goes_on_to(doc: Doc, i: int, dep: int, up: int) -> bool:
    """"went on to explain": the parse often hangs the infinitive on "went on" as a clause of
    purpose, not its complement; it is still the cue's host."""
    return (dep == _ADVCL and doc[up].lemma_ == "go" and doc[up].i < i
            and any(c.dep_ == "prt" and c.lower_ == "on" for c in doc[up].children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in doc[i].children))


def _host_span_start(doc: Doc, tree, host: int, head: int, cue_start: int,
                     a: Attribution, most_words: int) -> int | None:
    """Where the cue starts if it reaches back to ``host``; None when it may not."""
    if host > head:
        return None
    # Neither the source nor the content may lie between the host and the cue.
    if a.source is not None and tree.starts[host] < a.source[1] <= cue_start:
        return None
    if a.content[0] < tree.ends[head] and a.content[1] > tree.starts[host]:
        return None
    start = cue_span(doc[host])[0]
    words = bisect_left(tree.starts, cue_start) - bisect_left(tree.starts, start)
    return start if 0 < words <= most_words else None


def _gap_end(doc: Doc, head: int, cue_end: int, content_start: int) -> int:
    """Where the cue ends once it takes in the head's dependents before the content."""
    tree = doc_tree(doc)
    first = bisect_left(tree.starts, cue_end)
    last = bisect_left(tree.starts, content_start)  # the content's first token
    gap = list(range(first, last))
    while gap and (doc[gap[-1]].is_punct or doc[gap[-1]].is_space
                   or doc[gap[-1]].lower_ in _CONTENT_OPENERS):
        gap.pop()
    if not gap or len(gap) > _MAX_GAP or not _predicate_words(doc, head, gap):
        return cue_end
    return tree.ends[gap[-1]]


def _predicate_words(doc: Doc, head: int, gap: list[int]) -> bool:
    """True when every gap word hangs from the cue verb and none is a subject, comma, time
    or (after a verb of telling) the listener: PolNeAR leaves those out of the cue."""
    tree = doc_tree(doc)
    heads, deps = tree.heads, tree.deps
    telling = doc[head].lemma_ in _TELLING
    for i in gap:
        token = doc[i]
        if token.is_punct or not _descends(heads, i, head):
            return False
        if deps[i] in _SUBJECTS and not _small_clause_subject(doc, heads, i, gap):
            return False
        if token.ent_type_ in _TIME_ENTS or deps[i] in _TIME_DEPS:
            return False
        if telling and heads[i] == head and (deps[i] in _OBJECTS or token.lower_ in _TELLING_PREPS):
            return False
        if heads[i] == head and doc[head].lemma_ in _LISTENER_PREPS.get(token.lower_, ()):
            return False
    return True


def _small_clause_subject(doc: Doc, heads: list[int], i: int, gap: list[int]) -> bool:
    """"it" of "made it clear that": the parse makes it the subject of the adjective, but the
    words are one predicate ("made it clear", "made it plain")."""
    up = heads[i]
    return doc[i].lower_ == "it" and up in gap and doc[up].pos_ == "ADJ"


def _descends(heads: list[int], i: int, ancestor: int) -> bool:
    for _ in range(64):
        if i == ancestor:
            return True
        if heads[i] == i:
            return False
        i = heads[i]
    return False
