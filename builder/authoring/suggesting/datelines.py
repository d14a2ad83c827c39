"""Wire datelines: "ANTAKYA, Turkey (AP) —", "KYIV (Reuters) -", "NEW YORK —", "SANTA CLARA, Calif. —",
"SEATTLE, Sept 13 (Reuters) -" (a day after the city: when it was filed, no event of its own).

A dateline names where the story was filed (the article's city) and, in brackets, the agency that
filed it: a place and a media outlet, never one organisation's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Agencies by the short form datelines use; the full name is the actor's name, the short one an alias.
AGENCIES = {
    "AP": "Associated Press", "AFP": "Agence France-Presse", "Reuters": "Reuters", "UPI": "United Press International",
    "dpa": "Deutsche Presse-Agentur", "DPA": "Deutsche Presse-Agentur", "Xinhua": "Xinhua", "EFE": "EFE",
    "ANSA": "ANSA", "Kyodo": "Kyodo News", "PTI": "Press Trust of India", "IANS": "IANS", "Bloomberg": "Bloomberg",
    "CNN": "CNN", "AAP": "Australian Associated Press", "PA": "PA Media", "TASS": "TASS", "Yonhap": "Yonhap",
}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z’'.\-]+(?:\s+[A-Z][A-Z’'.\-]+){0,3})"
    rf"(?:,\s+(?!{_MONTH}\s+\d)(?P<region>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){{0,2}}))?"
    rf"(?:,\s+(?P<date>{_MONTH}\s+\d{{1,2}}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w\s.\-]{0,30})\))?"
    r"\s*(?:[—–]|--?)\s+"
)


@dataclass(frozen=True)
class Dateline:
    city: str  # as the gazetteer spells a name: "New York" for "NEW YORK"
    city_span: tuple[int, int]
    region: str
    region_span: tuple[int, int]
    agency: str  # the agency's full name, "" when none
    agency_form: str
    agency_span: tuple[int, int]
    date_span: tuple[int, int]  # "Sept 13" after the city, (-1, -1) when none
    end: int  # where the story's first sentence begins


def _title(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def find_dateline(text: str) -> Dateline | None:
    match = _DATELINE.match(text)
    if not match or len(match["city"].replace(".", "")) < 3:
        return None
    city = " ".join(_title(word) for word in match["city"].split())
    form = match["agency"] or ""
    agency = AGENCIES.get(form.strip(), form.strip() if form.strip()[:1].isupper() else "")
    return Dateline(
        city, match.span("city"), match["region"] or "", match.span("region"),
        agency, form.strip(), match.span("agency"), match.span("date"), match.end(),
    )
