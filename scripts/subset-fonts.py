#!/usr/bin/python3
"""Regenerates the web font subsets in src/ServeWell.Web/wwwroot/fonts (ADR-034).

Pretendard GOV (SIL OFL 1.1) in two weights, cut into two files each so that a page downloads only what it shows:
  servewell-sans-<weight>-latin.woff2   Basic Latin, Latin-1, the punctuation the UI uses
  servewell-sans-<weight>-hangul.woff2  every Hangul syllable in the Korean UI texts (SharedResource.ko.resx) and in
                                        Korean literals in the source outside the demo city (language switcher), plus
                                        the syllables most common in Korean personal names
  servewell-sans-<weight>-hangul-more.woff2
                                        the other syllables of the demo city's Korean content (its course, its
                                        seeds); its @font-face in site.css lists exactly those code points, so only a
                                        page that shows one of them downloads it (ADR-047)
Glyphs outside the subsets fall back to the system font (the stylesheet's font stack).

A subset is a "Modified Version" under the OFL, and "Pretendard" is a Reserved Font Name, so the subset carries its own
family name, "ServeWell Sans"; the copyright notice and OFL.txt stay beside the files.

Needs Debian's python3-fonttools and python3-brotli (apt-get install -y python3-fonttools python3-brotli).
Run from the repository root after changing Korean UI texts:  scripts/subset-fonts.py
"""

import glob
import os
import re
import shutil
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEB = os.path.join(ROOT, "src", "ServeWell.Web")
SOURCE = os.path.join(WEB, "Platform", "Pdf", "Fonts")
TARGET = os.path.join(WEB, "wwwroot", "fonts")
# The syllables the Hangul files hold; a test checks that every Korean UI text is in it (re-run this script if not).
MANIFEST = os.path.join(ROOT, "scripts", "subset-fonts.hangul.txt")
FAMILY = "ServeWell Sans"
WEIGHTS = {400: "Regular", 700: "Bold"}

LATIN = "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+20A9,U+2190-2193,U+2212,U+2264-2265"

# The surnames and given-name syllables that cover most Korean personal names: staff and citizens' names are data,
# not UI text, and a name set half in one face and half in another reads badly.
COMMON_NAME_SYLLABLES = (
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나엄원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
    "가건경광규근나다대덕동두라란래려령례로록린린만명무미범보봉빈상새서석선섭세소솔수숙순슬승시식아애연열엽영예완요욱운웅원월유율은을의익일자재전정제종준중지진찬창채철초춘충태택하학해혁현형혜호홍화환회효훈희"
)


def hangul_in(text):
    return {c for c in text if "\uac00" <= c <= "\ud7a3"}


DEMO = os.path.join(WEB, "Modules", "Demo") + os.sep
STYLESHEET = os.path.join(WEB, "wwwroot", "css", "site.css")


def korean_syllables():
    """The UI's syllables, and the other syllables of the demo city's content."""
    syllables = set(COMMON_NAME_SYLLABLES)
    content = set()
    with open(os.path.join(WEB, "Platform", "Localization", "SharedResource.ko.resx"), encoding="utf-8") as resx:
        syllables |= hangul_in(resx.read())
    for pattern in ("**/*.cs", "**/*.cshtml"):
        for path in glob.glob(os.path.join(WEB, pattern), recursive=True):
            with open(path, encoding="utf-8") as source:
                (content if path.startswith(DEMO) else syllables).update(hangul_in(source.read()))
    return "".join(sorted(syllables)), "".join(sorted(content - syllables))


def unicode_range(text):
    """CSS unicode-range of the characters, consecutive code points joined."""
    points = sorted({ord(c) for c in text})
    ranges, start = [], None
    for i, p in enumerate(points):
        if start is None:
            start = p
        if i + 1 == len(points) or points[i + 1] != p + 1:
            ranges.append(f"U+{start:04X}" if start == p else f"U+{start:04X}-{p:04X}")
            start = None
    return ", ".join(ranges)


def write_more_faces(more):
    """Rewrites the hangul-more @font-face lines of site.css for the current syllables."""
    with open(STYLESHEET, encoding="utf-8") as css:
        lines = [l for l in css.read().split("\n") if "-hangul-more.woff2" not in l]
    at = max(i for i, l in enumerate(lines) if "-hangul.woff2" in l) + 1
    faces = [
        f'@font-face {{ font-family: "ServeWell Sans"; font-weight: {w}; font-display: swap; '
        f'src: url("../fonts/servewell-sans-{w}-hangul-more.woff2") format("woff2"); unicode-range: {unicode_range(more)}; }}'
        for w in WEIGHTS
    ]
    lines[at:at] = faces
    with open(STYLESHEET, "w", encoding="utf-8") as css:
        css.write("\n".join(lines))


def rename(font):
    """Gives the subset its own family name (OFL: a Modified Version may not use the Reserved Font Name)."""
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4, 6):
            style = font["name"].getDebugName(2) or "Regular"
            record.string = f"{FAMILY} {style}" if record.nameID == 4 else f"ServeWellSans-{style}"
    if "CFF " in font:
        font["CFF "].cff.fontNames = [f"ServeWellSans-{font['name'].getDebugName(2) or 'Regular'}"]


def cut(weight, style, part, options_text=None, unicodes=None):
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl"]
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17]
    font = TTFont(os.path.join(SOURCE, f"PretendardGOV-{style}.ttf"))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=options_text or "", unicodes=unicodes or [])
    subsetter.subset(font)
    rename(font)
    path = os.path.join(TARGET, f"servewell-sans-{weight}-{part}.woff2")
    font.flavor = "woff2"
    font.save(path)
    return path


def main():
    os.makedirs(TARGET, exist_ok=True)
    korean, more = korean_syllables()
    latin = subset.parse_unicodes(LATIN)
    for weight, style in WEIGHTS.items():
        for path in (cut(weight, style, "latin", unicodes=latin), cut(weight, style, "hangul", options_text=korean),
                     cut(weight, style, "hangul-more", options_text=more)):
            print(f"{os.path.relpath(path, ROOT)}  {os.path.getsize(path):>7,} bytes")
    write_more_faces(more)
    with open(MANIFEST, "w", encoding="utf-8") as manifest:
        manifest.write(korean + "\n" + more + "\n")
    shutil.copyfile(os.path.join(SOURCE, "OFL.txt"), os.path.join(TARGET, "OFL.txt"))
    print(f"{len(korean)} Hangul syllables for the UI, {len(more)} more for the demo city's content; "
          f"licence: {os.path.relpath(os.path.join(TARGET, 'OFL.txt'), ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
