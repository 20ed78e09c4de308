#!/usr/bin/python3
"""Regenerates the web font subsets in src/ServeWell.Web/wwwroot/fonts (ADR-034).

Pretendard GOV (SIL OFL 1.1) in two weights, cut into two files each so that a page downloads only what it shows:
  servewell-sans-<weight>-latin.woff2   Basic Latin, Latin-1, the punctuation the UI uses
  servewell-sans-<weight>-hangul.woff2  the Hangul syllables of the Korean UI texts (SharedResource.ko.resx) and of
                                        Korean literals in the source outside the demo city (language switcher) that
                                        more than RARE_UP_TO texts or source files use, those of the page shell (layout, partials,
                                        menu) and of the demo city's organisation, and those most common in names
  servewell-sans-<weight>-hangul-rare.woff2
                                        the UI syllables that at most RARE_UP_TO texts use: as the UI grows, most new
                                        syllables are of this kind, and only a page that shows one downloads the file
                                        (slicing by frequency, as CJK web fonts are served; its @font-face lists them)
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
import html
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

# A UI syllable used in this many Korean texts or fewer goes to the "rare" slice.
RARE_UP_TO = 3

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


SHELL = os.path.join(WEB, "Platform", "Layout")
# The demo city's organisation, shown in the header, the breadcrumbs and most tables of every page of the demo.
DEMO_HIERARCHY = os.path.join(DEMO, "DemoCity.cs")


def shell_keys():
    """The UI keys every page may show: the shared layout and partials, and the menu's links and areas."""
    keys = set()
    for path in glob.glob(os.path.join(SHELL, "*.cshtml")):
        with open(path, encoding="utf-8") as view:
            keys |= set(re.findall(r'\bL\["([^"]+)"', view.read()))
    for path in glob.glob(os.path.join(WEB, "**", "*.cs"), recursive=True):
        with open(path, encoding="utf-8") as source:
            keys |= set(re.findall(r'new NavigationItem\("([^"]+)"', source.read()))
    with open(os.path.join(SHELL, "Navigation.cs"), encoding="utf-8") as source:
        keys |= set(re.findall(r'=> "([^"]+)",', source.read()))
    return keys


def korean_syllables():
    """The UI's common syllables, its rare ones, and the other syllables of the demo city's content."""
    with open(os.path.join(WEB, "Platform", "Localization", "SharedResource.ko.resx"), encoding="utf-8") as resx:
        entries = dict(re.findall(r'<data name="([^"]*)"[^>]*>\s*<value>(.*?)</value>', resx.read(), re.S))
    texts = list(entries.values())
    common = set(COMMON_NAME_SYLLABLES)
    keys = shell_keys()
    for key, value in entries.items():
        if html.unescape(key) in keys:
            common |= hangul_in(value)
    with open(DEMO_HIERARCHY, encoding="utf-8") as hierarchy:
        common |= hangul_in(hierarchy.read())
    content = set()
    for path in glob.glob(os.path.join(WEB, "**", "*.cs"), recursive=True) + glob.glob(os.path.join(WEB, "**", "*.cshtml"), recursive=True):
        with open(path, encoding="utf-8") as source:
            text = source.read()
            if path.startswith(DEMO):
                content |= hangul_in(text)
            else:
                # A file counts once for each syllable it shows, in its own Korean or in the texts of the keys it uses.
                texts.append(text + "".join(entries.get(k, "") for k in set(re.findall(r'\["([^"]+)"', text))))
    uses = {}
    for text in texts:
        for syllable in hangul_in(text):
            uses[syllable] = uses.get(syllable, 0) + 1
    common |= {s for s, n in uses.items() if n > RARE_UP_TO}
    rare = set(uses) - common
    return "".join(sorted(common)), "".join(sorted(rare)), "".join(sorted(content - common - rare))


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


def write_sliced_faces(slices):
    """Rewrites the @font-face lines of site.css for the slices that list their syllables ({"rare": ..., "more": ...})."""
    with open(STYLESHEET, encoding="utf-8") as css:
        lines = [l for l in css.read().split("\n") if not any(f"-hangul-{part}.woff2" in l for part in slices)]
    at = max(i for i, l in enumerate(lines) if "-hangul.woff2" in l) + 1
    faces = [
        f'@font-face {{ font-family: "ServeWell Sans"; font-weight: {w}; font-display: swap; '
        f'src: url("../fonts/servewell-sans-{w}-hangul-{part}.woff2") format("woff2"); unicode-range: {unicode_range(text)}; }}'
        for part, text in slices.items()
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
    korean, rare, more = korean_syllables()
    latin = subset.parse_unicodes(LATIN)
    for weight, style in WEIGHTS.items():
        for path in (cut(weight, style, "latin", unicodes=latin), cut(weight, style, "hangul", options_text=korean),
                     cut(weight, style, "hangul-rare", options_text=rare), cut(weight, style, "hangul-more", options_text=more)):
            print(f"{os.path.relpath(path, ROOT)}  {os.path.getsize(path):>7,} bytes")
    write_sliced_faces({"rare": rare, "more": more})
    with open(MANIFEST, "w", encoding="utf-8") as manifest:
        manifest.write(korean + "\n" + rare + "\n" + more + "\n")
    shutil.copyfile(os.path.join(SOURCE, "OFL.txt"), os.path.join(TARGET, "OFL.txt"))
    print(f"{len(korean)} common and {len(rare)} rare Hangul syllables for the UI, {len(more)} more for the demo city's content; "
          f"licence: {os.path.relpath(os.path.join(TARGET, 'OFL.txt'), ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
