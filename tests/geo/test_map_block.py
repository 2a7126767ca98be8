"""The Wagtail MapBlock (cms/blocks.py): places inside Jeonju, a map without CDN, text list."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import MapBlock, project_body_blocks


def test_map_block_is_offered_on_project_pages():
    assert "map" in dict(project_body_blocks())


def test_places_outside_jeonju_are_refused():
    block = MapBlock()
    value = block.to_python(
        {"heading": "", "places": [{"label": "익산", "lat": 35.9483, "lon": 126.9576}]}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_map_block_renders_local_leaflet_the_nonce_and_a_text_list(rf):
    block = MapBlock()
    value = block.clean(
        block.to_python(
            {
                "heading": "활동 장소",
                "places": [
                    {"label": "전주시청", "lat": 35.8242, "lon": 127.1480},
                    {"label": "<전북대>", "lat": 35.8469, "lon": 127.1295},
                ],
            }
        )
    )
    request = rf.get("/")
    request.csp_nonce = "abc123"
    html = block.render(value, context={"request": request})
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert 'nonce="abc123"' in html
    assert "cdn" not in html.lower()
    assert "전주시청" in html
    assert "&lt;전북대&gt;" in html
    assert "<전북대>" not in html
