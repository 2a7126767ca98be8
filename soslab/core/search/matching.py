"""Filtering and ranking a registered model's queryset by a search query."""

import functools
import itertools

from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Concat

from . import index
from .analysis import GRAM_MARK, TITLE_MARK, Term, analyse_query

RANK_WINDOW = 500  # with thousands of matches, the ones ranked (first by the tie-break)
MAX_GRAMS = 10  # grams of one term the fallback looks at (pairs of 10: 45 alternatives)

# Rank weights (higher is better): the title before the body, the exact phrase before scattered
# words; a fallback match counts its grams.
TITLE_TERM, TERM_PHRASE, QUERY_PHRASE, TITLE_PHRASE, GRAM = 8, 2, 4, 4, 1


def _term_expression(term):
    alternatives = [("and", list(tokens)) for tokens in term.alternatives]
    return ("or", alternatives)


def exact_expression(query):
    return ("and", [_term_expression(term) for term in query.terms])


def _fuzzy_term(term):
    found = term.grams[:MAX_GRAMS]
    if not found:
        return _term_expression(term)
    tokens = [GRAM_MARK + gram for gram in found]
    if len(tokens) <= 3:  # short words: one shared gram is enough (효쟈동 ~ 효자동 by 효동)
        return ("or", [_term_expression(term), *tokens])
    pairs = [("and", list(pair)) for pair in itertools.combinations(tokens, 2)]
    return ("or", [_term_expression(term), *pairs])


def fuzzy_expression(query):
    """The fallback: each term matches exactly or by its grams. None when no term has grams."""
    if not any(term.grams for term in query.terms):
        return None
    return ("and", [_fuzzy_term(term) for term in query.terms])


def _matching(queryset, query):
    """(queryset filtered, used the fallback?, thousands of matches?). The fallback is used when
    no row of `queryset` (with its visibility and other filters) matches exactly; on SQLite a
    count of the index's matches (capped) first chooses the plan, and when it is zero saves the
    EXISTS."""
    expression = exact_expression(query)
    found = index.fts_matches(queryset, expression)
    broad = found is not None and found >= index.BROAD
    exact = queryset.filter(index.match_condition(queryset, expression, broad=broad))
    fuzzy = fuzzy_expression(query)
    if fuzzy is None or (found != 0 and exact.exists()):
        return exact, False, broad
    fuzzy_found = index.fts_matches(queryset, fuzzy)
    broad = fuzzy_found is not None and fuzzy_found >= index.BROAD
    return queryset.filter(index.match_condition(queryset, fuzzy, broad=broad)), True, broad


def filter_matching(queryset, q):
    """`queryset` narrowed to the rows matching the search `q` (every term must match); when no
    row matches exactly, the rows matching by the fallback grams. An empty `q` leaves the
    queryset as it is; a query with nothing searchable in it (only particles or punctuation)
    matches nothing. The model must be registered (index.register)."""
    query = analyse_query(q)
    if not query.text:
        return queryset
    if not query.terms:
        return queryset.none()
    index.registration(queryset.model)
    return _matching(queryset, query)[0]


def _has(*tokens):
    """All tokens present in the padded search_text (alias _search_padded)."""
    return functools.reduce(
        lambda a, b: a & b, (Q(_search_padded__contains=f" {token} ") for token in tokens)
    )


def _title_has(term: Term):
    return functools.reduce(
        lambda a, b: a | b,
        (_has(*(TITLE_MARK + token for token in tokens)) for tokens in term.alternatives),
    )


def _rank_parts(query, fuzzy):
    parts = []
    for term in query.terms:
        parts.append((_title_has(term), TITLE_TERM))
        if term.compound:
            parts.append((_has(term.compound), TERM_PHRASE))
        if fuzzy:
            parts += [(_has(GRAM_MARK + gram), GRAM) for gram in term.grams[:MAX_GRAMS]]
    if query.phrase and len(query.terms) > 1:
        parts.append((_has(query.phrase), QUERY_PHRASE))
        parts.append((_has(TITLE_MARK + query.phrase), TITLE_PHRASE))
    return parts


def rank_matching(queryset, q):
    """filter_matching plus `search_rank` (higher is better: title matches over description
    matches, the exact phrase over scattered words, fallback matches by grams shared), ordered
    by it, then by the model's tie-break (most supported, newest for problems). When thousands
    of rows match (SQLite's count), only the RANK_WINDOW first by the tie-break are ranked."""
    query = analyse_query(q)
    reg = index.registration(queryset.model)
    if not query.text:
        return queryset.annotate(search_rank=Value(0, output_field=IntegerField()))
    if not query.terms:
        return queryset.none().annotate(search_rank=Value(0, output_field=IntegerField()))
    matched, fuzzy, broad = _matching(queryset, query)
    if broad:  # thousands of matches: rank the RANK_WINDOW first by the tie-break
        window = matched.order_by(*reg.tie_break).values("pk")[:RANK_WINDOW]
        matched = queryset.filter(pk__in=window)
    padded = Concat(Value(" "), F("search_text"), Value(" "), output_field=TextField())
    matched = matched.alias(_search_padded=padded)
    rank = functools.reduce(
        lambda a, b: a + b,
        (
            Case(When(condition, then=Value(weight)), default=Value(0))
            for condition, weight in _rank_parts(query, fuzzy)
        ),
        Value(0),
    )
    return matched.annotate(search_rank=rank).order_by("-search_rank", *reg.tie_break)
