#!/usr/bin/env python3
"""Converts GUM's entity annotation (dep/*.conllu, MISC column Entity=...) to IOB2 PER/ORG/LOC names.

GUM marks every entity mention (pronouns, common nouns and names alike) with one of ten types. A
mention of type person, organization or place counts as a name when its head word (the token whose
syntactic head lies outside the mention) is a proper noun; the name is then the run of name words
around that head inside the mention (proper nouns, capitalised adjectives and nouns, and "of",
"the", "and", "&", "-" between them), without leading titles and demonyms of people ("Malaysian
Prime Minister Najib Razak" -> Najib Razak). Where GUM links the mention to Wikipedia (the identity
field), words before the first word of the linked title are dropped too. Plural proper nouns of
people ("Bangladeshis", "Democrats") are groups, not names, and are left out. Nested names keep the
outermost one ("United States Department of State", not "United States").

Usage: gum_to_iob2.py OUT.iob2 FILE.conllu ...   (deterministic: files in the order given)
"""
import re
import sys
import urllib.parse

TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
CONNECTORS = {"of", "the", "and", "&", "-", "de", "du", "des", "la", "le", "van", "von", "der", "da", "al", "bin", "el", "for", "on", "upon"}
# Connectors that join two names as often as they join the words of one ("Ann Chiang of DAB",
# "Cloud9 and Immortals"): bridged only where the mention's Wikipedia title has them, and "of" and
# "for" in organisations and places.
JOINERS = {"of", "and", "&", "for", "on", "upon", "the"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "president", "vice",
    "prime", "minister", "senator", "sen", "gov", "governor", "king", "queen", "prince", "princess", "pope",
    "general", "gen", "captain", "capt", "chancellor", "judge", "justice", "rev", "reverend", "secretary",
    "chairman", "chairwoman", "ceo", "chief", "director", "coach", "officer", "mayor", "rep", "representative",
    "congressman", "congresswoman", "speaker", "leader", "emperor", "empress", "bishop", "archbishop", "father",
    "saint", "st", "detective", "sergeant", "sgt", "lt", "lieutenant", "colonel", "col", "admiral", "commander",
    "ambassador", "attorney", "deputy", "foreign", "defense", "defence", "interior", "finance", "state", "former",
    "chief", "executive", "spokesman", "spokeswoman", "senior", "general", "duke", "duchess", "count", "countess",
    "baron", "earl", "tsar", "czar", "sultan", "sheikh", "shaikh", "imam", "rabbi", "cardinal", "brother", "sister",
}
ENTITY_ITEM = re.compile(r"\((\d+)-([^()]*?)(\)?)(?=\(|\d+\)|$)|(\d+)\)")


def name_word(tok):
    form, upos = tok["form"], tok["upos"]
    if upos == "PROPN" or tok["xpos"].startswith("NNP"):
        return True
    return upos in ("ADJ", "NOUN", "NUM", "X", "SYM", "VERB") and form[:1].isupper()


def bridge(sentence, i, step, limit, tag, words):
    """How far the name continues from token i in direction step over connectors: the index of the
    next name word after at most two connectors ("Bank of England", "Daughters of the American
    Revolution"), or None."""
    j = i + step
    for _ in range(3):
        if not (limit[0] <= j <= limit[1]):
            return None
        if name_word(sentence[j]):
            return j
        form = sentence[j]["form"].lower()
        if form not in CONNECTORS:
            return None
        if form in JOINERS and form not in words and not (tag != "PER" and form in ("of", "for", "the")):
            return None
        j += step
    return None


def identity_words(identity):
    if not identity:
        return set()
    title = urllib.parse.unquote(identity)
    title = re.sub(r"\(.*?\)", "", title)
    return {w.lower() for w in re.split(r"[_\s]+", title) if w}


def names_of(sentence, mentions):
    spans = []
    n = len(sentence)
    for start, end, etype, identity in mentions:
        tag = TYPES.get(etype)
        if tag is None:
            continue
        inside = range(start, end + 1)
        heads = [i for i in inside if not (start <= sentence[i]["head"] < end + 1)]
        if not heads:
            continue
        h = heads[0]
        if sentence[h]["upos"] != "PROPN":
            continue
        if tag == "PER" and sentence[h]["xpos"] == "NNPS":
            continue
        words = identity_words(identity)
        lo = h
        while (j := bridge(sentence, lo, -1, (start, end), tag, words)) is not None:
            lo = j
        hi = h
        while (j := bridge(sentence, hi, 1, (start, end), tag, words)) is not None:
            hi = j
        if words and any(sentence[i]["form"].lower() in words for i in range(lo, hi + 1)):
            while lo < h and sentence[lo]["form"].lower() not in words:
                lo += 1
        if tag == "PER":
            while lo < hi and (sentence[lo]["upos"] == "ADJ" or sentence[lo]["form"].lower().rstrip(".") in TITLES):
                lo += 1
        while lo < hi and sentence[lo]["form"].lower() in CONNECTORS:
            lo += 1
        while hi > lo and (sentence[hi]["form"].lower() in CONNECTORS or sentence[hi]["upos"] == "PUNCT"):
            hi -= 1
        if not any(sentence[i]["upos"] == "PROPN" for i in range(lo, hi + 1)):
            continue
        if tag == "PER" and lo == hi and sentence[lo]["form"].lower().rstrip(".") in TITLES:
            continue
        spans.append((lo, hi, tag))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept = []
    for s in spans:
        if all(s[1] < k[0] or s[0] > k[1] for k in kept):
            kept.append(s)
    tags = ["O"] * n
    for lo, hi, tag in kept:
        tags[lo] = "B-" + tag
        for i in range(lo + 1, hi + 1):
            tags[i] = "I-" + tag
    return tags


def convert(path, out):
    sentence, open_mentions, mentions = [], {}, []
    doc = None

    def flush():
        nonlocal sentence, open_mentions, mentions
        if sentence:
            tags = names_of(sentence, mentions)
            for tok, tag in zip(sentence, tags):
                out.write(f"{tok['form']}\t{tag}\n")
            out.write("\n")
        sentence, open_mentions, mentions = [], {}, []

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                flush()
                doc = line.split("=", 1)[1].strip()
                out.write(f"# newdoc id = {doc}\n")
                continue
            if line.startswith("#"):
                continue
            if not line.strip():
                flush()
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            index = len(sentence)
            sentence.append({"form": cols[1], "upos": cols[3], "xpos": cols[4], "head": int(cols[6]) - 1 if cols[6] != "0" else -1})
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv) if cols[9] != "_" else {}
            entity = misc.get("Entity")
            if not entity:
                continue
            for m in ENTITY_ITEM.finditer(entity):
                if m.group(1):
                    fields = m.group(2).split("-")
                    etype = fields[0]
                    identity = fields[6] if len(fields) > 6 else None
                    if m.group(3):
                        mentions.append((index, index, etype, identity))
                    else:
                        open_mentions.setdefault(m.group(1), []).append((index, etype, identity))
                else:
                    stack = open_mentions.get(m.group(4))
                    if stack:
                        start, etype, identity = stack.pop()
                        mentions.append((start, index, etype, identity))
    flush()


def main():
    out_path, files = sys.argv[1], sys.argv[2:]
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        for path in files:
            convert(path, out)


if __name__ == "__main__":
    main()
