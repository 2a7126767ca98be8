import pytest


@pytest.mark.django_db
def test_home_page_renders_in_korean_by_default(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ko">' in html
    assert "우리 동네 문제, 함께 풀어요" in html
    assert "건너뛰기" in html  # skip link, translated


@pytest.mark.django_db
def test_home_page_renders_in_english_after_switching(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Solve our neighbourhood&#x27;s problems together" in html
    assert "Skip to main content" in html


@pytest.mark.django_db
def test_home_page_has_landmarks_navigation_and_attribution(client, home_page):
    html = client.get("/").content.decode()
    for landmark in (
        '<header class="site-header">',
        '<main id="main"',
        "<footer",
        '<nav class="main-nav"',
    ):
        assert landmark in html
    for section in ("/problems/", "/rounds/", "/projects/", "/map/", "/results/"):
        assert f'href="{section}"' in html
    assert "공공누리 제1유형" in html and "CC BY 4.0" in html


@pytest.mark.django_db
def test_pages_load_no_asset_from_a_cdn(client, home_page):
    html = client.get("/").content.decode()
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "googleapis", "bootstrapcdn"):
        assert cdn not in html


@pytest.mark.django_db
def test_home_title_names_the_site_once(client, home_page):
    html = client.get("/").content.decode()
    assert "<title>SOS랩 전주</title>" in html


@pytest.mark.django_db
def test_other_pages_keep_the_site_name_after_their_own(client, home_page):
    html = client.get("/problems/").content.decode()
    assert "<title>지역 문제 · SOS랩 전주</title>" in html
