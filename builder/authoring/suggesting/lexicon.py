"""Word lists the name rules rely on: titles, the nouns that say what kind of body a name is."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make the capitalised words after them a person's title, not their name.
TITLE_WORDS = _words(
    """
    president vice prime minister secretary spokesman spokeswoman spokesperson envoy ambassador general
    gen col colonel lt lieutenant maj major capt captain sgt sergeant adm admiral sen senator rep
    representative governor mayor king queen prince princess sheikh emir chancellor commander chief
    director chairman chairwoman leader pope judge justice dr mr mrs ms prof professor deputy premier
    officer correspondent reporter editor photographer analyst foreign defense defence interior press
    spokesperson special negotiator supt superintendent insp inspector det detective cmdr commissioner
    constable sheriff police coach referee striker administrator magistrate barrister solicitor counsel
    executive ceo chair chairperson founder speaker
    """
)
# A lower-case title just before a name: "Kremlin spokesman Dmitry Peskov".
LOWER_TITLES = _words(
    """
    spokesman spokeswoman spokesperson envoy ambassador minister secretary president leader commander
    chief general colonel official adviser advisor prosecutor lawyer attorney judge head executive
    striker coach captain midfielder goalkeeper defender founder chairman
    """
)
# Offices written "Secretary of State": the title runs on over "of" and one more word.
TITLE_OF = _words(
    """
    state defense defence the interior
    """
)
# Name particles written joined to the name: "Bashar al-Assad", "Deir ez-Zor".
PARTICLES = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|bin|ibn|abu|de|di|da|la|le|van|von)"
# Written apart in a name, in lower case: "Marcelo Rebelo de Sousa", "Ursula von der Leyen".
LOWER_PARTICLES = _words("de da do dos das di del della du van von der den ter bin ibn")
CONNECTORS = _words(
    """
    of for the de da dos das du del della al bin ibn von van der
    """
)
WEEKDAYS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday
    """
)
MONTH_NAMES = _words(
    """
    january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec
    """
)
# Capitalised at a sentence start more often than as a name.
SENTENCE_STARTERS = _words(
    """
    a an the in on at but and or it he she they we i you this that these those there here one some many
    hundreds thousands dozens after before when while as if upon since during replying photographs
    photograph photographer read more also however meanwhile earlier later walking what who why how our
    his her their its too so now then still even just only yet perhaps instead again
    """
)

# The last word of a body's name (or a word in it) says what kind of body it is.
KIND_WORDS = {
    "armed-force": _words(
        """
        forces force army military navy troops guard corps brigade division marines
        """
    ),
    "government-agency": _words(
        """
        ministry department agency office pentagon service services bureau commission authority
        """
    ),
    "government": _words(
        """
        government administration kremlin cabinet parliament congress senate regime assembly
        """
    ),
    "media-outlet": _words(
        """
        news television tv times post press media images radio broadcasting guardian journal herald
        telegraph reuters gazette tribune channel
        """
    ),
    "international-organisation": _words("coalition alliance nations union nato"),
    "organisation": _words(
        """
        observatory organization organisation council committee foundation institute party front
        movement association society court university bank company group corporation inc ltd rights
        watch fund centre center federation league club capital centres centers institutes
        motor motors airlines airways holdings industries electronics pharmaceuticals
        """
    ),
}
WORD_KIND = {word: kind for kind, words in KIND_WORDS.items() for word in words}
# Written in lower case after a name, they still say it is a body's: "the Law and Justice party".
BODY_NOUNS = _words("party movement alliance federation foundation coalition")
# Acronyms of things, not bodies: "AI", "GDP".
NOT_BODIES = _words("ai gdp ipo ceo cfo vat dna hiv aids gmt utc mph ev evs lng cpi")

# Lower-case heads of group phrases: "Syrian government forces", "al-Qaeda militants".
GROUP_HEADS = {
    **dict.fromkeys(_words("forces troops soldiers army military navy"), "armed-force"),
    "air force": "armed-force",
    **dict.fromkeys(_words("government regime authorities"), "government"),
    "ministry": "government-agency",
    "media": "media-outlet",
    **dict.fromkeys(_words("officials diplomats residents"), "group"),
    **dict.fromkeys(_words("militias militia militiamen militants rebels fighters"), "armed-group"),
    "coalition": "international-organisation",
    **dict.fromkeys(_words("federation association"), "organisation"),
}
GROUP_MODIFIERS = sorted(_words("""government state defence defense armed security special foreign interior army
                                   football soccer rugby tennis cycling athletics olympic medical"""))

# The last word of a facility's name: a place of that kind ("the Grand Orontes Hotel", "Rod Laver Arena").
# Landmarks and natural features are sites too: "the Brandenburg Gate", "Reykjanes Peninsula", "the Blue
# Lagoon" (no surname-like words: "Hill", "Hall", "Forest" name people and clubs as often).
FACILITIES = {
    **dict.fromkeys(_words("""hotel tower towers building hospital school museum church cathedral mosque temple
                                synagogue palace factory plant mall library prison jail embassy gate monument
                                memorial basilica abbey chapel shrine theatre theater casino courthouse capitol
                                terminal resort motel lodge zoo"""), "building"),
    **dict.fromkeys(_words("""arena stadium airport square bridge dam port harbour harbor park mine camp base
                                station market plaza racecourse circuit parkway reservoir beach marina canal
                                highway motorway pier tunnel"""), "site"),
    **dict.fromkeys(_words("""river bay strait sea ocean peninsula island islands isle coast valley canyon gorge
                                mountain mountains volcano crater glacier desert falls lagoon delta plateau ridge
                                reef basin creek fjord heights"""), "site"),
    **dict.fromkeys(_words("district village neighborhood neighbourhood quarter"), "district"),
}
# The first word of a natural feature's name: "Lake Lure", "Mount Kenya".
# and the first word of a facility named in its own language: "Stade de France", "Estadio Azteca".
PLACE_PREFIXES = _words("lake mount mt cape gulf stade estadio stadio palais palazzo piazza")
# Lower-case nouns that make the capitalised words before them a facility: "the Flins factory".
FACILITY_NOUNS = sorted(_words("""building factory plant stadium hospital airport hotel compound mine camp museum arena
                                 reservoir park neighborhood neighbourhood district river crater volcano island
                                 peninsula valley canyon bridge port terminal campus spa resort"""))
# "Boeing factory workers": people of the place, so the name is the body's, not a facility's
PEOPLE_NOUNS = sorted(_words("""workers employees staff managers manager officials guards residents patients fans
                               visitors operators"""))
# A capitalised region word ends a place's name: "Basque Country", "Kanagawa Prefecture" (not "City":
# "Manchester City" is a club)
REGION_WORDS = _words("region province county governorate country territory prefecture oblast canton")

# Seas and oceans: places, though no gazetteer of cities or countries holds them.
WATERS = _words("atlantic pacific mediterranean arctic baltic caribbean adriatic aegean")

# Words after which a capitalised word is a place.
PLACE_PREPOSITIONS = _words("in near at from to outside around across into towards toward")
PLACE_NOUNS = sorted(_words("village town city province region district governorate county"))
