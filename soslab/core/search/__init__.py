"""Search across the platform: Korean analysis with Kiwi and an index in the database on both
engines (docs/search.md). The public API:

- `index_text(*parts)`: the analysed token string for a model's `search_text` (title first);
- `filter_matching(queryset, q)` / `rank_matching(queryset, q)`: rows matching a query (ranked);
- `highlight(text, q, length=160)`: an escaped snippet with the matches in <mark>;
- `register(model, parts=..., queryset=..., tie_break=...)`: how a model joins the index.
"""

from .analysis import index_text
from .highlight import highlight
from .index import register
from .matching import filter_matching, rank_matching

__all__ = ["filter_matching", "highlight", "index_text", "rank_matching", "register"]
