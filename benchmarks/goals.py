"""The goals of issue 13 per page group, checked against the HTTP measurements, and the table.

| group | goal |
|---|---|
| list (anonymous /problems/ and each variant) | throughput >= 60% of the reference view; median <= 1.5x the baseline's; same query count |
| list-auth (signed-in /problems/) | throughput >= 25% of the reference view; median <= 1.5x the baseline's |
| problem (2,000 comments) | median <= 1.5x the baseline's; same query count |
| results (5,000 ideas, 200,000 votes) | <= 150 KB of HTML, median <= 100 ms |
| download (open-data CSV/GeoJSON) | whole download <= 1 s, first bytes <= 100 ms |
| hotspot (the largest one's page) | paginated: <= 150 KB; median <= 1.5x the baseline's |
| map | median <= 1.5x the baseline's; same query count; map page <= 80 KB, whole-city GeoJSON <= 40 KB |
"""

GOALS = {
    "reference": "-",
    "list": ">=60% ref, <=1.5x",
    "list-auth": ">=25% ref, <=1.5x",
    "problem": "<=1.5x",
    "results": "<=150 KB, <=100 ms",
    "download": "<=1 s, first <=100 ms",
    "hotspot": "<=150 KB, <=1.5x",
    "map": "<=1.5x",
}
SIZE_LIMITS_KB = {"map page": 80, "map GeoJSON, whole city": 40, "hotspot page": 150}


def _checks(row):
    """(passed, failed descriptions) for one row."""
    group, misses = row["group"], []
    ratio, share = row.get("ratio"), row.get("share")
    if group in ("list", "list-auth") and share is not None:
        floor = 60 if group == "list" else 25
        if share < floor:
            misses.append(f"{share:.0f}% < {floor}%")
    ratio_group = group in ("list", "list-auth", "problem", "hotspot", "map")
    if ratio_group and ratio is not None and ratio > 1.5:
        misses.append(f"{ratio:.1f}x")
    base_queries = row.get("base_queries")
    if ratio_group and base_queries is not None and row["queries"] != base_queries:
        misses.append(f"queries {base_queries}->{row['queries']}")
    if group == "results":
        if row["bytes"] > 150 * 1024:
            misses.append(f"{row['bytes'] / 1024:.0f} KB")
        if row["median"] > 100:
            misses.append(f"{row['median']:.0f} ms")
    if group == "download":
        if row["median"] > 1000:
            misses.append(f"{row['median'] / 1000:.1f} s")
        if row["first"] > 100:
            misses.append(f"first {row['first']:.0f} ms")
    limit = SIZE_LIMITS_KB.get(row["label"])
    if limit and row["bytes"] > limit * 1024:
        misses.append(f"{row['bytes'] / 1024:.0f} KB > {limit} KB")
    return misses


def evaluate(main, base):
    """Rows of the table: the measurements at this scale with the ratios and the verdict."""
    reference = main.get("reference view (1 query)", {}).get("rps")
    rows = []
    for label, numbers in main.items():
        row = {"label": label, **numbers}
        baseline = base.get(label)
        row["ratio"] = numbers["median"] / baseline["median"] if baseline else None
        row["base_queries"] = baseline["queries"] if baseline else None
        rps = numbers.get("rps")
        row["share"] = 100 * rps / reference if rps and reference else None
        misses = [] if row["group"] == "reference" else _checks(row)
        row["verdict"] = "-" if row["group"] == "reference" else ("MISS " if misses else "PASS")
        row["verdict"] += ", ".join(misses)
        rows.append(row)
    return rows


def _cell(value, fmt, empty="-"):
    return empty if value is None else format(value, fmt)


def table(rows, *, scale, baseline):
    """The one table `make bench` prints (and docs/performance.md records)."""
    header = (
        f"{'page':<30} {'median':>8} {'p95':>8} {'KB':>8} {'queries':>9} {'req/s':>7} "
        f"{'% ref':>6} {scale + '/' + (baseline or '-'):>9}  {'goal':<22} result"
    )
    lines = [f"\nCity-scale table: {scale} vs {baseline or 'no baseline'}", header]
    lines.append("-" * len(header))
    for row in rows:
        queries = _cell(row["queries"], "d")
        if row.get("base_queries") is not None:
            queries += f"/{row['base_queries']}"
        lines.append(
            f"{row['label'][:30]:<30} {row['median']:>8.1f} {row['p95']:>8.1f} "
            f"{row['bytes'] / 1024:>8.1f} {queries:>9} {_cell(row.get('rps'), '.0f'):>7} "
            f"{_cell(row.get('share'), '.0f'):>6} {_cell(row.get('ratio'), '.2f'):>9}  "
            f"{GOALS[row['group']]:<22} {row['verdict']}"
        )
    return "\n".join(lines)
