#!/usr/bin/env python3
"""Builds dev.jsonl, the development set of `dateline eval stories`.

Two kinds of groups, all written for this project:
  * same-story sets: one happening told by several (invented) outlets in
    their own words, plus unrelated or look-alike happenings of the same
    days (same countries, same kind of event) that must stay apart;
  * near-duplicate families made by editing the files of examples/: a
    re-publication with a new headline and boilerplate, one with its last
    paragraph replaced, an exact copy with other spacing, and a teaser
    (the lead paragraph) standing inside the full article.
Run from the repository root: python3 tests/data/stories/make_dev.py
"""
import json, os, re

OUT = os.path.join(os.path.dirname(__file__), "dev.jsonl")
records = []

def add(id, story, outlet, date, title, text, dup=None):
    r = {"id": id, "url": "https://%s/news/%s" % (outlet, id), "title": title,
         "date": date, "text": text, "story": story}
    if dup:
        r["duplicate_of"] = dup
    records.append(r)

# ---------------------------------------------------------------- stories
add("peru-quake-a", "peru-quake", "andesdaily.example", "2025-07-10",
    "Strong earthquake shakes southern Peru, damaging homes in Arequipa",
    "A magnitude 6.8 earthquake struck southern Peru on Thursday, damaging dozens of adobe homes in the "
    "Arequipa region and cutting power to several towns, the national civil defence institute said.\n\n"
    "The quake was centred 40 kilometres south of the town of Chala at a depth of 28 kilometres, the "
    "Geophysical Institute of Peru reported. Two people were injured by falling walls in Caraveli province.\n\n"
    "Authorities closed a stretch of the Pan-American Highway after rockslides and sent engineers to inspect "
    "bridges and the Chala fishing port.")
add("peru-quake-b", "peru-quake", "pacificwire.example", "2025-07-10",
    "Quake of magnitude 6.8 hits Peru's southern coast near Chala",
    "Rockslides blocked part of the Pan-American Highway and old adobe houses crumbled in Arequipa after a "
    "6.8-magnitude earthquake rattled Peru's southern coast, officials said.\n\n"
    "Peru's Geophysical Institute put the epicentre off Chala, at a depth of about 28 km. The civil defence "
    "agency counted two injured in Caraveli and said power was being restored to towns along the coast.\n\n"
    "Residents of Arequipa city, 200 km away, ran into the streets as the shaking lasted nearly a minute.")
add("peru-quake-c", "peru-quake", "latamnow.example", "2025-07-11",
    "Peru assesses damage after Arequipa earthquake",
    "Engineers in Peru on Friday inspected bridges and the fishing port of Chala a day after a magnitude 6.8 "
    "earthquake damaged adobe homes across the Arequipa region.\n\n"
    "The civil defence institute said 140 houses were uninhabitable in Caraveli province, where two people "
    "were hurt. The Pan-American Highway reopened after crews cleared the rockslides the quake set off.")

add("kenya-rate-a", "kenya-rate", "nairobibusiness.example", "2025-07-09",
    "Central Bank of Kenya raises key rate to 11.25 percent",
    "The Central Bank of Kenya raised its benchmark lending rate by half a percentage point to 11.25 percent "
    "on Wednesday, citing a weaker shilling and rising fuel prices.\n\n"
    "Governor Kamau Thugge told reporters in Nairobi that the monetary policy committee expected inflation to "
    "move back toward the middle of its target range by early next year.\n\n"
    "Commercial banks are expected to pass the increase on to borrowers within weeks.")
add("kenya-rate-b", "kenya-rate", "eastafricamarkets.example", "2025-07-09",
    "Kenya hikes interest rate as shilling slides",
    "Kenya's central bank unexpectedly lifted the policy rate to 11.25% from 10.75%, saying pressure on the "
    "shilling and higher fuel costs threatened to push inflation up.\n\n"
    "Governor Kamau Thugge said the monetary policy committee would watch fuel prices closely. Analysts in "
    "Nairobi had expected the bank to hold the rate steady.")
add("kenya-rate-c", "kenya-rate", "financeglobal.example", "2025-07-10",
    "Kenyan borrowers brace for costlier loans after rate rise",
    "Kenyan banks signalled on Thursday that loan rates would climb after the Central Bank of Kenya raised its "
    "benchmark rate to 11.25 percent to defend the shilling.\n\n"
    "Small businesses in Nairobi said the increase would squeeze them further. Governor Kamau Thugge has said "
    "inflation should ease toward the target range next year.")

add("gaza-strike-a", "gaza-strike", "levantpost.example", "2025-07-14",
    "Israeli air strike on Khan Younis kills at least 12",
    "Israeli aircraft struck a residential block in Khan Younis in the southern Gaza Strip early on Monday, "
    "killing at least 12 people, including five children, according to Nasser Hospital.\n\n"
    "The Israeli military said it had attacked a Hamas command post in the area and accused the group of "
    "operating among civilians.\n\n"
    "Rescuers searched the rubble with their hands for survivors as drones circled overhead.")
add("gaza-strike-b", "gaza-strike", "gulfdispatch.example", "2025-07-14",
    "Strike on Khan Younis home kills 12, Gaza hospital says",
    "At least 12 Palestinians were killed when an Israeli air strike hit a house in Khan Younis on Monday, "
    "medics at Nasser Hospital said, with children among the dead.\n\n"
    "The Israeli military said the strike targeted a Hamas command post. Neighbours said the building housed "
    "three families who had fled fighting in Rafah.")
add("gaza-strike-c", "gaza-strike", "worldreport.example", "2025-07-14",
    "Israel says it hit Hamas command post in Khan Younis",
    "Israel's military said on Monday its aircraft had struck a Hamas command post in Khan Younis, in the "
    "south of the Gaza Strip. Health officials at Nasser Hospital said 12 people were killed in the strike, "
    "five of them children.\n\n"
    "Hamas said the building was a family home and called the strike a massacre.")
add("gaza-strike-d", "gaza-strike", "mideastbrief.example", "2025-07-15",
    "Funerals held in Khan Younis after deadly Israeli strike",
    "Hundreds of mourners gathered in Khan Younis on Tuesday to bury the 12 people killed in an Israeli air "
    "strike on a family home the day before, Nasser Hospital officials said.\n\n"
    "The Israeli military has said the strike hit a Hamas command post.")

add("odesa-drones-a", "odesa-drones", "blacksea24.example", "2025-07-15",
    "Russian drones hit Odesa port, setting grain silo ablaze",
    "Russia attacked the port of Odesa with drones overnight into Tuesday, setting a grain silo on fire and "
    "injuring three dock workers, Ukraine's southern military command said.\n\n"
    "Air defences shot down 18 of 25 drones over the Odesa region, the command said. Regional governor Oleh "
    "Kiper said the fire was put out by morning and shipping was not interrupted.")
add("odesa-drones-b", "odesa-drones", "kyivledger.example", "2025-07-15",
    "Grain silo burns in Odesa after overnight drone attack",
    "A grain silo at the port of Odesa caught fire after Russian drones struck the harbour overnight, Odesa "
    "governor Oleh Kiper said on Tuesday. Three port workers were injured.\n\n"
    "Ukraine's military said it downed 18 drones out of 25 launched at the region. Ships continued to load "
    "grain at the other terminals, the port authority said.")
add("odesa-drones-c", "odesa-drones", "europenewsdesk.example", "2025-07-16",
    "Ukraine says Odesa port working normally after drone strike",
    "The port of Odesa was working normally on Wednesday, a day after a Russian drone attack set a grain silo "
    "on fire and injured three workers, the Ukrainian port authority said.\n\n"
    "Governor Oleh Kiper said damage to the silo would be repaired within two weeks.")

add("saratov-refinery-a", "saratov-refinery", "volganews.example", "2025-07-15",
    "Ukrainian drones strike oil refinery in Russia's Saratov",
    "Ukrainian drones struck an oil refinery in the Russian city of Saratov overnight, starting a large fire, "
    "regional governor Roman Busargin said on Tuesday.\n\n"
    "The Russian defence ministry said air defences destroyed 30 drones over several regions. Ukraine's "
    "general staff said the refinery supplied fuel to Russian forces.")
add("saratov-refinery-b", "saratov-refinery", "energyintel.example", "2025-07-15",
    "Fire at Saratov refinery after Ukrainian drone attack",
    "A fire broke out at the Saratov oil refinery after an attack by Ukrainian drones, governor Roman Busargin "
    "said, adding that no one was hurt. The plant processes about seven million tonnes of crude a year.\n\n"
    "Kyiv has repeatedly targeted Russian refineries it says fuel the war.")

add("paris-farmers-a", "paris-farmers", "parisobserver.example", "2025-07-17",
    "French farmers block Paris ring road with tractors",
    "Hundreds of French farmers drove tractors onto the Paris ring road on Thursday, blocking traffic for hours "
    "in protest against a trade deal with South American countries and rising fuel costs.\n\n"
    "Police said 40 tractors reached the Porte de Saint-Cloud before officers stopped the convoy. The farmers' "
    "union FNSEA said protests would continue until the government answered its demands.")
add("paris-farmers-b", "paris-farmers", "agrinews.example", "2025-07-17",
    "Tractors jam Paris as farmers protest Mercosur deal",
    "Farmers angry at the planned EU-Mercosur trade agreement snarled traffic around Paris on Thursday, "
    "parking tractors across lanes of the ring road and dumping hay at Porte de Saint-Cloud.\n\n"
    "The FNSEA union said the deal would flood France with cheap beef. Police stopped the convoy before it "
    "reached the city centre.")
add("paris-farmers-c", "paris-farmers", "eurowire.example", "2025-07-18",
    "French government invites farm unions to talks after Paris blockade",
    "The French agriculture minister invited farm unions to talks on Friday, a day after farmers blocked the "
    "Paris ring road with tractors to protest against the Mercosur trade deal and fuel prices.\n\n"
    "FNSEA leaders said they would attend but warned that blockades could resume.")

add("tokyo-ministers-a", "tokyo-ministers", "asiaherald.example", "2025-07-18",
    "Japan and South Korea foreign ministers meet in Tokyo",
    "Japanese Foreign Minister Takeshi Iwaya and South Korean Foreign Minister Cho Hyun met in Tokyo on "
    "Friday and agreed to strengthen cooperation on North Korea's missile programme.\n\n"
    "The two ministers also discussed a plan to expand youth exchange visas, Japan's foreign ministry said.")
add("tokyo-ministers-b", "tokyo-ministers", "seoultimes.example", "2025-07-18",
    "Cho Hyun, Iwaya pledge closer cooperation on North Korea",
    "South Korea's top diplomat Cho Hyun and his Japanese counterpart Takeshi Iwaya pledged in Tokyo to work "
    "more closely on North Korean missile launches, Seoul's foreign ministry said.\n\n"
    "Cho's visit to Tokyo was his first since taking office. The ministers agreed to meet again in Seoul in "
    "the autumn.")

add("chile-fire-a", "chile-fire", "santiagonow.example", "2025-07-16",
    "Forest fire forces evacuations near Valparaiso",
    "Chilean authorities ordered hundreds of residents to leave hillside neighbourhoods near Valparaiso on "
    "Wednesday as a forest fire fanned by strong winds spread toward homes.\n\n"
    "Firefighting planes dropped water on the flames while the national forestry agency CONAF said 300 "
    "hectares had burned.")

# ----------------------------------------------- copies of examples/ files
ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")

def example(name):
    with open(os.path.join(ROOT, "examples", name), encoding="utf-8") as f:
        return f.read()

def paragraphs(text):
    return [p.strip() for p in text.strip().split("\n") if p.strip()]

families = [
    ("01-kyiv-drone-attack.txt", "2025-04-08"),
    ("03-washington-katz-call.txt", "2025-03-22"),
    ("04-beijing-wang-yi-rubio.txt", "2025-05-14"),
    ("06-brussels-russia-sanctions.txt", "2026-02-23"),
    ("07-sudan-aid-convoy.txt", "2025-06-12"),
    ("08-tbilisi-protests.txt", "2024-12-03"),
]
for i, (name, date) in enumerate(families):
    text = example(name)
    paras = paragraphs(text)
    title = paras[0]
    base = name.split(".")[0]
    story = "ex-" + base
    add(base, story, "originalwire.example", date, title, text)
    # Re-published under a new headline, with the site's boilerplate.
    body = "\n\n".join(paras[1:])
    add(base + "-republished", story, "aggregator%d.example" % i, date,
        "UPDATE: " + title.lower().capitalize(),
        body + "\n\nSign up for our morning newsletter to get the day's top stories in your inbox.\n\n"
        "Copyright 2025 Aggregator Media. All rights reserved.", dup=base)
    if i % 2 == 0:
        # The last paragraph replaced by an editor's note.
        add(base + "-edited", story, "regionalpaper%d.example" % i, date, title,
            "\n\n".join(paras[:-1]) + "\n\nThis story has been updated with additional reporting from our "
            "correspondents.", dup=base)
    else:
        # The same words with other spacing and line breaks.
        add(base + "-copy", story, "mirror%d.example" % i, date, title,
            re.sub(r"\s+", " ", text).replace(". ", ".\n\n", 3), dup=base)
    if i < 4:
        # A teaser: the lead paragraph and a link, standing inside the article.
        lead = next(p for p in paras[1:] if len(p.split()) >= 25 and "Photo" not in p)
        add(base + "-teaser", story, "briefs%d.example" % i, date, title,
            lead + "\n\nRead the full story on our website.", dup=base)

with open(OUT, "w", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print("%d articles written to %s" % (len(records), OUT))
