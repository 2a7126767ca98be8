"""Content Security Policy sources derived from the URLs the pages really load.

Pure functions (no Django imports) so the settings module can use them: the CSP's map tile
source is computed from `GEO_TILE_URL`, the one tile URL every map uses, so the two cannot drift.
"""

from urllib.parse import urlsplit


def url_template_source(url):
    """The CSP source expression allowing `url`, a URL template such as
    "https://{s}.tile.example.org/{z}/{x}/{y}.png": scheme and host, with a placeholder
    subdomain ("{s}.") turned into a wildcard. Empty for an empty URL (no tiles: nothing allowed).
    """
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"Not an absolute http(s) URL template: {url!r}")
    host = parts.netloc.rsplit("@", 1)[-1]
    labels = host.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    if any("{" in label for label in labels):
        raise ValueError(f"Only the first host label may be a placeholder: {url!r}")
    return f"{parts.scheme}://{'.'.join(labels)}"
