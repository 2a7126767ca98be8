"""Finding a font that draws Hangul, without shipping one. .ci/run installs fonts-noto-cjk; a fresh
machine may have none, and then share images are drawn without text (share_images.py)."""

import functools
import glob
import shutil
import subprocess

#: Where Korean-capable fonts usually are (Debian/Ubuntu, Fedora, macOS, Windows), first wins.
FONT_GLOBS = (
    "/usr/share/fonts/**/NotoSansCJK*-Bold.ttc",
    "/usr/share/fonts/**/NotoSansCJK*.tt[cf]",
    "/usr/share/fonts/**/NotoSansKR*.[ot]tf",
    "/usr/share/fonts/**/NanumGothic*.ttf",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
    "C:/Windows/Fonts/malgun*.ttf",
)


def _fontconfig_korean():
    """The first font fontconfig says covers Korean, preferring sans and bold faces."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        result = subprocess.run(  # noqa: S603 - a fixed command from PATH, no shell
            [fc_list, ":lang=ko", "file"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.strip().rstrip(":") for line in result.stdout.splitlines() if line.strip())
    files.sort(key=lambda name: ("Sans" not in name, "Bold" not in name))
    return files[0] if files else None


def _common_paths():
    for pattern in FONT_GLOBS:
        matches = sorted(glob.glob(pattern, recursive=True))
        if matches:
            return matches[0]
    return None


@functools.cache
def find_cjk_font():
    """A path to a font file with Hangul, or None when the machine has none."""
    return _fontconfig_korean() or _common_paths()
