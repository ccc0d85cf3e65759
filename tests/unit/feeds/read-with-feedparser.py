"""Reads feed files with feedparser and prints, as JSON, each text field as a reader gets it.

Usage: python3 read-with-feedparser.py FILE...   (one process for every feed of a test file)
For each file: {"version", "bozo", "feed": {...}, "entries": [...]}, each field {"value", "type"}.
A field feedparser treats as HTML (type text/html) also gets "shown" (the text after HTML decoding)
and "has_live_markup" (a "<" that opens a tag, comment or declaration survived). JSON Feed is read
with the json module: Debian's feedparser 6.0 reads RSS and Atom only.
"""
import html
import json
import re
import sys

import feedparser

LIVE_MARKUP = re.compile(r"<[A-Za-z/!?]")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def field(value, kind):
    if value is None:
        return None
    is_html = kind in HTML_TYPES
    return {
        "value": value,
        "type": kind,
        "shown": html.unescape(value) if is_html else value,
        "has_live_markup": bool(is_html and LIVE_MARKUP.search(value)),
    }


def detail(parent, key):
    if key not in parent:
        return None
    return field(parent[key], parent.get(key + "_detail", {}).get("type"))


def read(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as file:
            return {"version": "json", "bozo": False, "json": json.load(file)}
    parsed = feedparser.parse(path)
    return {
        "version": parsed.version,
        "bozo": bool(parsed.bozo),
        "feed": {"title": detail(parsed.feed, "title"), "subtitle": detail(parsed.feed, "subtitle")},
        "entries": [
            {
                "title": detail(entry, "title"),
                "summary": detail(entry, "summary"),
                "content": [field(part["value"], part.get("type")) for part in entry.get("content", [])],
                # Plain text to feedparser: no type, never sanitised.
                "authors": [field(author.get("name"), "text/plain") for author in entry.get("authors", [])],
                "tags": [{"term": tag.get("term"), "scheme": tag.get("scheme"), "label": tag.get("label")} for tag in entry.get("tags", [])],
                "media_credit": [field(credit.get("content"), "text/plain") for credit in entry.get("media_credit", [])],
            }
            for entry in parsed.entries
        ],
    }


print(json.dumps({path: read(path) for path in sys.argv[1:]}, ensure_ascii=False))
