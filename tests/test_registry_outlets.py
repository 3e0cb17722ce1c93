"""The registry knows the speakers that reporting on the 2015-2017 air campaigns in Syria cites: bodies,
media and people of every side, in the spellings real outlets use, and nothing that is only a place or
a common word."""

from __future__ import annotations

import pytest

from geo.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.mark.parametrize(
    "phrase, side",
    [
        # Russia: the reconciliation centre at Hmeimim, the General Staff's briefers, state media
        ("the Centre for Reconciliation of the Warring Parties", "russia"),
        ("the Hmeimim reconciliation center", "russia"),
        ("the Main Operations Directorate of the General Staff", "russia"),
        ("Colonel General Sergei Rudskoi", "russia"),
        ("Rear Admiral Alexander Karpov", "russia"),
        ("Major General Oleg Zhuravlev", "russia"),
        ("Colonel General Viktor Bondarev, commander of the Aerospace Forces", "russia"),
        ("the Aerospace Forces", "russia"),
        ("Vasily Nebenzia", "russia"),
        ("Deputy Foreign Minister Sergei Ryabkov", "russia"),
        ("senator Franz Klintsevich", "russia"),
        ("Rossiyskaya Gazeta", "russia"),
        ("REN TV", "russia"),
        ("Ruptly", "russia"),
        ("the Russian Air Force", "russia"),
        ("Russia's Air Force", "russia"),
        ("the General Staff", "russia"),
        # Syrian government: the army command, ministries, state media, officials after "al-"
        ("the General Command of the Army and the Armed Forces", "syria_gov"),
        ("the Army General Command", "syria_gov"),
        ("the army's general command", "syria_gov"),
        ("Chief of the General Staff of the Army and Armed Forces, Gen. Ali Abdullah Ayoub", "syria_gov"),
        ("the Syrian General Staff", "syria_gov"),
        ("Defence Minister Fahd Jassem al-Freij", "syria_gov"),
        ("Brigadier General Ali Mayhoub", "syria_gov"),
        ("the Syrian Foreign Ministry", "syria_gov"),
        ("the Syrian Defence Ministry", "syria_gov"),
        ("Syria Times", "syria_gov"),
        ("Tishreen newspaper", "syria_gov"),
        ("Sham FM", "syria_gov"),
        ("Addounia TV", "syria_gov"),
        ("Homs governor Talal al-Barazi", "syria_gov"),
        ("the SAA", "syria_gov"),
        ("the Syrian Air Force", "syria_gov"),
        ("the Tiger Forces", "syria_gov"),
        ("the National Defence Forces", "syria_gov"),
        ("the Republican Guard", "syria_gov"),
        ("Deputy Foreign Minister Faisal Miqdad", "syria_gov"),
        ("President Bashar al-Assad", "syria_gov"),
        ("Foreign Minister Walid al-Muallem", "syria_gov"),
        ("Information Minister Omran al-Zoubi", "syria_gov"),
        # Iran
        ("the Mehr News Agency", "iran"),
        ("Al-Alam TV", "iran"),
        ("Al Alam", "iran"),
        ("IRIB", "iran"),
        ("MNA", "iran"),
        ("ISNA", "iran"),
        ("Foreign Ministry spokesman Bahram Ghasemi", "iran"),
        ("Ali Shamkhani", "iran"),
        ("Qassem Suleimani", "iran"),
        # United States and the coalition it leads
        ("the Combined Joint Task Force", "us"),
        ("CJTF-OIR", "us"),
        ("Operation Inherent Resolve spokesman Col. Steve Warren", "us"),
        ("Colonel Warren", "us"),
        ("Peter Cook", "us"),
        ("Defense Secretary James Mattis", "us"),
        ("Nikki Haley", "us"),
        ("Col. Ryan Dillon", "us"),
        ("Gen. Joseph Votel", "us"),
        ("Lt. Gen. Stephen Townsend", "us"),
        ("Susan Rice", "us"),
        ("Elizabeth Trudeau", "us"),
        ("DoD", "us"),
        ("a senior administration official", "us"),
        # opposition: outlets founded by activists, bodies, armed groups, rescuers, local councils
        ("Enab Baladi", "opposition"),
        ("Enab Baladi news", "opposition"),
        ("Zaman al-Wasl", "opposition"),
        ("El-Dorar al-Shamia", "opposition"),
        ("Step News Agency", "opposition"),
        ("Qasioun News Agency", "opposition"),
        ("Baladi News", "opposition"),
        ("Halab Today TV", "opposition"),
        ("Orient TV", "opposition"),
        ("Watan FM", "opposition"),
        ("@SMARTNewsAgency", "opposition"),
        # a wire's unnamed NGO counting a strike's dead is the monitor; so is the coordinators' team
        ("a non-governmental organisation", "monitor"),
        # "the NGO" is whichever body the story named last (test_registry_sides)
        ("an NGO", "monitor"),
        ("The Syria Response Coordinators Team", "monitor"),
        # the agency by its short name, where a correspondent is its own (not "smart bombs")
        ('The correspondent of "Smart', "opposition"),
        ("The Smart correspondent", "opposition"),
        ("SMART's reporter", "opposition"),
        ("LCCSY", "opposition"),
        ("the Syrian Interim Government", "opposition"),
        ("the Syrian Revolution General Commission", "opposition"),
        ("the High Negotiation Committee", "opposition"),
        ("the HNC", "opposition"),
        ("the Etilaf", "opposition"),
        ("a Local Coordination Committee", "opposition"),
        ("the local council of Saraqeb", "opposition"),
        ("Idlib Provincial Council", "opposition"),
        ("the rescue service operating in rebel-held areas", "opposition"),
        ("local civilian defense units", "opposition"),
        ("paramedics", "opposition"),
        ("first responders", "opposition"),
        ("Raed al-Saleh", "opposition"),
        ("Ismail Alabdullah", "opposition"),
        ("Riyad Hijab", "opposition"),
        ("Salem al-Muslet", "opposition"),
        ("Yahya al-Aridi", "opposition"),
        ("Osama Abu Zeid", "opposition"),
        ("Labib al-Nahhas", "opposition"),
        ("the Southern Front", "opposition"),
        ("Faylaq al-Sham", "opposition"),
        ("the Sham Legion", "opposition"),
        ("Harakat Nour al-Din al-Zinki", "opposition"),
        ("Jaysh al-Nasr", "opposition"),
        ("Jaish al-Izza", "opposition"),
        ("Free Idlib Army", "opposition"),
        ("Division 13", "opposition"),
        ("the Levant Front", "opposition"),
        ("Failaq al-Rahman", "opposition"),
        # monitors and rights groups that document strikes
        ("the Violations Documentation Centre", "monitor"),
        ("VDC", "monitor"),
        ("HRW", "monitor"),
        # medical charities are third parties, as the gold sets read MSF and SAMS
        ("SAMS", "other"),
        ("UOSSM", "other"),
        ("the Union of Medical Care and Relief Organizations", "other"),
        ("Doctors Without Borders", "other"),
        ("Médecins Sans Frontières", "other"),
        ("the Conflict Intelligence Team", "monitor"),
        ("RBSS", "monitor"),
        ("the Syrian Human Rights Committee", "monitor"),
        ("Ole Solvang", "monitor"),
        ("Dr Ahmad Tarakji", "monitor"),
        ("Kenneth Roth", "monitor"),
        # other: UN agencies, the Red Cross and Crescent, Turkish officials, Kurdish, Hezbollah and IS media
        ("OCHA", "other"),
        ("UNICEF", "other"),
        ("the World Health Organization", "other"),
        ("the International Committee of the Red Cross", "other"),
        ("the Syrian Arab Red Crescent", "other"),
        ("Stephen O'Brien", "other"),
        ("Jens Laerke", "other"),
        ("Antonio Guterres", "other"),
        ("Redur Xelil", "other"),
        ("Salih Muslim", "other"),
        ("Ibrahim Kalin", "other"),
        ("Mevlut Cavusoglu", "other"),
        ("Al-Manar television", "other"),
        ("Al-Mayadeen", "other"),
        ("Amaq", "other"),
        ("a YPG spokesman", "other"),
        ("the US-backed Syrian Democratic Forces", "other"),
        ("the PYD", "other"),
        ("Kurdish officials", "other"),
        ("Hawar News Agency", "other"),
        ("the Royal Air Force", "other"),
        ("the RAF", "other"),
        ("the Jordanian Air Force", "other"),
        ("Prime Minister Haider al-Abadi", "other"),
        ("Adel al-Jubeir", "other"),
        ("the OPCW", "other"),
        # an outlet's correspondent narrates for the outlet
        ("an Anadolu Agency correspondent", "reporter"),
        ("an AFP correspondent", "reporter"),
        ("Al Jazeera's Zeina Khodr, reporting from Gaziantep", "reporter"),
        # a person who lives or works where the opposition holds speaks as a local source
        ("an archaeologist in the rebel-held province of Idlib", "opposition"),
        # a state's envoy at the UN speaks for the state, not for the UN
        ("Russia's Permanent Representative to the United Nations Vitaly Churkin", "russia"),
        ("the Russian ambassador to the United Nations", "russia"),
        ("the US ambassador to the UN, Samantha Power", "us"),
        ("US envoy to the UN Samantha Power", "us"),
        ("Syria's Permanent Representative to the United Nations, Ambassador Bashar al-Jaafari", "syria_gov"),
        ("the Syrian ambassador to the UN", "syria_gov"),
        ("the Independent Doctors' Association in Syria, which runs the hospital", "monitor"),
        # near misses: what a pattern's guard keeps for another side
        ("the US Army Command", "us"),  # not the Syrian army's command
        ("the Syrian opposition delegation", "opposition"),  # not the government's
        ("Britain's ambassador to the UN, Matthew Rycroft", "other"),
        ("anti-Assad rebels", "opposition"),  # "al-" only, not any hyphen, before a surname
        ("Kurdish administration officials", "other"),  # not the US administration's
        # a wire that relays others is no actor: the phrase is the local sources'
        ("local sources speaking to Anadolu Agency", "opposition"),
        # a force's air force named by its capital is that force's, not the bare US "Air Force"
        ("Moscow's air force", "russia"),
        # a town's own news network or coordination committee is a local opposition outlet
        ("The Talbiseh News Network", "opposition"),
        ("the Rastan Coordination Committee", "opposition"),
        ("a group monitoring the war", "monitor"),
        ("a group that monitors Syria's civil war", "monitor"),
        # rebels' spotters that watch the sky are no monitor
        ("the Jabal al-Zawiya military observatory", "opposition"),
        ("confirmations from the military observatories in the area", "opposition"),
        ("the Syrian Observatory for Human Rights", "monitor"),
        # sources where the strikes fell are local sources (ANNOTATION.md)
        ("sources on the ground", "opposition"),
        ("field sources", "opposition"),
    ],
)
def test_cited_speakers_map_to_sides(registry: Registry, phrase: str, side: str) -> None:
    found = registry.side_of(phrase)
    assert found is not None and found[0] == side, (phrase, found)


@pytest.mark.parametrize(
    "phrase",
    [
        # places and common words that share a word with an actor's name (the pattern they stay clear of)
        "the town of Warren",  # Col. Warren
        "Mount Qasioun",  # Qasioun News
        "the Tishreen Dam",  # Tishreen newspaper
        "the southern front line",  # the Southern Front
        "the Mehran district",  # Mehr News
        "Step by step",  # Step News
        "the sham trial",  # Sham FM, the Sham Legion
        "a council estate",  # local councils
        "Haley's comet",  # Nikki Haley
        "Justin Trudeau",  # Elizabeth Trudeau
        "the staff of the museum",  # the General Staff
        "a general store",  # the General Command
        "the Fox News Network",  # a town's news network
        "smart bombs",  # SMART, the news agency
    ],
)
def test_places_and_common_words_are_no_actor(registry: Registry, phrase: str) -> None:
    assert registry.side_of(phrase) is None


def test_hyphenated_surname_is_a_person_and_a_village_is_not(registry: Registry) -> None:
    assert registry.is_person("al-Assad")
    assert not registry.is_person("Ein el Asad")
