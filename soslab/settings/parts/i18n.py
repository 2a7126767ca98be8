"""Settings: Languages and time zone. Included by soslab.settings.base."""

from soslab.settings.env import BASE_DIR

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("ko", "한국어")]
