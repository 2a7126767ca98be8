"""Search result snippets: the text around the first match, matches wrapped in <mark>."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import MAX_COMPOUND, analyse_query, grams, morphemes, noun_runs

MAX_ANALYSED = 5_000  # characters of a long text analysed for the snippet
ELLIPSIS = "…"


def _wanted(query):
    wanted = set()
    for term in query.terms:
        wanted.update(term.components)
        if term.compound:
            wanted.add(term.compound)
    return wanted


def _token_spans(text, query):
    """Spans of the morphemes (and adjacent-noun compounds) the query asks for."""
    wanted = _wanted(query)
    morphs = morphemes(text)
    spans = [(m.start, m.end) for m in morphs if m is not None and m.form in wanted]
    for run in noun_runs(morphs):
        for size in range(2, MAX_COMPOUND + 1):
            for i in range(len(run) - size + 1):
                window = run[i : i + size]
                if "".join(m.form for m in window) in wanted:
                    spans.append((window[0].start, window[-1].end))
    if spans:
        return spans
    # The fallback matched: nouns sharing a two-syllable gram with a query term.
    query_grams = {gram for term in query.terms for gram in term.grams}
    return [
        (m.start, m.end)
        for m in morphs
        if m is not None and m.kind == "noun" and query_grams & set(grams(m.form))
    ]


def _substring_spans(text, query):
    folded = text.casefold()
    spans = []
    for word in query.text.casefold().split():
        start = folded.find(word)
        while word and start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    return spans


def _merge(spans, text):
    """Overlapping spans, and spans apart only by spaces (어린이 보호 구역), become one."""
    merged = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text, q, length=160):
    """HTML-escaped snippet of about `length` characters of `text` around the first match of the
    query `q`, each match wrapped in <mark> (morphemes, so 미세먼지 marks 미세먼지 in 미세먼지가).
    Without a match: the beginning of the text."""
    text = str(text or "")
    query = analyse_query(q)
    spans = []
    if query.terms and text:
        analysed = text[:MAX_ANALYSED]
        spans = _token_spans(analysed, query) or _substring_spans(analysed, query)
        spans = _merge(spans, analysed)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - length // 4, len(text) - length))
    end = min(len(text), start + length)
    pieces = [ELLIPSIS] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces += [escape(text[cursor:span_start]), "<mark>", escape(text[span_start:span_end])]
        pieces.append("</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append(ELLIPSIS)
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above
