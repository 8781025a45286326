"""Find the words that show how a post argues: claims, evidence, challenges and hedges.

The rules describe how people argue on forums (attribution, links, numbers, precedents,
first-hand observation, stance, requests for proof), not any one data set. Each rule is a
regular expression with a kind, a role and, for evidence, the type of backing. All rules are
compiled once into one fast pattern (see `scoring.patterns`), so a post is scanned once however
many rules there are. Negation and mention are handled here too: "there is no evidence" and
"can you give evidence" name evidence without giving any.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from scoring.models import Cue, trusted_builder
from scoring.patterns import Rule, RuleSet, compile_rules, find, trie

# The scorer's own values are already typed: built without validation (see trusted_builder).
_new_cue = trusted_builder(Cue)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MEDIA = (
    r"(?:images?|pictures?|pics?|photos?|photographs?|posters?|banners?|billboards?|signs?"
    r"|placards?|portraits?|videos?|footage|screenshots?)"
)
_SOURCE_NOUN = (
    r"(?:study|studies|survey|surveys|poll|polls|report|reports|research|analysis|census|audit"
    r"|investigation|paper|figures|statistics|stats|data|records|measurements|findings|article"
    r"|review|experiment|trial|inquiry|index)"
)
_FINDING_VERB = (
    r"(?:shows?|showed|shown|found|finds|suggests?|suggested|reveal(?:s|ed)?|confirms?|confirmed"
    r"|conclude[sd]?|estimates?|estimated|measured|indicates?|indicated|put[s]?|puts?"
    r"|published|documented|recorded|proves?|proved|demonstrates?|demonstrated)"
)
_AUTHORITY = (
    r"(?:minister|president|prime minister|spokes(?:man|woman|person)|officials?|experts?"
    r"|scientists?|researchers?|professors?|economists?|doctors?|police|government|council"
    r"|ministry|department|agency|commission|army|military|court|judge|governor|mayor"
    r"|senator|ambassador|general|analysts?|historians?|authorities|bureau|institute)"
)
_UNIT = (
    r"(?:km|kilomet(?:re|er)s|kg|kilos|kilograms?|mg|milligrams?|micrograms?|ppm|ppb|mph|kph"
    r"|km/h|tonnes?|tons|miles|met(?:re|er)s|lit(?:re|er)s|gallons|degrees|acres|hectares"
    r"|kwh|mwh|gwh|mw|gw|calories|decibels)"
)
"""Units of measure: a figure with one of these is a measurement."""
_COUNTED = (
    r"(?:people|persons|deaths|dead|died|killed|injured|cases|jobs|cars|vehicles|receipts|votes"
    r"|voters|residents|patients|children|kids|students|pupils|workers|employees|arrests|crimes"
    r"|murders|homicides|accidents|crashes|injuries|troops|soldiers|civilians|casualties|users"
    r"|visitors|customers|shops|stores|businesses|homes|houses|households|families|signatures"
    r"|respondents|incidents|attacks|lives|members|births|abortions|infections|immigrants"
    r"|refugees|migrants|prisoners|inmates|doctors|nurses|teachers|officers|companies|firms"
    r"|schools|hospitals|beds|guns|shootings|suicides|overdoses|tests|samples|participants"
    r"|readings|measurements|spaces|seats|passengers|cyclists|pedestrians|drivers|complaints"
    r"|responses|signatories|applications)"
)
"""What people count when they give data: people, events and things (not years, reasons or
points: "10 years" or "3 reasons" count nothing a reader could check)."""
_SAY_VERB = (
    r"(?:said|says|told|stated|admitted|confirmed|announced|reported|estimated|warned|wrote"
    r"|noted|testified|claimed|acknowledged|declared)"
)


EVIDENCE_RULES: tuple[Rule, ...] = (
    # Links and citations.
    Rule("url", "evidence", r"(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", "link"),
    Rule(
        "domain",
        "evidence",
        r"\.(?<=[\w-]{2}\.)(?:com|org|net|gov|edu|int|mil|info|io|uk|pk|in|de|fr|ru|eu|au|ca)"
        r"(?:/[^\s<>\"')\]]*)?(?!\w)(?!\.\w)",
        "link",
        extend_left=True,
    ),
    Rule("citation", "evidence", r"\[(?:\d{1,3}|citation|cite|source)\]", "link"),
    Rule(
        "citation",
        "evidence",
        r"\((?:table|fig\.?|figure|page|p\.|pp\.|chapter|ch\.|section|appendix)\s*\d+[\w.-]*\)",
        "link",
    ),
    Rule(
        "citation",
        "evidence",
        r"\([A-Z][\w'’-]+(?: (?:et al\.?|and|&) ?[A-Z]?[\w'’-]*)?,? (?:1[89]|20)\d{2}[a-z]?\)",
        "link",
        cased=True,
    ),
    # Chapter and verse after a book's name ("John 3:16", "1 Cor. 6:9-11"): a passage anyone
    # can look up. The name is checked in `keep`, so the rule starts with a plain digit.
    Rule(
        "verse",
        "evidence",
        r"\b[1-9]\d{0,2}:[1-9]\d{0,2}(?:[-–][1-9]\d{0,2})?\b(?!\s*(?:[ap]\.?m\b|hours?|hrs))",
        "link",
    ),
    # Named sources and attribution.
    Rule(
        "according-to",
        "evidence",
        r"\baccording to\b(?!\s+(?:nobody|no one|none|no\b|whom|who\b|what\b|you\b))",
        "source",
    ),
    Rule(
        "read-more",
        "evidence",
        r"\b(?:read (?:the )?(?:full (?:story|article|report)|more|the (?:story|article|report))"
        r"|full (?:story|article|report)|sources?|via|reference|references|credit)\s*:",
        "source",
    ),
    Rule(
        "reported-by",
        "evidence",
        r"\b(?:reported|stated|announced|confirmed|revealed|published|written|released|compiled"
        r"|conducted|carried out|commissioned|cited|quoted|printed)\s+(?:by|in)\b",
        "source",
    ),
    Rule(
        "study-found",
        "evidence",
        rf"\b{_SOURCE_NOUN}\b(?:\s+[\w'’.,-]+){{0,8}}?\s+{_FINDING_VERB}\b",
        "source",
    ),
    Rule(
        "authority-said",
        "evidence",
        rf"\b{_AUTHORITY}\b(?:\s+[\w'’-]+){{0,3}}?\s+{_SAY_VERB}\b",
        "source",
    ),
    Rule(
        "authority-said",
        "evidence",
        rf"\b(?:WHO|UN|U\.N\.)(?:\s+[\w'’-]+){{0,3}}?\s+{_SAY_VERB}\b",
        "source",
        cased=True,
    ),
    Rule(
        "as-put-it",
        "evidence",
        r"\b[Aa]s (?:the )?(?:(?!I\b)[A-Z][\w'’-]+|[a-z]+ (?:minister|president|expert|report"
        r"|study))"
        r"(?: [\w'’-]+){0,3}? (?:put it|said|says|wrote|writes|noted|notes|pointed out|observed"
        r"|reported|reports|explained|explains)\b",
        "source",
        cased=True,
    ),
    Rule(
        "in-publication",
        "evidence",
        r"\bin (?:his|her|their|its|a|an|the|this|that) (?:recent |new |latest |\d{4} )?"
        r"(?:book|article|paper|speech|interview|report|column|study|survey|testimony|documentary)"
        r"\b",
        "source",
    ),
    Rule(
        "outlet",
        "evidence",
        r"\b(?:Reuters|AFP|BBC|CNN|Fox News|NYT|New York Times|Washington Post|Guardian"
        r"|Al Jazeera|Dawn|Wikipedia|Pew|Gallup|Bloomberg|Economist|Associated Press|NPR"
        r"|Financial Times|Wall Street Journal|WSJ|Daily Mail|Telegraph|Times of India)\b",
        "source",
        cased=True,
    ),
    # Statistics, numbers and dates (most specific first: a year is not a bare number).
    Rule(
        "percentage",
        "evidence",
        r"\b\d+(?:[.,]\d+)?\s*(?:%|percent\b|per cent\b|pc\b)",
        "statistic",
    ),
    Rule(
        "proportion",
        "evidence",
        r"\b\d(?:,?\d){0,24}+\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?:last\s+|first\s+|past\s+)?"
        r"\d[\d,]{0,24}\b",
        "statistic",
    ),
    Rule(
        "ratio",
        "evidence",
        r"\b(?:one|\d+)\s+in\s+(?:every\s+)?(?!(?:1[6-9]|20)\d\d\b)(?:\d+|ten|five|four|three)\b"
        r"(?!\s*(?:years?|days?))",
        "statistic",
    ),
    Rule(
        "money",
        "evidence",
        r"[$£€₹]\s?\d[\d,.]{0,24}(?:\s?(?:million|billion|trillion|bn|m|k)\b)?",
        "statistic",
    ),
    Rule(
        "magnitude",
        "evidence",
        r"\b\d[\d,.]{0,24}\s?(?:million|billion|trillion|fold)\b|\b\d[\d,.]{0,24}\s?times\s+"
        r"(?:more|less|fewer|higher|lower|greater|bigger|smaller|faster|slower|as|the|that)\b",
        "statistic",
    ),
    Rule(
        "date",
        "evidence",
        rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!:\d)(?:,?\s+\d{{4}})?"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b(?:,?\s+\d{{4}})?",
        "date",
        cased=True,
    ),
    Rule("date", "evidence", r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b", "date"),
    Rule(
        "year",
        "evidence",
        r"\b(?:1[6-9]|20)\d{2}s?\b(?![.,]\d|\s*(?:%|km|kg|m\b|miles|people|years?\b|yrs\b))",
        "date",
    ),
    Rule(
        "date",
        "evidence",
        rf"\b(?:last|this past|on) (?:year|month|week|spring|summer|autumn|fall|winter"
        rf"|{_DAYS})\b|\byesterday\b",
        "date",
    ),
    # A figure is data only with what it measures: a unit, or a count of people or things.
    # A change ("fell from 30 to 12") ends before its figure, so "went up by 40%" is a change
    # and a percentage, and no rule starts inside a number ("rose by 100.5%" is not "5%").
    # A bare number (a clock time, a model number, a list item, "10 years") is not.
    Rule(
        "measure",
        "evidence",
        rf"\b\d(?:,?\d){{0,24}}+(?:\.\d+)?\s?{_UNIT}\b",
        "number",
    ),
    Rule(
        "count",
        "evidence",
        rf"\b\d(?:,?\d){{0,24}}+(?:\s+(?:more|fewer|extra|new|additional|other))?\s+{_COUNTED}\b",
        "number",
    ),
    Rule(
        "count",
        "evidence",
        r"\b(?:\d{1,3}(?:,\d{3})+|\d{3,})\s+(?:[a-z]+\s+)?(?!(?:years|months|weeks|days|hours|minutes"
        r"|seconds|times|pages|points|reasons|words|posts|replies)\b)[a-z]{3,}s\b",
        "number",
    ),
    Rule(
        "rate",
        "evidence",
        r"\b\d(?:,?\d){0,24}+(?:\.\d+)?\s+(?:a|per|each|every)\s+(?:day|week|month|year|hour|minute"
        r"|head|person|capita)\b",
        "number",
    ),
    Rule(
        "change",
        "evidence",
        r"\b(?:rose|risen|fell|fallen|dropped|increased|decreased|doubled|halved|grew|grown|jumped"
        r"|climbed|declined|went (?:up|down))\s+(?:from|by|to)(?=\s+(?:about\s+|around\s+"
        r"|roughly\s+|nearly\s+|almost\s+|over\s+|under\s+)?\d)",
        "number",
    ),
    Rule(
        "count",
        "evidence",
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
        rf"|forty|fifty|a hundred|a thousand)\s+(?:more\s+|fewer\s+|new\s+)?{_COUNTED}\b",
        "number",
    ),
    # Examples and precedents.
    Rule(
        "for-example",
        "evidence",
        r"\bfor (?:example|instance)\b|\be\.g\.|\bcase in point\b|\bsuch as\b",
        "example",
    ),
    # An allusion names where something happened without saying what: a thin example.
    Rule(
        "allusion",
        "reason",
        r"\b(?:just |exactly |much )?(?:like|as) (?:what )?(?:they|we|he|she|it|you|[A-Z]\w+)"
        r"(?: \w+)? (?:did|does|do|happened|saw|have seen|'ve seen|went|tried)\b"
        r"(?:\s+\w+){0,3}?\s+(?:in|to|with|after|during)\b",
    ),
    Rule(
        "allusion",
        "reason",
        r"\bas (?:we|you|they|everyone|anyone) (?:saw|have seen|'ve seen|can see|could see) in\b",
    ),
    Rule(
        "precedent",
        "evidence",
        r"\blook at (?:what happened|how)\b|\bremember (?:when|what happened)\b"
        r"|\bwhat happened (?:in|to|with|after)\b|\bthe same (?:thing )?happened\b"
        r"|\bprecedents?\b",
        "example",
    ),
    Rule(
        "precedent",
        "evidence",
        r"\b(?:When|After|Since|Before|when|after|since|before) [A-Z][\w'’-]+"
        r"(?: [A-Z][\w'’-]+)*(?: in [A-Z]\w+)? (?:closed|banned|introduced|tried|passed|built"
        r"|cut|raised|legali[sz]ed|invaded|adopted|abolished|opened|launched|did)\b",
        "example",
        cased=True,
    ),
    # First-hand observation.
    Rule(
        "first-hand",
        "evidence",
        r"\b(?:I|we)(?: personally| actually| have| 've|'ve| just| once| also| myself| all)?"
        r" (?:saw|seen|watched|witnessed|noticed|counted|measured|checked|visited|surveyed"
        r"|photographed|filmed|recorded|heard (?:him|her|them|it)|spoke to|talked to|asked"
        r"|took (?:these|this|that|those|a|some|the) (?:photos?|pictures?|pics?|shots?|video"
        r"|on)|took these|took this|was there|were there|live (?:in|near|next to|on)"
        r"|lived (?:in|near)|work(?:ed)? (?:in|at|for|as))\b",
        "observation",
    ),
    # What happened to someone close to the poster, told first-hand: a personal anecdote.
    Rule(
        "anecdote",
        "evidence",
        r"\bmy (?:own )?(?:wife|husband|son|daughter|brother|sister|mother|mom|mum|father|dad"
        r"|parents|cousin|uncle|aunt|grandmother|grandfather|grandma|grandpa|friend|best friend"
        r"|neighbou?r|boss|doctor|girlfriend|boyfriend|niece|nephew|colleague|co-?worker"
        r"|roommate|flatmate|partner)s?(?: in law|-in-law)? (?:is|was|has been|had been) (?:a|an)"
        r" (?!(?:real|great|good|bad|nice|lovely|wonderful|treasure|blessing|joke|idiot)\b)\w+"
        r"|\bmy (?:own )?(?:wife|husband|son|daughter|brother|sister|mother|mom|mum|father|dad"
        r"|parents|cousin|uncle|aunt|grandmother|grandfather|grandma|grandpa|friend|best friend"
        r"|neighbou?r|boss|doctor|girlfriend|boyfriend|niece|nephew|colleague|co-?worker"
        r"|roommate|flatmate|partner)s?(?: in law|-in-law)? (?:works?|worked|has worked|lives|lived"
        r"|died|was (?:killed|shot|murdered|raped|robbed|attacked|mugged|diagnosed|arrested"
        r"|hospitali[sz]ed|in a coma)|had (?:an abortion|a miscarriage|cancer|a stroke)"
        r"|got (?:shot|robbed|mugged|pregnant|arrested|sick)|earned|served|spent)\b",
        "observation",
    ),
    Rule(
        "seen-on",
        "evidence",
        r"\b(?:seen|spotted|photographed|filmed|taken|snapped|pictured) (?:on|in|at|near|outside"
        r"|along|today|yesterday)\b",
        "observation",
    ),
    Rule(
        "first-hand",
        "evidence",
        r"\bin my (?:own )?experience\b|\bfrom (?:my own|personal|first-hand) experience\b"
        r"|\bfirst[- ]?hand\b|\bwith my own eyes\b",
        "observation",
    ),
    Rule(
        "media-shows",
        "evidence",
        rf"\b{_MEDIA}\b(?:\s+[\w'’-]+){{0,6}}?\s+(?:were|was|are|is)\s+(?:also\s+|clearly\s+)?"
        r"(?:present|there|displayed|visible|shown|put up|everywhere|seen|hanging|posted)\b"
        rf"|\bhere (?:is|are) (?:a |the |some |my )?{_MEDIA}\b"
        r"|\b(?:you|anyone) can (?:clearly )?see (?:it )?(?:in|on|from|here)\b",
        "observation",
    ),
    # Reasons given as grounds: an argument, but nothing a reader could check.
    Rule(
        "reason",
        "reason",
        r"\bbecause\b|\bsince\b(?!\s+(?:\d|then|when|last|the (?:\d|early|late|start|beginning|end)"
        r"|early|late|(?:19|20)\d\d))|\b(?:that|this)(?: is|'s| was) (?:why|the reason)\b"
        r"|\bthats why\b|\bdue to\b|\bas a result\b|\bthe reason (?:is|being|why)\b"
        r"|\bgiven that\b|\bowing to\b|\bcaused by\b|\bthanks to\b|\b(?:thus|therefore|hence)\b",
    ),
)


_EVALUATIVE = trie(
    "good|bad|better|worse|best|worst|great|terrible|awful|horrible|excellent|wonderful|stupid"
    "|idiotic|dumb|foolish|silly|ridiculous|absurd|nonsense|rubbish|garbage|bs|crap|bullshit"
    "|wrong|fair|unfair|unjust|wise|wisely|unwise|smart|brilliant|clever|naive|juvenile"
    "|pipe dream|mistake|mistakes|disaster|disastrous|failure|failed|successful|dangerous|safe"
    "|safer|harmful|harm|beneficial|useful|useless|pointless|important|crucial|essential"
    "|necessary|unnecessary|serious|critical|menace|evil|corrupt|corruption|incompetent"
    "|hypocrite|hypocrites|hypocritical|hypocrisy|immoral|unethical|legitimate|illegitimate"
    "|acceptable|unacceptable|reasonable|unreasonable|logical|illogical|true|false|lies|liar"
    "|liars|propaganda|biased|misleading|outrageous|shameful|disgrace|disgraceful|pathetic"
    "|tough|easier|harder|worth|worthless|valuable|loyal|selfish|deserve|deserves|deserved"
    "|proper|improper|obvious|threat|benefit|benefits|advantage|disadvantage|better off"
    "|worse off|irrelevant|sensible|insane|crazy|misguided|ignorant|waste|wasteful|terrific"
    "|fantastic|awesome|suck|sucks|shame|pity|blame|fault|solution|problem|problems|nasty"
    "|horrendous|wisdom|folly|right thing|joke|doomed|overdue|vanity|unfair|fail|fails"
)
"""Evaluative words: judging something good or bad, wise or foolish, is taking a stance."""

CLAIM_RULES: tuple[Rule, ...] = (
    Rule(
        "stance",
        "claim",
        r"\bI(?: really| strongly| honestly| personally| do| don'?t| do not| still| also| firmly"
        r"| just| truly)? (?:think|believe|feel|reckon|doubt|agree|disagree|know|maintain|argue"
        r"|contend|am (?:sure|convinced|certain|afraid)|'m (?:sure|convinced|certain|afraid))\b"
        r"|\bin my (?:humble )?(?:opinion|view)\b|\b(?:imo|imho)\b|\bit seems to me\b"
        r"|\bthe (?:truth|fact|point|problem|issue|thing|bottom line|reality) is\b"
        r"|\bwe (?:all )?know\b"
        r"|\byou(?:'re| are|re) (?:totally |completely |just |dead |so |absolutely )?(?:wrong|right"
        r"|mistaken|correct)\b"
        r"|\bno way\b|\bof course not\b|\bnot (?:true|so|the case)\b",
    ),
    Rule(
        "modal",
        "claim",
        r"\b(?:should(?:n'?t)?|must(?:n'?t)?|ought to|needs? to|have to|has to|had better|will"
        r"|won'?t|wont|would(?:n'?t)?|(?:is|are|am|'re|'s) going to|gonna|cannot|can'?t)\b",
    ),
    Rule("evaluative", "claim", rf"\b(?:{_EVALUATIVE})\b"),
    Rule(
        "booster",
        "claim",
        r"\b(?:absolutely|clearly|definitely|certainly|surely|obviously|undoubtedly|undeniably"
        r"|of course|totally|completely|entirely|no doubt|without (?:a )?doubt|always|never"
        r"|nobody|no one|everyone|everybody|indeed|truly|plainly|for sure|guaranteed|naturally"
        r"|all about|by far|the only)\b",
    ),
    Rule(
        "denies-evidence",
        "claim",
        r"\b(?:there(?: is|'s| are| was| were)|with|without|have|has|had|is)\s+(?:absolutely\s+"
        r"|simply\s+|really\s+|still\s+)?(?:no|zero|not (?:a|any|one|a single)|never been any)"
        r"\s+(?:\w+\s+){0,3}?(?:evidence|proof|reason|source|basis|data|indication|sign|facts?)\b",
    ),
)

HEDGE_RULES: tuple[Rule, ...] = (
    Rule(
        "hedge",
        "hedge",
        r"\b(?:maybe|perhaps|possibly|probably|likely|unlikely|might|may|could|seems?|seemed"
        r"|appears? to|apparently|I guess|I suppose|I suspect|sort of|kind of"
        r"|somewhat|arguably|to some (?:degree|extent)|in some cases|not sure|presumably"
        r"|supposedly|allegedly|roughly|approximately|more or less|as far as I know|afaik|iirc"
        r"|if I recall|I'm not sure|I am not sure)\b",
    ),
)

CHALLENGE_RULES: tuple[Rule, ...] = (
    Rule(
        "request-evidence",
        "challenge",
        r"\b(?:sources?|citations?|proof|evidence|links?|cite|references?|stats|numbers)\s*\?"
        r"|\bcitation needed\b|\bprove (?:it|that|this|your|them|they|he|she)\b"
        r"|\b(?:can|could|would|will) (?:you|u|ya) (?:please |pls |plz |even |actually )?"
        r"(?:give|provide|show|post|share|cite|link|prove|back (?:it|that|this) up"
        r"|point (?:me |us )?to|name|supply|produce|substantiate|support)\b"
        r"|\b(?:where(?:'s| is| are)|what(?:'s| is| are)) (?:your|the|ur|you) ?(?:proof|evidence"
        r"|source|sources|citation|link|data|basis|numbers|figures)\b"
        r"|\bwhere did (?:you|u) (?:get|read|hear|find|see)\b"
        r"|\bshow (?:me|us) (?:the |a |any |some |your )?(?:proof|evidence|source|sources|data|link"
        r"|numbers|figures|study|studies)\b"
        r"|\b(?:do|does|did) (?:you|u|he|she|they) (?:even )?have (?:any |a |some )?"
        r"(?:proof|evidence|source|sources|data|link|citation|figures|numbers|studies|facts)\b"
        r"|\bhow (?:do|does|can) (?:you|u|he|she|they) know\b|\bsays who\b"
        r"|\bback (?:it|that|this|your \w+|them) up\b|\bwhat makes you (?:think|say)\b"
        r"|\bhave (?:you|u) (?:actually |even |ever )?(?:read|counted|checked|seen|been|looked"
        r"|verified|asked)\b|\bis (?:that|this|it) (?:true|so|right|a fact)\s*\?"
        r"|\b(?:any|got (?:a|any)) (?:proof|evidence|source|sources|citation|link|data)\b"
        r"|\b(?:sources?|links?|citations?|proof|evidence|references?) (?:please|pls|plz)\b"
        r"|\b(?:please|pls|plz) (?:provide|show|give|post|cite|link|share"
        r"|back (?:it|that|this) up)\b"
        r"|\b(?:provide|give|post|send) (?:me|us) (?:a |an |some |any |the |your )?(?:evidence"
        r"|proof|sources?|links?|citations?|references?)\b"
        r"|\bcome back when (?:you|u) (?:have|'ve got|got|can (?:show|prove|back))\b"
        r"|\bI(?:'d| would) (?:like|love) to see (?:some |any |the |your |a )?(?:evidence|proof"
        r"|sources?|links?|citations?|data|studies|study|numbers|figures)\b",
    ),
)

DEMAND_RULES: tuple[Rule, ...] = (
    Rule(
        "demand",
        "challenge",
        r"\b(?:explain|tell (?:me|us)) (?:how|why|what|where|which|when|who)\b"
        r"|\bexplain (?:yourself|that|this)\b|\bname (?:one|a single|just one|me one|one single)\b",
    ),
)
"""An order to the other poster ("Explain how…", "Tell me why…", "Name one."): questioning in
the imperative. Only at the head of a sentence ("I can't explain why" orders nobody)."""

_SOCIAL = re.compile(
    r"^\W*(?:thanks?\b|thank (?:you|u)\b|thx\b|ty\b|cheers\b|welcome\b|congrat\w*|hello\b"
    r"|hi\b|hey\b|lol\w*|lmao\w*|rofl\w*|haha\w*|hehe\w*|\+1|agreed\b|bump\b|same here\b"
    r"|me too\b|nice\b|good (?:one|post|point|job|work)\b|great (?:post|point|job|work|read)\b"
    r"|well said\b|this[.!]|wow\b|omg\b|:\)|:d|;\)|interesting\b|true that\b|exactly this\b"
    r"|δ|∆|!delta\b)"
)
"""Thanks, laughter, greetings opening a sentence: talk about the conversation, not the topic.
Matched on the lower-cased sentence: IGNORECASE costs more than lower-casing, on every
sentence of a thread."""


RULES = CHALLENGE_RULES + DEMAND_RULES + EVIDENCE_RULES + CLAIM_RULES + HEDGE_RULES
"""All rules; where two match at the same place the earlier wins (asking beats citing)."""


@cache
def compiled_rules() -> RuleSet:
    """All rules compiled (a few tenths of a second, so on first use rather than on import:
    the reader imports `scoring` for its models long before it scores anything)."""
    return compile_rules(RULES)


_OPENER = re.compile(
    r"\W*(?:no|yes|nope|exactly|wrong|agreed|nonsense|true|false|rubbish)\b[,.!]", re.IGNORECASE
)
"""A sentence opening with a verdict on what it answers ("No, ...", "Wrong.") takes a stance."""

_NEGATORS = frozenset(
    {"no", "not", "never", "without", "nor", "zero", "any", "cannot", "neither"}
    | {"what", "which", "give", "provide", "where's"}
)
_NEGATING_PAIRS = frozenset(
    {
        ("can", "you"),
        ("could", "you"),
        ("would", "you"),
        ("will", "you"),
        ("can", "u"),
        ("could", "u"),
        ("you", "have"),
        ("u", "have"),
        ("show", "me"),
        ("where", "is"),
    }
)
_WORDS = re.compile(r"[\w']+")


def _negated(sentence: str, local: int) -> bool:
    """Whether one of the three words before `local` denies or asks for what follows
    ("no study", "can you give evidence", "what source"): then it is mentioned, not given."""
    words = _WORDS.findall(sentence[max(0, local - 40) : local].lower())[-4:]
    last3 = words[-3:]
    if any(w in _NEGATORS or w.endswith("n't") for w in last3):
        return True
    return any((a, b) in _NEGATING_PAIRS for a, b in pairwise(words))


_BYLINE = re.compile(
    r"^[ \t]*(?:By[ \t]+)?[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}[ \t]*(?:\||—|–|-[ \t]*$|$)",
    re.MULTILINE,
)
"""A byline: a capitalised name alone on its line, or before a bar ("Abdul Rahim |")."""

_DETERMINERS = frozenset({"the", "these", "those", "both", "all"})
"""Before a number word, a determiner makes it a reference ("the two powers"), not a count."""

NEGATABLE = frozenset(
    {
        "according-to",
        "reported-by",
        "study-found",
        "authority-said",
        "as-put-it",
        "in-publication",
        "for-example",
        "precedent",
        "allusion",
        "first-hand",
        "anecdote",
        "seen-on",
        "media-shows",
    }
)

"""Cue kinds a denial or a question can cancel ("no study found", "did you see it?"); a link,
a headline or a number is there whatever the sentence around it says."""

Hit = tuple[Rule, int, int]
"""A rule matched at (start, end): the raw form of a cue, before it is checked and kept."""


def find_hits(text: str, offset: int = 0) -> list[Hit]:
    """Every rule match in `text` (one scan), in order, offsets shifted by `offset`."""
    if offset:
        return [(rule, offset + a, offset + b) for rule, a, b in find(compiled_rules(), text)]
    return find(compiled_rules(), text)


def make_cue(rule: Rule, start: int, end: int, text: str) -> Cue:
    """The cue for a hit; `text` is the matched words."""
    return _new_cue(
        {
            "kind": rule.kind,
            "role": rule.role,
            "start": start,
            "end": end,
            "text": text,
            "evidence_type": rule.evidence_type,
        }
    )


def opener_cue(sentence: str, offset: int = 0) -> Cue | None:
    """A stance cue for a sentence that opens with "No," "Wrong." and the like."""
    match = _OPENER.match(sentence)
    if match is None:
        return None
    start = offset + len(match.group()) - len(match.group().lstrip(" \t\n\"'“‘(*-"))
    return _new_cue(
        {
            "kind": "stance",
            "role": "claim",
            "start": start,
            "end": offset + match.end(),
            "text": sentence[start - offset : match.end()],
            "evidence_type": None,
        }
    )


_YEAR_BEFORE = frozenset(
    [
        "in",
        "since",
        "by",
        "from",
        "until",
        "till",
        "through",
        "of",
        "during",
        "before",
        "after",
        "circa",
        "around",
        "the",
        "between",
        "and",
        "to",
        "early",
        "late",
        "mid",
        "year",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_YEAR_AFTER = re.compile(
    r"\s*(?:report|study|survey|census|election|elections|poll|figures|data|statistics|budget"
    r"|review|paper|law|act|war|olympics|crisis|audit|season|ban|vote|referendum|campaign)\b",
    re.IGNORECASE,
)
"""A year is a date when it is tied to an event or a source ("in 2019", "the 2019 report",
"(2018)"); a four-digit number on its own ("the 2080 is faster") is a model number."""

_OFFER = re.compile(
    r"\b(?:buy|buying|sell|selling|for sale|wts|wtb|shipping|shipped|discount|pm me|dm me|obo"
    r"|asking)\b",
    re.IGNORECASE,
)
"""A sentence selling something: its prices are an offer, not data."""


@lru_cache(maxsize=8)
def _is_offer(sentence: str) -> bool:
    """Cached per sentence: a sentence of many prices is searched once, not once per price."""
    return _OFFER.search(sentence) is not None


def _year_in_context(sentence: str, local: int, local_end: int) -> bool:
    """After "in", "since", a month, "(" or ", " (a citation), or a titled event ("Victoria
    Day 2001"), or before a source or event noun; an all-capitals name ("RTX 2080") is a model."""
    if sentence[max(0, local - 2) : local] in (", ", "(") or sentence[local - 1 : local] == "(":
        return True
    words = _WORDS.findall(sentence[max(0, local - 20) : local])
    if words:
        last = words[-1].strip("'")
        if last.lower() in _YEAR_BEFORE or last.lower() == "s" or last.istitle():
            return True
    return _YEAR_AFTER.match(sentence, local_end) is not None


_CONVERSATION = frozenset(
    {"you", "your", "you're", "youre", "yours", "u", "ur", "no", "nothing", "none", "zero"}
    | {"little"}
)
"""Words after "I saw", "I asked", "I checked" that make it talk about the debate itself ("I
asked you", "I saw that you", "I have seen no evidence"), not something seen in the world."""

_ASKED_AGAIN = frozenset({"for", "again", "first", "twice", "before", "earlier", "already"})
"""After "I asked" only: "I asked for a source", "I asked twice" ask in the thread ("we counted
for two weeks" still counts)."""

_UNREAL = frozenset({"if", "unless", "whether", "as", "last"})
"""Words just before "I saw", "we have seen" that make the sighting hypothetical ("if I saw"),
a figure of speech ("last time I checked") or general ("as we've seen")."""

_IF = (["if"], ["If"], ["unless"], ["whether"])

_PARTICIPANTS = frozenset({"i", "you", "u", "we"})
"""People in the thread: "I quoted in that post" is talk about the thread, not a source."""


_BOOK = re.compile(
    r"(?<![\w.])(?!(?:At|By|From|Until|Till|To|Around|About|Before|After|Since|Between|And|Or"
    r"|On|In|Score|Ratio|Odds|Page|Post)\b)[A-Z][a-z]{1,14}\.? $"
)
"""A book's name just before chapter and verse: a capitalised word that is not a preposition."""

_HUNDRED = re.compile(r"100\s*(?:%|per)")
_CHANGE_WORDS = frozenset(
    {"by", "up", "down", "rose", "fell", "grew", "increased", "decreased", "jumped", "dropped"}
)

_NOT_A_SOURCE = frozenset(
    {"logic", "reasoning", "interpretation", "interpretations", "wishes", "wish", "whims"}
    | {"principles", "instructions", "plan", "plans", "expectations", "beliefs", "belief"}
    | {"opinion", "opinions", "view", "views", "theory", "definition", "standards", "taste"}
    | {"my", "your", "ur", "our", "yourself", "myself"}
)
"""After "according to": the poster's own or the other poster's words ("according to your
logic"), or a way of thinking rather than someone who reported something."""


def _names_a_source(sentence: str, local_end: int) -> bool:
    """Whether "according to" is followed by someone or something that reports ("according to
    the council", "according to Genesis 1"), not by a way of thinking ("according to Brady
    logic", "according to your theory", "according to his own interpretation")."""
    after = _WORDS.findall(sentence[local_end : local_end + 40].lower())[:4]
    return not any(word in _NOT_A_SOURCE for word in after)


def _observed(sentence: str, local: int, local_end: int) -> bool:
    """Whether a first-hand cue reports something seen in the world: not hypothetical, not an
    idiom, not about the other poster ("I asked you", "I noticed that you"), not a denial ("I
    have seen no evidence"), not the generic "the world we live in"."""
    before = _WORDS.findall(sentence[max(0, local - 20) : local].lower())[-2:]
    if before and (before[-1] in _UNREAL or "last" in before):
        return False
    words = sentence[local:local_end].lower()
    if words.startswith("we") and ("live" in words or "work" in words):
        return False
    after = _WORDS.findall(sentence[local_end : local_end + 30].lower())[:2]
    if not after:
        return not words.endswith(("noticed", "saw", "seen", "checked", "asked"))
    if after[0] in _CONVERSATION or (after[0] in _ASKED_AGAIN and words.endswith("asked")):
        return False
    return not (after[0] == "that" and (len(after) == 1 or after[1] in _CONVERSATION))


def _count_stands(sentence: str, local: int, local_end: int) -> bool:
    """A count, unless a determiner makes it a reference: "the two powers" names, not counts."""
    if not sentence[local : local + 1].isalpha():
        return True
    before = sentence[max(0, local - 8) : local].split()
    return not (before and before[-1].lower() in _DETERMINERS)


def _percentage_stands(sentence: str, local: int, local_end: int) -> bool:
    """A percentage, but not "100% correct" or "100 percent sure" (a booster); "went up 100%"
    is a change and stands."""
    if _HUNDRED.match(sentence, local) is None:
        return True
    before = _WORDS.findall(sentence[max(0, local - 12) : local].lower())
    return bool(before) and before[-1] in _CHANGE_WORDS


def _verse_stands(sentence: str, local: int, local_end: int) -> bool:
    """Chapter and verse after a book's name; "at 3:15" or "a 3:1 majority" is not."""
    return _BOOK.search(sentence, max(0, local - 20), local) is not None


def _anecdote_stands(sentence: str, local: int, local_end: int) -> bool:
    """An anecdote told, not supposed ("if my father died tomorrow")."""
    return _WORDS.findall(sentence[max(0, local - 12) : local])[-1:] not in _IF


def _report_stands(sentence: str, local: int, local_end: int) -> bool:
    """A report by someone outside ("reported in the paper"), not by a poster ("I quoted in that
    post")."""
    before = _WORDS.findall(sentence[max(0, local - 12) : local].lower())
    return not (before and before[-1] in _PARTICIPANTS)


_NOT_EXAMPLES = _PARTICIPANTS | {"me", "him", "her", "them", "yourself"}


def _example_stands(sentence: str, local: int, local_end: int) -> bool:
    """Examples ("such as age and sex"), not a finger pointed at someone ("people such as you")."""
    if sentence[local : local + 7].lower() != "such as":
        return True
    after = _WORDS.findall(sentence[local_end : local_end + 12].lower())
    return not (after and after[0] in _NOT_EXAMPLES)


_CHECKS = {
    "count": _count_stands,
    "year": _year_in_context,
    "money": lambda sentence, local, local_end: not _is_offer(sentence),
    "percentage": _percentage_stands,
    "according-to": lambda sentence, local, local_end: _names_a_source(sentence, local_end),
    "verse": _verse_stands,
    "first-hand": _observed,
    "anecdote": _anecdote_stands,
    "reported-by": _report_stands,
    "for-example": _example_stands,
}
"""Checks of the words around a cue of one kind: (sentence, start, end) -> the cue stands."""


def keep(hit: Hit, sentence: str, offset: int, question: bool, social: bool) -> bool:
    """Whether a hit in `sentence` stands as a cue: negated or merely mentioned evidence does
    not ("no study found", "can you give evidence"), nor "the two powers" as a count, nor a
    year tied to nothing, nor a price in an offer, nor evidence named in a question ("did the
    study find that?"), nor a claim word in thanks, nor what `_CHECKS` rules out."""
    rule, start, end = hit
    role = rule.role
    if role == "claim":
        return not social
    if role not in ("evidence", "reason"):
        return True
    local = start - offset
    kind = rule.kind
    check = _CHECKS.get(kind)
    if check is not None and not check(sentence, local, end - offset):
        return False
    return not (kind in NEGATABLE and (question or _negated(sentence, local)))


def byline_cues(text: str, spans: list[tuple[int, int]]) -> list[Cue]:
    """A byline line in the first sentences of a post ("Abdul Rahim |", "By Jane Doe"):
    a named author is a source. Only line starts there are tried, so long posts cost nothing."""
    cues: list[Cue] = []
    limit = spans[min(len(spans), 3) - 1][1] if spans else 0
    head = text[:limit]
    if not ("|" in head or "By " in head or "—" in head or "–" in head or "-" in head):
        return cues  # nothing a byline ends with, or starts with, is there
    pos = 0
    while pos < limit:
        match = _BYLINE.match(text, pos)
        if match is not None:
            line = match.group().strip()
            if len(line.split()) >= 2 and (
                line.endswith(("|", "—", "–", "-")) or line[:3] == "By "
            ):
                start = match.start() + (len(match.group()) - len(match.group().lstrip()))
                cues.append(
                    _new_cue(
                        {
                            "kind": "byline",
                            "role": "evidence",
                            "start": start,
                            "end": start + len(line),
                            "text": line,
                            "evidence_type": "source",
                        }
                    )
                )
        nl = text.find("\n", pos, limit)
        if nl < 0:
            break
        pos = nl + 1
    return cues


_IMPERATIVE_LEAD = re.compile(
    r"\W*(?:(?:please|pls|plz|so|then|now|just|ok|okay|well|and|but|again|also|first|go ahead"
    r"|and)\W+)*",
    re.IGNORECASE,
)


def is_order(sentence: str, local: int) -> bool:
    """Whether a demand at `local` heads its sentence, so it is an order ("Please explain how…")
    and not a report ("I can't explain why…")."""
    return _IMPERATIVE_LEAD.fullmatch(sentence, 0, local) is not None


def is_social(sentence: str) -> bool:
    """Whether the sentence opens with thanks, laughter or a greeting."""
    return _SOCIAL.match(sentence.lower()) is not None
