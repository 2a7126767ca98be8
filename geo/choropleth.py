"""The dong choropleth: classes of a value per dong (`class_breaks`, `class_index`) and the folium
map that colours each dong by its class (`choropleth_map`). Pure geography: the values come from
the caller (soslab.maps.stats counts problems)."""

import json

import folium

from .maps import base_map, dong_geojson, render_parts

COLOURS = ["#f1f5f9", "#c7d2fe", "#818cf8", "#4f46e5", "#312e81"]


def class_breaks(values, classes=None):
    """Ascending upper bounds for `classes` classes: 0 in its own class, then quantiles of the
    non-zero values (rounded up, de-duplicated). Returns len <= classes - 1 bounds."""
    classes = classes or len(COLOURS)
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return [0]
    breaks = [0]
    for index in range(1, classes - 1):
        position = min(len(positive) - 1, int(len(positive) * index / (classes - 1)))
        bound = positive[position]
        bound = round(bound, 2)
        if bound > breaks[-1]:
            breaks.append(bound)
    return breaks


def choropleth_map(rows, breaks, colours, metric_label):
    """Dong choropleth: `rows` maps dong code -> dict(count, density, value); classes by `breaks`."""
    data = json.loads(json.dumps(dong_geojson()))
    for feature in data["features"]:
        row = rows.get(feature["properties"]["code"], {})
        value = row.get("value", 0)
        feature["properties"]["value_label"] = row.get("label", "0")
        feature["properties"]["fill"] = colours[class_index(value, breaks)]
    fmap = base_map(zoom=11)
    folium.GeoJson(
        data,
        name=metric_label,
        style_function=lambda feature: {
            "color": "#1e293b",
            "weight": 1,
            "fillColor": feature["properties"]["fill"],
            "fillOpacity": 0.75,
        },
        highlight_function=lambda feature: {"weight": 3},
        tooltip=folium.GeoJsonTooltip(
            fields=["gu", "name", "value_label"], aliases=["", "", metric_label], labels=True
        ),
    ).add_to(fmap)
    return render_parts(fmap, dom_id="dong-map")


def class_index(value, breaks):
    """Index of the class of `value` given ascending upper bounds `breaks` (last class open)."""
    for index, upper in enumerate(breaks):
        if value <= upper:
            return index
    return len(breaks)
