"""The header's search box on every page, the OpenSearch link and description."""

import pytest

pytestmark = pytest.mark.django_db


def test_opensearch_description_points_at_the_search_page(client):
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    body = response.content.decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<ShortName>SOS랩 전주</ShortName>" in body
    assert '/search/?q={searchTerms}"' in body


def test_every_page_links_the_description_and_has_the_search_box(client):
    for path in ("/problems/", "/search/", "/statistics/"):
        html = client.get(path).content.decode()
        assert 'rel="search" type="application/opensearchdescription+xml"' in html, path
        assert '<form class="site-search" action="/search/"' in html, path
        assert '<label for="site-search-q"' in html, path


def test_the_header_box_keeps_the_words_on_the_search_page(client):
    html = client.get("/search/", {"q": "횡단보도 신호"}).content.decode()
    assert 'id="site-search-q" name="q"' in html
    assert 'value="횡단보도 신호"' in html
