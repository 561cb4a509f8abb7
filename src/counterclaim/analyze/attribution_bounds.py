"""Where an indirect content starts and ends: PolNeAR's content is the reported
proposition, so a trailing aside the outlet adds after a comma or dash is left out ("...,
which the ministry denies", "... — a figure no one has checked", "..., while rebels held
the pass"), and so are the time and occasion of the saying ("praised X on Tuesday", "denied
Y in an interview"); the object an infinitive is about opens it ("urged the ministry to act"). A content that opens a quotation runs to its end, and one that
runs to a quotation's end starts with it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from .attribution_types import content_mode
from .cues import GROUP_NOUNS, ROLE_WORDS
from .spans import CharSpan, doc_tree, text_of, token_at, trim

ASIDE_OPENERS = frozenset({"which", "who", "whom", "whose", "while", "whereas", "although", "though"})
ASIDE_DEPS = frozenset({"relcl", "advcl", "appos"})
ASIDE_PUNCT = frozenset({",", "\u2014", "\u2013", "-", "--", ";"})


def without_trailing_aside(doc: Doc, content: CharSpan, quotes) -> CharSpan:
    """The content less an aside that ends it; unchanged inside quotation marks."""
    start, end = content
    if any(q.start < end and start < q.end for q in quotes):
        return content
    last = token_at(doc, max(start, end - 1))
    first = token_at(doc, start)
    text, tree = text_of(doc), doc_tree(doc)
    for i in range(first.i + 2, last.i + 1):
        if text[tree.starts[i - 1]:tree.ends[i - 1]] not in ASIDE_PUNCT:
            continue  # _opens_aside's first test, without a Token per word
        if not _opens_aside(doc[i], last):
            continue
        cut = trim(text, start, tree.starts[i - 1])
        if cut[1] - cut[0] >= 3:
            return cut
    return content


def _opens_aside(token: Token, last: Token) -> bool:
    previous = token.doc[token.i - 1]
    if previous.text not in ASIDE_PUNCT:
        return False
    phrase = _phrase_head(token)
    if phrase is None or phrase.right_edge.i < last.i - 1:
        return False  # the aside must run to the content's end
    if phrase.dep_ == "appos":
        return previous.text != ","  # "X — a figure ..." but not "Karim Sadeq, the spokesman"
    return token.lower_ in ASIDE_OPENERS


def _phrase_head(token: Token) -> Token | None:
    """The relative clause, adverbial clause or apposition the token opens."""
    head = token
    while head.dep_ not in ASIDE_DEPS:
        if head.head.i == head.i or head.left_edge.i != token.i and head.head.left_edge.i != token.i:
            return None
        head = head.head
    return head if head.left_edge.i == token.i else None


def through_opened_quotes(doc: Doc, found: list, quotes) -> list:
    """Contents that open a quotation and stop inside it run to its end: 'said she had
    "steady hands, but most of all, a good heart"' (the parse ended the clause at the comma).
    The outlet's marks say where the quoted words end (PolNeAR train: the gold content ends
    with the quote 53 times in 58). So do contents a quotation goes straight on from ('urged
    Congress to make them pay "their fair share"'; 11 times in 11). A content that starts inside
    a quotation and runs to its end starts with it ('"We hold Kessen. We will hold Vorna," Osei
    said' with the parse's content from "We will"; 15 times in 16). A quotation runs over a
    paragraph break only where the outlet continues it (``find_quotes``)."""
    if not quotes:
        return found
    text = text_of(doc)
    starts, ends = [q.start for q in quotes], [q.end for q in quotes]  # in text order, apart
    return [a if a.parts else _through_quote(text, a, quotes[bisect_left(ends, a.content[0]):
                                                         bisect_right(starts, a.content[1] + 3)])
            for a in found]


def _through_quote(text: str, a, quotes):
    """``a`` with its content moved to the quotations near it (``quotes``: those that end
    after it starts and start at most three characters after it ends)."""
    start, end = _quote_start(text, a, quotes), a.content[1]
    quote = next((q for q in quotes if start <= q.start < end < q.end or _opens_right_after(text, end, q)), None)
    if quote is not None and trim(text, start, quote.end)[1] > end:  # not only punctuation left out
        end = trim(text, start, quote.end)[1]
    if (start, end) == a.content:
        return a
    return a._replace(content=(start, end), mode=content_mode((start, end), quotes))


def _quote_start(text: str, a, quotes) -> int:
    """Where the quotation a content starts inside and runs to the end of opens; never over
    the claim's own cue or source (a claim quoted inside another: '"..., and the FHF claims
    the army has fled," Osei said')."""
    start, end = a.content
    opened = next((q for q in quotes if q.start < start < q.end and trim(text, q.start, q.end)[1] <= end), None)
    if opened is None:
        return start
    earlier = trim(text, opened.start, end)[0]
    if any(span and earlier < span[1] and span[0] < start for span in (a.cue, a.source)):
        return start
    return min(start, earlier)


def _opens_right_after(text: str, end: int, quote) -> bool:
    """The quotation opens where the content stops, with nothing but its mark between
    ('to pay "their fair share"'): the parse cut a phrase the quote goes on with."""
    between = text[end:quote.start]
    return end < quote.start <= end + 3 and between.strip() != "" and not any(
        ch.isalnum() or ch in ",;:.!?()" for ch in between)


# Occasions of speaking: "said X at a rally", "in an interview with Y".
OCCASION_NOUNS = frozenset("""interview statement speech debate rally conference briefing event
    appearance hearing address remarks tweet post video radio television show program meeting
    town hall forum session call email letter twitter facebook article column memo op-ed
    telegram""".split())


def circumstance(child: Token) -> bool:
    """A time ("on Tuesday", "last week") or occasion ("at a rally in Vorna") of the cue."""
    if child.dep_ == "npadvmod" or child.dep_ == "advmod":
        return child.ent_type_ in ("DATE", "TIME")
    if child.dep_ != "prep":
        return False
    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    return pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in OCCASION_NOUNS


def object_before(verb: Token, clause: Token, start: int) -> int:
    """"urged the ministry to act": the object the infinitive is about opens the content."""
    if clause.dep_ != "xcomp" or clause.i < verb.i:
        return start
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    return obj.left_edge.idx if obj is not None else start


# Participles that report back to the speaker ("..., saying ...", "..., adding ..."); not
# "according to" (a source inside the content) nor acts of the reported clause's own subject
# ("a soldier shouted at the crowd, telling them to go home", "..., asking the driver ...").
SPEAKERS_PARTICIPLES = frozenset("""
say add insist note stress argue explain claim deny acknowledge admit
""".split())

def is_speech_participle(token: Token) -> bool:
    """A present participle of a speech act: "..., saying ...", "..., insisting ..."."""
    return token.tag_ == "VBG" and token.lemma_.lower() in SPEAKERS_PARTICIPLES


# Nouns of people who can speak for themselves, beyond cues' role and group nouns.
_PEOPLE = frozenset("""
prisoner detainee captive suspect hostage rebel fighter soldier insurgent militant man woman
commander survivor victim defector deserter spy agent gunman attacker bomber informant
""".split()) | ROLE_WORDS | GROUP_NOUNS | {noun.rstrip("s") for noun in GROUP_NOUNS}
_MODALS = frozenset("will would shall should can could may might must".split())
# Flight or a fall the reporter comments on: "the rebels fled Kessen on Monday, claiming
# victory" is the army's claim, not the rebels'; "Kessen fell, saying ..." (a town the parse
# may take for a person) says nothing.
_FLIGHT = frozenset("flee retreat escape scatter run withdraw fall collapse".split())


def _antecedent_for_relative(doc: Doc, b):
    """The participle's source, a relative pronoun ("an FHF fighter, who confessed, admitting
    ...") given as the noun phrase it stands for."""
    if b.source_token is None or doc[b.source_token].lower_ not in ("who", "that"):
        return b
    act = doc[b.source_token].head
    if act.dep_ != "relcl":
        return b
    noun = act.head
    return b._replace(source=(noun.left_edge.idx, noun.idx + len(noun.text)), source_token=noun.i)


def reported_party_acts(participle: Token) -> bool:
    """Whether the participle hangs on a finished act of the reported clause's own speaking
    subject ("said a rebel commander surrendered, acknowledging ...", "said the prisoner
    confessed, admitting ...", "an FHF fighter, who confessed, admitting ..."): the participle
    is that person's, not the reporter's. Not a forecast ("the front would hold Kessen,
    saying ...") nor a subject that cannot speak ("the town fell, ..."), nor a pronoun, as often
    the speaker himself ("announced that he filed ..., saying ..."), nor flight ("the rebels
    fled, claiming victory")."""
    act = participle.head
    if act.i == participle.i or act.tag_ not in ("VBD", "VBN", "VBZ", "VBP") or act.lemma_.lower() in _FLIGHT:
        return False
    if any(child.dep_ == "aux" and child.lower_ in _MODALS for child in act.children):
        return False
    subject = next((child for child in act.children if child.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in ("who", "that") and act.dep_ == "relcl":
        subject = act.head
    return subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.lemma_.lower() in _PEOPLE \
        or subject.lower_ in _PEOPLE


def participle_splits(doc: Doc, candidates, kept: list, quotes=()) -> tuple[list, list]:
    """Kept indirect contents that end in the speaker's next speech act, a participle after a
    comma ("said her father would do the same, saying that he supports equal pay"): the
    participle was a candidate of its own, turned away as nested. The content ends before the
    comma, and the participle's attribution joins the kept ones, with the speaker as source
    unless the parse gave it one outside the reported clause; the host's mode follows its
    shorter content (a quote cut off with the participle leaves it "indirect"). Returns the
    kept list so amended and the added attributions."""
    text, tree = text_of(doc), doc_tree(doc)
    taken = {a.cue_token for a in kept if a.cue_token is not None}
    kept, added = list(kept), []
    for b, finder, _score in candidates:
        if finder not in ("verb", "learned") or b.cue_token is None or b.cue_token in taken:
            continue
        comma = tree.starts[b.cue_token] - 1
        if b.cue is None or b.cue[0] != tree.starts[b.cue_token] or text[comma - 1:comma] != ",":
            continue  # only a participle right after a comma ("..., saying ...")
        host = next((n for n, a in enumerate(kept) if a.mode != "direct" and not a.parts
                     and a.content[0] < comma and b.content[1] <= a.content[1]
                     and not any(ch.isalnum() for ch in text[b.content[1]:a.content[1]])
                     and b.cue[0] < b.content[0]), None)
        participle = doc[b.cue_token]
        if host is None or not is_speech_participle(participle):
            continue
        a = kept[host]
        cut = trim(text, a.content[0], comma - 1)
        if cut[1] - cut[0] < 3:
            continue
        kept[host] = a._replace(content=cut, mode=content_mode(cut, quotes))
        if b.source is not None and reported_party_acts(participle):
            b = _antecedent_for_relative(doc, b)  # the reported party's own speech act stays theirs
        elif b.source is None or a.content[0] <= b.source[0] < a.content[1]:
            b = b._replace(source=a.source, source_token=a.source_token)  # not a subject it reports
        added.append(b)
        taken.add(b.cue_token)
    return kept, added
