"""Horizontal bar charts as server-side SVG (no JavaScript), in the style of geo.charts: each chart
has role="img", a <title> and a <desc> named by aria-labelledby, and the page shows the same
numbers in a table next to it."""

from django.utils.html import format_html, format_html_join

WIDTH = 640
LABEL_W, VALUE_W, BAR_H, GAP, PAD = 200, 60, 20, 8, 4
COLOUR = "#1d4ed8"


def bar_chart(table, *, description):
    """SVG bars of column `table.chart_column` against the first column of `table.rows`."""
    column = table.chart_column
    values = [row[column] or 0 for row in table.rows]
    peak = max(values, default=0) or 1
    plot_w = WIDTH - LABEL_W - VALUE_W
    height = max(len(values), 1) * (BAR_H + GAP) + PAD * 2
    bars = format_html_join(
        "",
        '<g><text x="{}" y="{}" text-anchor="end" class="chart__label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}" class="chart__value">{}</text></g>',
        (
            (
                LABEL_W - 6,
                PAD + i * (BAR_H + GAP) + BAR_H - 5,
                _short(row[0]),
                LABEL_W,
                PAD + i * (BAR_H + GAP),
                f"{plot_w * value / peak:.1f}",
                BAR_H,
                COLOUR,
                f"{LABEL_W + plot_w * value / peak + 4:.1f}",
                PAD + i * (BAR_H + GAP) + BAR_H - 5,
                value,
            )
            for i, (row, value) in enumerate(zip(table.rows, values, strict=True))
        ),
    )
    ident = f"chart-{table.key}"
    return format_html(
        '<svg class="chart chart--bars" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-t {}-d"><title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>',
        WIDTH,
        height,
        ident,
        ident,
        ident,
        table.title,
        ident,
        description,
        bars,
    )


def _short(label, limit=24):
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"
