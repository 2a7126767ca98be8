"""Korean text analysis for search, with Kiwi (kiwipiepy and its bundled model; nothing is
downloaded at run time).

A text becomes a string of space-separated index tokens (`index_text`), and a query becomes a
boolean expression over the same tokens (`analyse_query`), so particles and spacing stop mattering:

- nouns (NNG, NNP, NR, XR, SH), numbers (SN) and latin words (SL, case-folded);
- verb and adjective roots (VV*, VA*: 어둡, 좁, 심하), except the few too common to mean anything;
- compounds: every run of 2 to MAX_COMPOUND adjacent nouns joined (어린이 보호 구역 -> 어린이보호,
  보호구역, 어린이보호구역), so 어린이보호구역 <-> 어린이 보호 구역 and 미세먼지가 <-> 미세 먼지;
- TITLE_MARK + token for every token of the title (the first part), to rank title matches first;
- GRAM_MARK + two syllables: the bigrams and skip-bigrams of each Hangul noun run, the fallback for
  words Kiwi does not know or that are misspelt (효쟈동 shares the skip-bigram 효동 with 효자동).

The marks are Hangul compatibility jamo: letters to both engines' tokenizers (one token with what
follows), and never the first letter of a word Kiwi returns.
"""

import functools
import re
import threading
from dataclasses import dataclass

TITLE_MARK = "ㅈ"  # 제목: the token occurs in the title
GRAM_MARK = "ㄱ"  # 글자: a two-syllable gram of a noun run (fallback)
MAX_COMPOUND = 4  # nouns joined at most into one compound token
MAX_QUERY_TERMS = 8
MAX_QUERY_LENGTH = 200

NOUN_TAGS = frozenset({"NNG", "NNP", "NR", "XR", "SH"})
WORD_TAGS = frozenset({"SL", "SN"})
ROOT_TAGS = ("VV", "VA")
# Kiwi's reading of a word it does not know when alone: interjections, adverbs, determiners.
ODD_TAGS = frozenset({"IC", "MAG", "MAJ", "MM", "UN"})
# Roots that carry no meaning a search could use (하다, 되다, 있다, 없다, 같다, 나다...).
STOP_ROOTS = frozenset(
    {
        "하",
        "되",
        "있",
        "없",
        "같",
        "않",
        "이",
        "아니",
        "싶",
        "주",
        "보",
        "나",
        "오",
        "가",
        "받",
        "말",
    }
)
_WORD = re.compile(r"[^\W_]+")
_HANGUL = re.compile(r"[가-힣]+")

_kiwi = None
_kiwi_lock = threading.Lock()


def kiwi():
    """The process-wide Kiwi, created on first use (about a second: the model loads once)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi(num_workers=1, load_typo_dict=False, load_multi_dict=False)
    return _kiwi


def _tokenize(text):
    instance = kiwi()
    with _kiwi_lock:  # one analysis at a time: the C++ object is shared by every thread
        return instance.tokenize(text)


@dataclass(frozen=True)
class Morph:
    """One useful morpheme: its index form, its kind (noun, word, root) and its span in the text."""

    form: str
    kind: str
    start: int
    end: int


def morphemes(text, tokens=None):
    """The useful morphemes of `text` (or of its Kiwi `tokens`), in order; None marks a break
    between noun runs."""
    out = []
    for token in _tokenize(text) if tokens is None else tokens:
        tag = str(token.tag)
        kind = None
        if tag in NOUN_TAGS:
            kind = "noun"
        elif tag in WORD_TAGS:
            kind = "word"
        elif tag.startswith(ROOT_TAGS) and token.form not in STOP_ROOTS:
            kind = "root"
        if kind is None:
            out.append(None)
            continue
        pieces = _WORD.findall(token.form.casefold())
        if not pieces:
            out.append(None)
            continue
        for piece in pieces:
            out.append(Morph(piece, kind, token.start, token.start + token.len))
        if len(pieces) > 1 or kind != "noun":
            out.append(None)
    return out


def noun_runs(morphs):
    """Lists of adjacent nouns (an adjacent pair is a compound)."""
    runs, current = [], []
    for morph in [*morphs, None]:
        if morph is not None and morph.kind == "noun":
            current.append(morph)
            continue
        if current:
            runs.append(current)
        current = []
    return runs


def compounds(run):
    """Every join of 2..MAX_COMPOUND adjacent nouns of the run."""
    forms = [m.form for m in run]
    return [
        "".join(forms[i : i + size])
        for size in range(2, MAX_COMPOUND + 1)
        for i in range(len(forms) - size + 1)
    ]


def grams(word):
    """Two-syllable grams of the Hangul in `word`: bigrams and skip-bigrams (fallback tokens)."""
    found = []
    for chunk in _HANGUL.findall(word):
        found += [chunk[i : i + 2] for i in range(len(chunk) - 1)]
        found += [chunk[i] + chunk[i + 2] for i in range(len(chunk) - 2)]
    return list(dict.fromkeys(found))


def word_stems(text, tokens):
    """Each word that starts with a noun, up to its last noun (or a nominalised 하+ㅁ, as in
    분리수거함, which Kiwi sometimes reads as 분리수거 + 하 + ㅁ): the word as people type it,
    without its particles."""
    stems = []
    for word in re.finditer(r"\S+", text):
        inside = [t for t in tokens if word.start() <= t.start < word.end()]
        if not inside or str(inside[0].tag) not in NOUN_TAGS:
            continue
        end = None
        for token, after in zip(inside, [*inside[1:], None], strict=True):
            tag = str(token.tag)
            if tag in NOUN_TAGS or tag == "XSN":
                end = token.start + token.len
            elif tag in ("XSV", "XSA") and after is not None and str(after.tag) == "ETN":
                end = after.start + after.len
        stem = "".join(_WORD.findall(text[word.start() : end].casefold()))
        if stem:
            stems.append(stem)
    return stems


@functools.lru_cache(maxsize=2048)
def part_tokens(text):
    """(tokens, grams) of one text, each in order without repeats (cached: bulk builders repeat
    phrases)."""
    analysed = _tokenize(text)
    morphs = morphemes(text, analysed)
    tokens = [m.form for m in morphs if m is not None] + word_stems(text, analysed)
    found_grams = []
    for run in noun_runs(morphs):
        tokens += compounds(run)
        found_grams += grams("".join(m.form for m in run))
    return tuple(dict.fromkeys(tokens)), tuple(dict.fromkeys(found_grams))


def index_text(*parts):
    """The token string to store in a model's `search_text` column. The first part is the title
    (its tokens are also stored with TITLE_MARK); the others are body text (description, tags,
    place...). Empty parts are skipped."""
    tokens, title_tokens, found_grams = [], [], []
    for position, part in enumerate(parts):
        text = " ".join(str(part or "").split())[:20_000]
        if not text:
            continue
        part_words, part_grams = part_tokens(text)
        tokens += part_words
        found_grams += part_grams
        if position == 0:
            title_tokens = [TITLE_MARK + token for token in part_words]
    found_grams = [GRAM_MARK + gram for gram in found_grams]
    return " ".join(dict.fromkeys([*tokens, *title_tokens, *found_grams]))


# --- Queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One thing the query asks for: a noun run (its components, and their compound when there
    are several), a root or a word. It matches a row holding the compound or every component."""

    components: tuple
    surface: str  # the query's own text for it, for the fallback's grams

    @property
    def compound(self):
        return "".join(self.components) if 1 < len(self.components) <= MAX_COMPOUND else None

    @property
    def alternatives(self):
        """Token sets of which one must be present: the compound alone, or all components."""
        found = [(self.compound,)] if self.compound else []
        return [*found, self.components]

    @property
    def grams(self):
        return grams(self.surface)


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple

    @property
    def phrase(self):
        """All the query's nouns joined, when they are several (rank: the exact phrase)."""
        nouns = [c for term in self.terms for c in term.components]
        return "".join(nouns) if len(nouns) > 1 else None


def analyse_query(q):
    """The query's terms (cached). An empty query has none."""
    q = " ".join(str(q or "").split())[:MAX_QUERY_LENGTH]
    return _analyse_query(q)


@functools.lru_cache(maxsize=1024)
def _analyse_query(q):
    if not q:
        return Query(q, ())
    terms = []
    tokens = _tokenize(q)
    morphs = morphemes(q, tokens)
    for run in noun_runs(morphs):
        surface = q[run[0].start : run[-1].end]
        for i in range(0, len(run), MAX_COMPOUND):  # a very long run: several terms
            chunk = run[i : i + MAX_COMPOUND]
            terms.append(Term(tuple(m.form for m in chunk), surface))
    for morph in morphs:
        if morph is not None and morph.kind != "noun":
            terms.append(Term((morph.form,), q[morph.start : morph.end]))
    # A word Kiwi cut into odd pieces only (a lone 그늘막 reads as an interjection and two
    # adverbs): the word itself, as it may stand in the index as a compound. A function word
    # (너무) or a verb form (난) stays out.
    for word in re.finditer(r"\S+", q):
        inside = [str(t.tag) for t in tokens if word.start() <= t.start < word.end()]
        if len(inside) > 1 and all(tag in ODD_TAGS for tag in inside):
            pieces = tuple(_WORD.findall(word.group().casefold()))
            if pieces:
                terms.append(Term(("".join(pieces),), word.group()))
    unique = list(dict.fromkeys(terms))
    return Query(q, tuple(unique[:MAX_QUERY_TERMS]))
