#!/usr/bin/env python3
"""Writes locales/{en,be,ru}/countries.ftl: the names of the countries in migrations/0001_setup.sql,
in English as the database has them, and in Belarusian and Russian from Debian's iso-codes
translations (apt-get install iso-codes). Run from the repository root after a change of the
country list; read the result before committing it."""
import gettext
import json
import re

migration = open("migrations/0001_setup.sql", encoding="utf-8").read()
countries = re.findall(r"\('([A-Z]{2})', '((?:[^']|'')*)'\)", migration)
iso = {c["alpha_2"]: c for c in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]}

# Common names where iso-codes gives the official one (the English list does the same).
OVERRIDES = {
    "be": {"RU": "Расія", "US": "ЗША", "GB": "Вялікабрытанія", "KP": "КНДР", "KR": "Паўднёвая Карэя",
           "MD": "Малдова", "IR": "Іран", "SY": "Сірыя", "VN": "В’етнам", "LA": "Лаос", "TZ": "Танзанія",
           "VE": "Венесуэла", "BO": "Балівія", "TW": "Тайвань"},
    "ru": {"RU": "Россия", "US": "США", "GB": "Великобритания", "TR": "Турция", "KP": "КНДР",
           "KR": "Южная Корея", "MD": "Молдова", "IR": "Иран", "SY": "Сирия", "VN": "Вьетнам", "LA": "Лаос",
           "TZ": "Танзания", "VE": "Венесуэла", "BO": "Боливия", "TW": "Тайвань"},
}

for lang in ["en", "be", "ru"]:
    tr = None if lang == "en" else gettext.translation("iso_3166-1", "/usr/share/locale", [lang])
    lines = ["# Country names by ISO 3166-1 code; written by scripts/countries-ftl.py.", ""]
    for code, name in countries:
        name = name.replace("''", "'")
        shown = name
        if code in OVERRIDES.get(lang, {}):
            shown = OVERRIDES[lang][code]
        elif tr:
            entry = iso.get(code, {})
            for msgid in [name, entry.get("common_name"), entry.get("name")]:
                if msgid and tr.gettext(msgid) != msgid:
                    shown = tr.gettext(msgid)
                    break
            else:
                print(f"{lang}: no translation for {code} {name}")
        lines.append(f"country-{code} = {shown}")
    open(f"locales/{lang}/countries.ftl", "w", encoding="utf-8").write("\n".join(lines) + "\n")
