#!/usr/bin/env python3
"""Writes index-config/given-names.txt: common given names, from the US Social Security
Administration's national baby-name counts (public domain, a work of the US government).

    python3 ner/convert/given_names.py NAMES_DIR [MIN_BIRTHS [WORLD_CSV WORDS]] > index-config/given-names.txt

NAMES_DIR holds the SSA's yobYYYY.txt files (name,sex,count a line). A name is kept when at least
MIN_BIRTHS (default 20000) babies were given it over all the files, unless
- it is written in lower case at least half as often as capitalised in the edited text of
  ner/train (UNER, GUM, wikigold: not the tweets), so it is a common word ("Will", "Hope");
- the gazetteer index-config/entities.tsv knows it as a one-word name or alias ("Jordan", "Paris");
- it is a word of entity-cues.conf (a month, a title: "May", "King");
- it is shorter than three letters;
- it is listed below: names that are as often places, clubs or common nouns in news.
With WORLD_CSV (common-forenames-by-country.csv of sigpwned/popular-names-by-country-dataset,
CC0: the most popular given names of 106 countries, from Wikipedia's lists) and WORDS (a plain
word list, one a line: Debian's wamerican), the romanised names of that file are added under the
same rules, less names that are English words in lower case ("Atlas", "August"), towns of
index-config/places.txt ("Florence", "Carolina"), names under four letters and names not written
in the Latin alphabet.
Deterministic: the same files give the same list, sorted.
"""
import csv
import glob
import gzip
import os
import sys
import unicodedata
from collections import Counter

ALSO_PLACES_OR_WORDS = set("""
Aurora Austin Baker Bentley Brooklyn Brooks Burton Camden Carlton Carolina Carter Chelsea Chester
Cheyenne Clayton Cleveland Clifton Cooper Crystal Dakota Dayton Denver Diamond Easton Eden Everett
Genesis Georgia Hampton Harley Harmony Heaven Holland Houston Hudson Hunter Ireland Jackson
Jefferson Journey Kingston Lafayette Lancaster Lansing Lincoln Logan Luna Madison Marion Mason
Mercedes Milton Nelson Nova Orlando Paisley Parker Phoenix Preston Raleigh Reno Roosevelt Salem
Savannah Scotland Sherman Sierra Stanley Sterling Taylor Trinity Troy Tyler Victoria Wales Walker
Warren Wilson Winston
""".split())

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))


def births(names_dir):
    total = Counter()
    for path in sorted(glob.glob(os.path.join(names_dir, "yob*.txt"))):
        with open(path, encoding="ascii") as f:
            for line in f:
                name, _, count = line.strip().split(",")
                total[name] += int(count)
    return total


def word_cases():
    lower, capital = Counter(), Counter()
    for path in sorted(glob.glob(os.path.join(root, "ner", "train", "*.gz"))):
        name = os.path.basename(path)
        if name.startswith("btc") or name.startswith("wnut"):
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                cols = line.split()
                if not cols:
                    continue
                word = cols[0]
                if word.islower():
                    lower[word] += 1
                elif word[:1].isupper():
                    capital[word] += 1
    return lower, capital


def gazetteer_words():
    words = set()
    with open(os.path.join(root, "index-config", "entities.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            for name in [cols[0]] + (cols[2].split("|") if len(cols) > 2 else []):
                name = name.strip()
                if name and " " not in name:
                    words.add(name)
    return words


def cue_words():
    words = set()
    with open(os.path.join(root, "index-config", "entity-cues.conf"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#") and not line.startswith("given-name"):
                words.update(line.split()[1:])
    return words


def world_names(path):
    names = set()
    with open(path, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            name = row["Romanized Name"].strip()
            latin = all("LATIN" in unicodedata.name(c, "") for c in name)
            if name.isalpha() and latin and len(name) >= 4 and name[0].isupper() and not name.isupper():
                names.add(name)
    return names


def place_names():
    with open(os.path.join(root, "index-config", "places.txt"), encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def main():
    names_dir = sys.argv[1]
    min_births = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    lower, capital = word_cases()
    known = gazetteer_words() | cue_words() | ALSO_PLACES_OR_WORDS
    kept = []
    for name, count in births(names_dir).items():
        low = lower[name.lower()]
        if count < min_births or name in known or len(name) < 3:
            continue
        if low >= 1 and low >= 0.5 * capital[name]:
            continue
        kept.append(name)
    if len(sys.argv) > 4:
        with open(sys.argv[4], encoding="utf-8") as f:
            words = {w.strip() for w in f if w.strip().islower()}
        places = place_names()
        for name in sorted(world_names(sys.argv[3]) - set(kept)):
            low = lower[name.lower()]
            if name in known or name in places or len(name) < 3 or name.lower() in words:
                continue
            if low >= 1 and low >= 0.5 * capital[name]:
                continue
            kept.append(name)
    print("# Common given names: a run of two or three capitalised words that starts with one is a person")
    print("# (\"Venus Williams\"), as with the given-name cues of entity-cues.conf. One name a line; add or")
    print("# remove freely. Written by ner/convert/given_names.py from the US Social Security Administration's")
    print("# national baby-name counts, 1880-2018 (public domain; see ner/README.md), at least %d births." % min_births)
    if len(sys.argv) > 4:
        print("# With the most popular given names of 106 countries (sigpwned/popular-names-by-country-dataset, CC0).")
    for name in sorted(kept):
        print(name)


main()
