"""Hand annotation of eval/realset6 (written under ../../../shared/eval/ANNOTATION.md).
Evidence is given as a unique fragment; build_gold.py expands it to the article's whole sentence."""

ABOUT = ("Hand annotation of the held-out real-style set eval/realset6 (l01-l14), written under "
         "../shared/eval/ANNOTATION.md BEFORE any pipeline run on these files, by a helper (realset6) who did not "
         "read or change the pipeline. Each article was written for ClaimAtlas after one real page of 30 September "
         "2015 - 31 March 2016 read through the search tool (SOURCES.md): structure, facts, place spellings and "
         "attribution order kept, sentences rewritten. Format as realset5_gold.json. 'strike_places' are places some "
         "source says Russian strikes hit or targeted (or denies hitting); each claim names the side of the SOURCE "
         "(a reprint takes the original source's side; a news outlet's, a think tank's or an analyst's own narration "
         "and unattributed 'reports' are 'reporter'; a monitor's own report is 'monitor'; other third parties "
         "'other'). basis: explicit = place named in the claim's own clause (or by an anaphor that the clause uses); "
         "sentence = named elsewhere in the sentence; article = the claim names no place. Governorates carry the "
         "coordinates of their capital; coordinates of villages are approximate. 'non_strike_places' must not be "
         "mapped as targets (datelines, bases, launch points, routes, origins, ground fighting, history, strikes by "
         "the Syrian regime or the US-led coalition alone).")

GOV = {
    "Homs Governorate": (34.7324, 36.7137), "Hama Governorate": (35.1318, 36.7578),
    "Idlib Governorate": (35.9306, 36.6339), "Latakia Governorate": (35.5317, 35.7901),
    "Aleppo Governorate": (36.2021, 37.1343), "Damascus Governorate": (33.5138, 36.2765),
    "Raqqa Governorate": (35.9528, 39.0079), "Deir ez-Zor Governorate": (35.3359, 40.1408),
    "Rif Dimashq Governorate": (33.5138, 36.2765),
}


def P(name, kind, latlon, as_written, *claims):
    lat, lon = latlon
    return {"name": name, "kind": kind, "lat": lat, "lon": lon, "as_written": list(as_written),
            "claims": list(claims)}


def G(name, as_written, *claims):
    return P(name, "governorate", GOV[name], as_written, *claims)


SYRIA = (35.0, 38.0)
SPECS = []

# ---------------------------------------------------------------- l01
SPECS.append({
    "article": "l01_alalam_fna_homs_quaryatayn.txt",
    "strike_places": [
        P("Syria", "country", SYRIA, ["Syria"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Russian Jets Target ISIL and Qaeda Positions in Syria")),
        G("Homs Governorate", ["Homs", "Homs province"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Russian air raids on the positions of ISIL and Al-Qaeda in Homs"),
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "On Friday, the Russian air force carried out airstrikes"),
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "In precision raids, Russian warplanes wiped out")),
        G("Idlib Governorate", ["Idlib", "Northwestern Idlib"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Russian air raids on the positions of ISIL and Al-Qaeda in Homs"),
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Besides its raids over Northeastern Lattakia")),
        G("Latakia Governorate", ["Lattakia", "Northeastern Lattakia"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Russian air raids on the positions of ISIL and Al-Qaeda in Homs"),
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Besides its raids over Northeastern Lattakia")),
        P("Homs", "city", (34.7324, 36.7137), ["the city of Homs"],
          ("syria_gov", "Talal al-Barazi, governor of Homs", "is_hit", "explicit", "near the city of Homs will weigh heavily")),
        P("Quaryatayn", "town", (34.2292, 37.2403), ["Quaryatayn"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "In precision raids, Russian warplanes wiped out")),
        P("Ma'arrat al-Nu'man", "city", (35.6433, 36.6717), ["Ma'arat Al-Nu'man"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Besides its raids over Northeastern Lattakia")),
        P("Kafr Nabl", "town", (35.6136, 36.5611), ["Kafr Nabl"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Besides its raids over Northeastern Lattakia")),
        P("Sarmin", "town", (35.9036, 36.7231), ["Sarmeen"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Besides its raids over Northeastern Lattakia")),
        P("Ariha", "town", (35.8133, 36.6083), ["Ariha"],
          ("reporter", "Al-Alam / FNA", "is_hit", "explicit", "Besides its raids over Northeastern Lattakia")),
    ],
    "non_strike_places": [
        ("Hay al-Wa'er", "ceasefire talks, not a strike"),
        ("Palmyra", "distance reference for Quaryatayn"),
        ("Qalamoun", "describes what Quaryatayn links to"),
        ("Jisr al-Shughour", "origin of the convoy (a route), not where it was hit"),
        ("Hmeimiyat airfields", "base the jets took off from"),
        ("Bassel Al-Assad International Airport", "base the jets took off from"),
    ],
    "notes": ("Iranian outlet relaying FNA. The lead's 'in Homs, Idlib and Lattakia' and the closing 'Northeastern "
              "Lattakia and Northwestern Idlib' are the outlet's own narration (reporter, is_hit: it calls the targets "
              "ISIL / al-Qaeda terrorists); the four 'al-Qaeda-held cities' are a list (reporter, is_hit, as the outlet "
              "frames them). The governor's 'near the city of Homs' is the only locator of his claim, so the city is a "
              "strike place (syria_gov); his 'Homs countryside' is where the effect will be felt, not a target. The "
              "Lattakia military source's convoy strike names only a route (from Jisr al-Shughour toward northeastern "
              "Lattakia) and is attached to no place; Lattakia is a strike place anyway through the lead. Headline "
              "naming only Syria: country entry.")
})

# ---------------------------------------------------------------- l02
SPECS.append({
    "article": "l02_gulftimes_reuters_talbiseh.txt",
    "strike_places": [
        G("Homs Governorate", ["Homs", "Homs province"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "Russian jets hit Syria's Homs, Hama province"),
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "carried out strikes on Sunday in Homs province")),
        G("Hama Governorate", ["Hama", "Hama province"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "Russian jets hit Syria's Homs, Hama province"),
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "carried out strikes on Sunday in Homs province"),
          ("monitor", "Syrian Observatory for Human Rights", "is_hit", "explicit", "The Observatory said the air strikes in Hama were aimed")),
        P("Talbiseh", "town", (34.8406, 36.7306), ["Talbiseh"],
          ("opposition", "residents", "strike_reported", "explicit", "hit targets around the town of Talbiseh"),
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "hit targets around the town of Talbiseh"),
          ("opposition", "a resident", "strike_reported", "explicit", "at least five bodies had been pulled out"),
          ("opposition", "Abdul Ghafar al Dweik, volunteer rescuer", "strike_reported", "explicit", "Up to now there have been six or seven raids on the town"),
          ("opposition", "Abdul Ghafar al Dweik, volunteer rescuer", "strike_reported", "article", "He said he thought Russian jets had carried out the raid.")),
        P("Ehsim", "town", (35.7360, 36.5370), ["Ehsim"],
          ("opposition", "activists", "strike_reported", "explicit", "A civil defence member walks over rubble")),
        G("Idlib Governorate", ["southern countryside of Idlib"],
          ("opposition", "activists", "strike_reported", "explicit", "A civil defence member walks over rubble")),
        P("Syria", "country", SYRIA, ["Syria"],
          ("reporter", "Reuters", "strike_reported", "explicit", "Russia began its air strikes in Syria on Wednesday"),
          ("russia", "Russia", "is_hit", "sentence", "Russia began its air strikes in Syria on Wednesday"),
          ("reporter", "Reuters", "no_is_present", "article", "But some areas it has hit have little or no Islamic State presence.")),
    ],
    "non_strike_places": [
        ("Iraq", "where Islamic State holds land, not struck"),
        ("western Syria", "where the Russian jets are based (the senior officer)"),
    ],
    "notes": ("Reuters on a Qatari paper. The headline sums up the Observatory's 'in Homs province and in neighbouring "
              "Hama' (monitor). Talbiseh: residents and the monitor in the lead (two sides), a resident's bodies, the "
              "rescuer's raids on 'the town' (explicit by anaphor) and his attribution to Russian jets (no place: "
              "article). 'in western Syria' and 'north of the city of Homs' only describe Talbiseh; Homs city is in "
              "neither list. The caption's 'Ehsim town in the southern countryside of Idlib' gives Ehsim and Idlib "
              "Governorate (activists). 'Russia began its air strikes in Syria ... saying it was going after ... Islamic "
              "State' is the campaign's start told by the narrator with Russia's stated aim (reporter strike_reported; "
              "russia is_hit with basis sentence); the next sentence's 'little or no Islamic State presence' names no "
              "place (reporter no_is_present, article). 'eastern Syria and western Iraq' is where IS holds land; the "
              "officer's 60 sorties name no target place.")
})

# ---------------------------------------------------------------- l03
SPECS.append({
    "article": "l03_eaglenews_reuters_heesh_video.txt",
    "strike_places": [
        G("Latakia Governorate", ["Latakia"],
          ("opposition", "Syrians in rebel-held territory", "strike_reported", "explicit", "Syrians claim Russian airstrikes hit Latakia and Idlib in Syria")),
        G("Idlib Governorate", ["Idlib"],
          ("opposition", "Syrians in rebel-held territory", "strike_reported", "explicit", "Syrians claim Russian airstrikes hit Latakia and Idlib in Syria")),
        P("Heesh", "town", (35.5486, 36.6431), ["Heesh"],
          ("opposition", "video posted by Syrians in rebel-held territory", "strike_reported", "explicit", "what is said to be Heesh")),
        P("Syria", "country", SYRIA, ["Syria"],
          ("russia", "Russian Defence Ministry", "is_hit", "explicit", "had flown 25 missions in Syria over the past 24 hours"),
          ("syria_gov", "Walid al-Moualem, Syrian foreign minister", "strike_reported", "explicit", "Syria's foreign minister said the Russian airstrikes in Syria had been planned")),
        G("Homs Governorate", ["Homs province"],
          ("russia", "Russian Defence Ministry", "is_hit", "explicit", "Air force planes struck three Islamic State targets in Homs province.")),
    ],
    "non_strike_places": [
        ("Iraq", "seat of the coordination centre"),
        ("Damascus", "the government, by metonymy"),
        ("Lebanon", "where al-Mayadeen is based"),
    ],
    "notes": ("Reuters video story on a Philippine site. The headline's 'Latakia and Idlib' sums up the rebel-area "
              "Syrians' claim (opposition; 'in Syria' is finer-named, so no country entry from the headline). The clip "
              "posted by those Syrians shows 'what is said to be Heesh': the video is attributed to them, so opposition, "
              "not 'other' (unattributed video); the voice's quote names no place. Ministry: 'in Syria' totals "
              "(country) and 'It said ... Air force planes struck ... in Homs province' (russia, chained). Judgement "
              "call: the foreign minister's 'the Russian airstrikes in Syria had been planned months ahead' is counted "
              "as a syria_gov strike_reported on Syria (he speaks of the strikes as carried out there).")
})

# ---------------------------------------------------------------- l04
SPECS.append({
    "article": "l04_isw_sep30_oct5.txt",
    "strike_places": [
        P("Syria", "country", SYRIA, ["Syria", "northwestern Syria"],
          ("reporter", "Institute for the Study of War", "strike_reported", "explicit", "Russian Airstrikes in Syria: September 30 - October 5, 2015"),
          ("reporter", "Institute for the Study of War", "rebels_hit", "explicit", "Key Takeaway: Russian airstrikes are still aimed mainly")),
        G("Latakia Governorate", ["northern Latakia Province"],
          ("reporter", "Institute for the Study of War", "rebels_hit", "explicit", "Key Takeaway: Russian airstrikes are still aimed mainly")),
        P("Palmyra", "city", (34.5560, 38.2690), ["Palmyra"],
          ("russia", "Russian Ministry of Defense", "is_hit", "explicit", "claimed airstrikes on ISIS-held positions northeast of Palmyra"),
          ("russia", "Russian Ministry of Defense", "denial", "explicit", "afterwards clarified that the airstrikes had not hit positions"),
          ("syria_gov", "Syrian state media", "strike_reported", "sentence", "afterwards clarified that the airstrikes had not hit positions")),
        G("Damascus Governorate", ["Damascus Province"],
          ("russia", "Russian Ministry of Defense", "is_hit", "explicit", "claimed its first airstrikes in Damascus Province on October 5")),
    ],
    "non_strike_places": [
        ("Hatay Province", "airspace incidents over Turkey, not strikes"),
        ("Turkey", "airspace violated; the border only locates the areas struck"),
    ],
    "notes": ("Think tank, the map post of 6 October (the map itself not reproduced). ISW's own 'aimed mainly at Syrian "
              "opposition groups across northwestern Syria, among them areas ... in northern Latakia Province' is "
              "reporter rebels_hit on Syria (a direction of Syria counts toward the country entry) and on Latakia "
              "Governorate; the title gives the country entry. 'northeast of Palmyra' is the only locator of the "
              "ministry's claim, so Palmyra is a strike place; the ministry's clarification is a denial for the city "
              "itself, and the state media that 'reported otherwise' are syria_gov with basis sentence (their claim's "
              "clause names no place). The ministry's Damascus claim counts although ISW does not assess it. Turkey "
              "and Hatay: airspace, not strikes.")
})

# ---------------------------------------------------------------- l05
SPECS.append({
    "article": "l05_worldbulletin_maasaran.txt",
    "strike_places": [
        P("Syria", "country", SYRIA, ["Syria"],
          ("opposition", "local civilian defense units", "civilians_killed", "explicit", "Russian airstrikes kill six civilians in Syria"),
          ("russia", "Sergey Shoigu, Russian Defense Minister", "is_hit", "explicit", "at 11 suspected Daesh targets in Syria")),
        G("Aleppo Governorate", ["Aleppo"],
          ("opposition", "local civilian defense units", "civilians_killed", "explicit", "in suspected Russian airstrikes in Syria's Aleppo and Idlib provinces")),
        G("Idlib Governorate", ["Idlib", "southern Idlib"],
          ("opposition", "local civilian defense units", "civilians_killed", "explicit", "in suspected Russian airstrikes in Syria's Aleppo and Idlib provinces"),
          ("opposition", "local civilian defense units", "strike_reported", "explicit", "cluster bombs on residential areas in Maasaran"),
          ("opposition", "local sources", "strike_reported", "explicit", "Local sources also claimed that Russian military planes attacked"),
          ("opposition", "Free Syrian Army", "rebels_hit", "explicit", "had struck its quarters in a rural area in Idlib"),
          ("opposition", "Abu Walid, Free Syrian Army commander", "rebels_hit", "explicit", "According to Free Syrian Army Commander Abu Walid")),
        P("Maasaran", "village", (35.6580, 36.7210), ["Maasaran"],
          ("opposition", "local civilian defense units", "strike_reported", "explicit", "cluster bombs on residential areas in Maasaran")),
        P("Bebile", "village", (35.6200, 36.6200), ["Bebile"],
          ("opposition", "local sources", "strike_reported", "explicit", "Local sources also claimed that Russian military planes attacked")),
        P("Temena", "village", (35.5958, 36.7567), ["Temena"],
          ("opposition", "local sources", "strike_reported", "explicit", "Local sources also claimed that Russian military planes attacked")),
        P("Maaret Hurma", "village", (35.6190, 36.6110), ["Maaret Hurma"],
          ("opposition", "local sources", "strike_reported", "explicit", "Local sources also claimed that Russian military planes attacked")),
        P("Khan Shaykhun", "town", (35.4417, 36.6472), ["Han Seyhun"],
          ("opposition", "local sources", "strike_reported", "explicit", "Local sources also claimed that Russian military planes attacked")),
        P("Serceh", "village", (35.6930, 36.5700), ["Serceh"],
          ("opposition", "local sources", "strike_reported", "explicit", "Local sources also claimed that Russian military planes attacked")),
        P("Meriyen", "village", (35.6600, 36.5500), ["Meriyen"],
          ("opposition", "local sources", "strike_reported", "explicit", "Local sources also claimed that Russian military planes attacked")),
        P("Maaret en-Numan", "city", (35.6433, 36.6717), ["Maaret en-Numan"],
          ("opposition", "Abu Walid, Free Syrian Army commander", "rebels_hit", "explicit", "According to Free Syrian Army Commander Abu Walid")),
    ],
    "non_strike_places": [
        ("Caspian Sea", "launch point of the missiles"),
    ],
    "notes": ("Turkish outlet (World Bulletin / Dunya Bulteni), Turkish spellings kept (Han Seyhun = Khan Shaykhun, "
              "Maaret en-Numan, Serceh, Meriyen, Bebile, Temena); village coordinates approximate, Bebile's a guess in "
              "southern Idlib. The headline, repeated as a title line, sums up the civil defence toll and names only "
              "Syria (opposition, country). 'The Russian jets were alleged to have dropped cluster bombs ... in "
              "Maasaran' continues the civil defence report (opposition; residential areas hit, no toll of its own: "
              "strike_reported). 'Idlib's X, Y ... districts' is a list under a containing governorate. The FSA's "
              "'quarters in a rural area in Idlib' and Abu Walid's quarter: rebels_hit. The standfirst names no place. "
              "Shoigu's 26 missiles 'at 11 suspected Daesh targets in Syria' is russia on the country; his 'No "
              "civilian objects were damaged' names no place and is not attached.")
})

# ---------------------------------------------------------------- l06
SPECS.append({
    "article": "l06_freenews_tass_tel_alam.txt",
    "strike_places": [
        P("Syria", "country", SYRIA, ["Syria"],
          ("russia", "Russian Defence Ministry", "strike_reported", "explicit", "Defense Ministry: Russian planes have stepped up"),
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "Over the past day the aircraft of the Russian aerospace forces"),
          ("russia", "Russian Defence Ministry", "is_hit", "explicit", "The Defence Ministry also said that in one day"),
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "has been considerably weakened by the work of Russian aircraft")),
        G("Hama Governorate", ["Hama province"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "a munitions depot in Hama province")),
        G("Aleppo Governorate", ["province of Aleppo"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "in the Syrian province of Aleppo"),
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "east of Tel-Alam, in the province of Aleppo")),
        P("Tel-Alam", "village", (36.1700, 37.5500), ["Tel-Alam"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "east of Tel-Alam, in the province of Aleppo")),
    ],
    "non_strike_places": [
        ("Hamim airbase", "base the sorties flew from"),
    ],
    "notes": ("Machine-rendered TASS-style ministry briefing on a news mirror; the 'Hamim' spelling kept. Syria: "
              "headline (sorties in Syria, strike_reported), the lead's '55 targets of the Islamic State' (the "
              "Konashenkov statement, by 'announced this'), the ministry's 29 field camps 'in Syria', and the closing "
              "'weakened' line (is_hit on IS in Syria). 'across the whole of the Syrian Arab Republic' is where "
              "targets were found by reconnaissance, not a strike. 'east of Tel-Alam' is the only locator of the "
              "fortified area, so Tel-Alam is a strike place; its coordinates are a guess east of Aleppo city (the "
              "page does not place it beyond the province). The last quote names no place.")
})

# ---------------------------------------------------------------- l07
SPECS.append({
    "article": "l07_mee_jabal_al_zawya_video.txt",
    "strike_places": [
        G("Idlib Governorate", ["Idlib countryside", "Idlib"],
          ("opposition", "residents", "civilians_killed", "explicit", "have been killed by Russian airstrikes in Idlib countryside, residents told MEE"),
          ("opposition", "residents", "civilians_killed", "explicit", "have been killed by Russian airstrikes in the Jabal al-Zawya area"),
          ("opposition", "Abdu al-Faisal, Ahrar al-Sham commander", "no_is_present", "explicit", "said the areas in Idlib targeted by the Russian strikes have no IS presence")),
        P("Jabal al-Zawya", "region", (35.7000, 36.5500), ["Jabal al-Zawya"],
          ("opposition", "residents", "civilians_killed", "explicit", "have been killed by Russian airstrikes in the Jabal al-Zawya area"),
          ("opposition", "witnesses in Idlib", "civilians_killed", "article", "But witnesses in Idlib told MEE"),
          ("opposition", "Syrian Civil Defense members", "civilians_killed", "article", "Members of the Syrian Civil Defense said residents had fled")),
        P("Syria", "country", SYRIA, ["Syria"],
          ("russia", "officials in Moscow", "is_hit", "explicit", "Officials in Moscow said the airstrikes had been aimed")),
    ],
    "non_strike_places": [
        ("Moscow", "where the officials speak"),
    ],
    "notes": ("Middle East Eye video page, undated (the first weeks of the campaign by its content). Residents' toll in "
              "'the Jabal al-Zawya area in Idlib countryside' (region and containing governorate, civilians_killed); "
              "the standfirst's 'Idlib countryside' is the governorate. 'witnesses in Idlib' is where the speakers are: "
              "their claim (markets and homes hit, women and children dead) names no place and is attached to Jabal "
              "al-Zawya with basis article, as is the civil defence's 'the Russian raids then hit those places too' "
              "(edges of towns, Roman caves: unnamed). The Ahrar al-Sham commander's 'areas in Idlib ... have no IS "
              "presence' is no_is_present on the governorate. Moscow's officials on 'terrorist positions in Syria': "
              "russia is_hit on the country. The headline names no place. 'the northern Syrian province' only "
              "describes Idlib.")
})

# ---------------------------------------------------------------- l08
SPECS.append({
    "article": "l08_sohr_latamnah_khan_sheikhoun.txt",
    "strike_places": [
        P("al-Latamnah", "town", (35.3208, 36.6228), ["al- Latamnah"],
          ("monitor", "Syrian Observatory for Human Rights", "rebels_hit", "explicit", "target the factions' posts in Khan Sheikhoun"),
          ("monitor", "Syrian Observatory for Human Rights", "rebels_hit", "explicit", "Russian warplanes carried out several airstrikes on the town of al- Latamnah")),
        G("Hama Governorate", ["Hama Province"],
          ("monitor", "Syrian Observatory for Human Rights", "rebels_hit", "explicit", "Russian warplanes carried out several airstrikes on the town of al- Latamnah")),
        P("Khan Sheikhoun", "town", (35.4417, 36.6472), ["Khan Sheikhoun"],
          ("monitor", "Syrian Observatory for Human Rights", "rebels_hit", "explicit", "target the factions' posts in Khan Sheikhoun"),
          ("monitor", "Syrian Observatory for Human Rights", "rebels_hit", "explicit", "They also struck the \"al- Hesbah\" post")),
        P("al-Rkaya", "village", (35.5200, 36.6900), ["al- Rkaya"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "Russian warplanes struck places in the village of al- Rkaya")),
        P("Ma'arrat al-Nu'man", "city", (35.6433, 36.6717), ["Ma'arrat al- Nu'man"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "Russian warplanes struck places in the village of al- Rkaya")),
        G("Idlib Governorate", ["Idlib Province", "southern countryside of Idlib", "south of Idlib"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "Russian warplanes struck places in the village of al- Rkaya"),
          ("monitor", "Syrian Observatory for Human Rights", "rebels_hit", "explicit", "They also struck the \"al- Hesbah\" post")),
    ],
    "non_strike_places": [
        ("al- Shakuziyya", "regime helicopters' barrel bombs"),
        ("Berri", "regime helicopters' barrel bombs"),
        ("Kafar Zita", "regime shelling"),
        ("Khnefis", "ground clashes"),
        ("al- Sa'an", "ground clashes"),
        ("Ariha", "regime warplanes"),
    ],
    "notes": ("Monitor bulletin (page undated; autumn 2015 by its item number and content), SOHR's spacing 'al- X' "
              "kept. Province headers contain the Russian-struck places (as realset5's bulletin call): Hama Province for "
              "al-Latamnah, Idlib Province (also 'southern countryside of Idlib', 'south of Idlib') for al-Rkaya, "
              "Ma'arrat al-Nu'man and Khan Sheikhoun. 'the outskirts of the city of Ma'arrat al- Nu'man' makes the city "
              "a strike place. Factions' posts, a rebel-held town and a Jabhat al-Nusra post are rebels_hit (the "
              "monitor's framing); al-Rkaya and the outskirts are strike_reported. al-Latamnah is also shelled by the "
              "regime (same entry, Russian claim only). Regime helicopters, regime shelling, regime warplanes "
              "(Ariha) and ground clashes are non-strike; 'in the north of Hama' and 'in the east of Hama' only "
              "describe regime-shelled or clash places, and Hama city is in neither list.")
})

# ---------------------------------------------------------------- l09
SPECS.append({
    "article": "l09_pressherald_ap_palmyra_qaryatain.txt",
    "strike_places": [
        P("Palmyra", "city", (34.5560, 38.2690), ["Palmyra"],
          ("opposition", "activists", "strike_reported", "explicit", "Suspected Russian warplanes bombed the outskirts of Islamic State-held Palmyra"),
          ("opposition", "Nasser al-Thaer, activist in Palmyra", "strike_reported", "sentence", "An activist in Palmyra who uses the name Nasser al-Thaer"),
          ("opposition", "Nasser al-Thaer, activist in Palmyra", "strike_reported", "article", "An earlier round of airstrikes on Sunday struck behind the castle"),
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "10 suspected Russian airstrikes hit the castle area in Palmyra")),
        P("Qaryatain", "town", (34.2292, 37.2403), ["Qaryatain"],
          ("opposition", "activists", "strike_reported", "explicit", "Activists also reported suspected Russian airstrikes on a nearby town, Qaryatain"),
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "The Observatory said at least 10 people were killed in the central town."),
          ("monitor", "Local Coordination Committees", "civilians_killed", "article", "The Local Coordination Committees, another monitoring group")),
    ],
    "non_strike_places": [
        ("Mahin", "seized by IS fighters (ground)"),
        ("Sadad", "attacked by IS fighters (ground)"),
        ("Damascus", "end of a highway"),
        ("Turkey", "where two activists were killed"),
    ],
    "notes": ("AP on a US regional paper (headline from the page's title). Palmyra: activists in the lead (outskirts), "
              "the activist's eight strikes 'around the Islamic-era castle' and Sunday's round 'behind the castle' "
              "(the castle is Palmyra's: the first sentence names Palmyra only as where he is, so basis sentence; the second names no place, so article), and the "
              "Observatory's 'castle area in Palmyra'. Qaryatain: activists, the Observatory's toll in 'the central "
              "town' (not said to be civilian: strike_reported) and the Local Coordination Committees, called 'another "
              "monitoring group' here (monitor), on 15 civilians at a bread centre (no place in the clause: article). "
              "'central Homs province' is only where IS expanded; Homs Governorate is in neither list. The closing "
              "line on rebel groups and areas without IS names no place.")
})

# ---------------------------------------------------------------- l10
SPECS.append({
    "article": "l10_inquirer_afp_deir_ezzor_36.txt",
    "strike_places": [
        G("Deir ez-Zor Governorate", ["Deir Ezzor"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "At least 36 people were killed on Friday in air strikes by Russian and Syrian jets"),
          ("monitor", "Rami Abdel Rahman, Syrian Observatory for Human Rights", "strike_reported", "explicit", "in more than 70 raids by Russian and Syrian planes on several districts in Deir Ezzor"),
          ("monitor", "Rami Abdel Rahman, Syrian Observatory for Human Rights", "strike_reported", "explicit", "He called the raids, which hit several large cities")),
        P("Syria", "country", SYRIA, ["eastern Syria", "Syria"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "At least 36 dead in bombing raids in eastern Syria"),
          ("russia", "Russian Defense Ministry (footage)", "strike_reported", "explicit", "drop bombs on a target in Syria"),
          ("reporter", "AFP (related headline)", "is_hit", "explicit", "READ: French, Russian raids in Syria kill 33 IS jihadists"),
          ("reporter", "AFP", "strike_reported", "explicit", "fired cruise missiles from warships in the Caspian Sea at targets across Syria")),
        G("Idlib Governorate", ["Idlib"],
          ("russia", "Russian defense minister", "is_hit", "explicit", "had fired cruise missiles at militant positions in Syria's Idlib and Aleppo provinces"),
          ("russia", "Sergei Shoigu, Russian defense minister", "strike_reported", "explicit", "Moscow fired 18 missiles from ships")),
        G("Aleppo Governorate", ["Aleppo"],
          ("russia", "Russian defense minister", "is_hit", "explicit", "had fired cruise missiles at militant positions in Syria's Idlib and Aleppo provinces"),
          ("russia", "Sergei Shoigu, Russian defense minister", "strike_reported", "explicit", "Moscow fired 18 missiles from ships")),
        G("Raqqa Governorate", ["Raqa"],
          ("russia", "Sergei Shoigu, Russian defense minister", "strike_reported", "explicit", "Moscow fired 18 missiles from ships")),
    ],
    "non_strike_places": [
        ("Caspian Sea", "launch point of the cruise missiles"),
    ],
    "notes": ("AFP on a Philippine paper, with an AP photo caption. The monitor's toll is a strike_reported (not said "
              "to be civilian) on Deir Ezzor province ('several districts in Deir Ezzor' and 'the province' are read as "
              "the governorate); the headline's 'in eastern Syria' counts toward the country entry (a direction of "
              "Syria). The raids are joint Russian and Syrian, so they count. The caption's footage 'on a target in "
              "Syria' and the minister's cruise missiles on 'militant positions' in Idlib and Aleppo provinces are "
              "russia; Shoigu's '18 missiles ... at seven targets in the Raqa, Idlib and Aleppo provinces' is a "
              "ministry list (strike_reported: targets not characterised). The related 'READ:' headline on French and "
              "Russian raids killing IS jihadists in Syria is kept as a reporter is_hit. The coalition's fuel-truck raid "
              "'in eastern Syria' is a strike by other forces (same words as the headline, so not listed as "
              "non-strike); the provincial capital and the military airport are only control statements.")
})

# ---------------------------------------------------------------- l11
LOC = "According to the sources, the attacks hit the villages of Kizildag"
SPECS.append({
    "article": "l11_trtworld_turkmen_kizildag.txt",
    "strike_places": [
        P("Syria", "country", SYRIA, ["Syria", "Syrian territory"],
          ("opposition", "local sources", "strike_reported", "explicit", "Russian, Syrian regime operations target Turkmens in Syria"),
          ("reporter", "TRT World", "strike_reported", "explicit", "The Russian Air Force has been carrying out air strikes on Syrian territory")),
        P("Bayirbucak", "region", (35.8500, 36.0800), ["Bayirbucak"],
          ("opposition", "local sources", "strike_reported", "explicit", "Russian and Syrian regime operations target the Bayirbucak Turkmen area"),
          ("opposition", "local sources", "strike_reported", "explicit", "launched simultaneous attacks on Sunday against the Bayirbucak Turkmen area")),
        G("Latakia Governorate", ["Latakia"],
          ("opposition", "local sources", "strike_reported", "explicit", "Russian and Syrian regime operations target the Bayirbucak Turkmen area"),
          ("opposition", "local sources", "strike_reported", "explicit", "launched simultaneous attacks on Sunday against the Bayirbucak Turkmen area")),
        P("Turkmen mountain", "region", (35.8000, 36.0500), ["Turkmen mountain area"],
          ("opposition", "local sources", "strike_reported", "explicit", LOC)),
        P("Kizildag", "village", (35.8600, 36.1200), ["Kizildag"],
          ("opposition", "local sources", "strike_reported", "explicit", LOC)),
        P("Firinlik", "village", (35.8700, 36.0800), ["Firinlik"],
          ("opposition", "local sources", "strike_reported", "explicit", LOC)),
        P("Kirkalti", "village", (35.8400, 36.1000), ["Kirkalti"],
          ("opposition", "local sources", "strike_reported", "explicit", LOC)),
        P("Avanli", "village", (35.8800, 36.0600), ["Avanli"],
          ("opposition", "local sources", "strike_reported", "explicit", LOC)),
        P("Derhanne", "village", (35.8300, 36.0700), ["Derhanne"],
          ("opposition", "local sources", "strike_reported", "explicit", LOC)),
    ],
    "non_strike_places": [
        ("Hatay province", "where the photo was taken"),
        ("Turkey", "refugee destination; where the photo was taken"),
        ("Yamadi", "displaced Turkmens' tents"),
    ],
    "notes": ("Turkish broadcaster with Anadolu (AA) copy; Turkish spellings kept. The headline sums up the local "
              "sources' claim and names only Syria (opposition, country); the standfirst and lead give Bayirbucak and "
              "'the rural (Syrian) town of Latakia', read as Latakia Governorate (containment). The joint Russian and "
              "regime attacks count because Russia is named among the attackers. The five villages 'in the Turkmen "
              "mountain area' are a list with a containing region (opposition, via 'According to the sources'). The "
              "caption's Turkmen attack on Kizildag and the hill's capture are ground fighting (Kizildag is a strike "
              "place through the list). 'on Syrian territory since Sept. 30' is the narrator's background (reporter, "
              "country). The next sentence's opposition and coalition reports that strikes hit opposition groups name "
              "no place and are not attached (a call: 'Syrian opposition groups' is not read as naming Syria).")
})

# ---------------------------------------------------------------- l12
SPECS.append({
    "article": "l12_sputnikbrasil_meshia_jabal_al_akrad.txt",
    "strike_places": [
        P("Syria", "country", SYRIA, ["Syria", "Syrian Arab Republic"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "Russian aviation in Syria flies 16 missions against 57 terrorist targets"),
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "Over the past 24 hours the aircraft of Russia's Aerospace Force in the Syrian Arab Republic")),
        P("Meshia", "village", (35.3000, 40.0500), ["Meshia"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "On the outskirts of the settlement of Meshia")),
        G("Deir ez-Zor Governorate", ["Deir ez-Zor province"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "On the outskirts of the settlement of Meshia")),
        P("Jabal al-Akrad", "region", (35.7500, 36.1000), ["Jabal al-Akrad mountains"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "In the area of the Jabal al-Akrad mountains")),
        G("Latakia Governorate", ["Latakia province"],
          ("russia", "Igor Konashenkov, Russian Defence Ministry", "is_hit", "explicit", "In the area of the Jabal al-Akrad mountains")),
    ],
    "non_strike_places": [],
    "notes": ("Sputnik Brasil (Portuguese), rendered in English; the headline was written from the URL slug and the "
              "lead (the stored text starts at the quote). Konashenkov's quotes are chained by 'he said' / "
              "'Konashenkov told journalists'. The aid drop to 'the city of Deir ez-Zor' is not a strike, but the name "
              "is that of a struck governorate, so it is not listed as non-strike (realset5's call 9). 'On the "
              "outskirts of the settlement of Meshia, in Deir ez-Zor province' and 'the Jabal al-Akrad mountains "
              "(Latakia province)': place plus containing governorate. Meshia's coordinates are a guess near Deir "
              "ez-Zor city. The closing background sentence (campaign start on 30 September) is history and adds no "
              "claim.")
})

# ---------------------------------------------------------------- l13
SPECS.append({
    "article": "l13_arabstoday_xinhua_bab_al_hawa.txt",
    "strike_places": [
        P("Syria", "country", SYRIA, ["Syria"],
          ("other", "al-Mayadeen TV", "strike_reported", "explicit", "Russia strikes Syria near Turkey borders, Syrian army advances")),
        P("Bab al-Hawa", "feature", (36.2300, 36.6700), ["Bab al-Hawa"],
          ("other", "al-Mayadeen TV", "rebels_hit", "explicit", "weapon depots near the Bab al-Hawa border-crossing"),
          ("other", "al-Mayadeen TV", "rebels_hit", "explicit", "The Russian strikes also hit a rebel battalion near Bab al-Hawa")),
        G("Deir ez-Zor Governorate", ["Deir al-Zour"],
          ("other", "al-Mayadeen TV", "is_hit", "explicit", "in several towns in the eastern countryside of Deir al-Zour")),
    ],
    "non_strike_places": [
        ("Turkey", "origin of the convoys (a route)"),
        ("Syrian-Turkish borders", "2015 strikes told as history"),
        ("Latakia", "ground advance (SANA)"),
        ("Salma", "ground recapture"),
        ("Rabia", "ground objective"),
        ("Kaloksi Mountain", "ground recapture"),
    ],
    "notes": ("Arab site carrying Xinhua copy (headline from the URL slug, whose end is cut). al-Mayadeen, a pan-Arab "
              "channel close to the Syrian government's allies, is 'other' (a partisan outlet of another actor), and "
              "'the TV said' / 'according to the report' carry its claims: weapon depots and a battalion 'near the "
              "Bab al-Hawa border-crossing' (only locator: Bab al-Hawa, a crossing, kind feature; rebels_hit) and IS "
              "positions in 'the eastern countryside of Deir al-Zour' (governorate, is_hit). The lead's shipment "
              "'entering Syria from Turkey' and the convoys 'crossing from Turkey into Syria' are a route; the headline "
              "'Russia strikes Syria near Turkey borders' sums up al-Mayadeen's report and names only Syria (other, "
              "country). The 2015 strikes along the border are history. SANA's Latakia items are ground fighting "
              "only (no syria_gov pair).")
})

# ---------------------------------------------------------------- l14
SPECS.append({
    "article": "l14_ynet_reuters_palmyra_sukhna.txt",
    "strike_places": [
        P("Palmyra", "city", (34.5560, 38.2690), ["Palmyra", "Tadmur"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "26 die as Russian jets back Syrian advance near Palmyra"),
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "At least 26 people were killed east of the Islamic State-held city of Palmyra"),
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "the casualties came in air strikes along the road between the historic city of Palmyra"),
          ("other", "al-Manar television (Hezbollah)", "strike_reported", "article", "It said the Syrian troops had \"heavy air cover from Russian jets\".")),
        P("al-Sukhna", "town", (34.8856, 38.8717), ["al-Sukhna"],
          ("monitor", "Syrian Observatory for Human Rights", "strike_reported", "explicit", "the casualties came in air strikes along the road between the historic city of Palmyra")),
    ],
    "non_strike_places": [
        ("Lebanon", "where Hezbollah is based"),
    ],
    "notes": ("Reuters on an Israeli site (ynet), 15 March 2016, the day after the withdrawal announcement; the Hebrew "
              "publication line rendered in English. 'east of ... Palmyra' with 'Russian air strikes ... near the "
              "town' and the headline's 'near Palmyra' make Palmyra the strike place (monitor; the toll is not said to "
              "be civilian). Judgement call: 'air strikes along the road between ... Palmyra ... and al-Sukhna' is the "
              "only locator of the strikes, so both ends are strike places (the road is not a place here); the air "
              "strikes there have no attacker of their own but belong to the Russian-backed attack of the lead. "
              "al-Manar's 'heavy air cover from Russian jets' is other; its sentence names no place ('It' is al-Manar) "
              "and the gains 'to the west of Palmyra' are in the sentence before, so basis article. 'withdrawal from "
              "Syria' is not a strike.")
})
