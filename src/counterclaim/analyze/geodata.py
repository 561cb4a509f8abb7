"""Hand-written place data the PyPI gazetteers lack: short country names, regions news
names, seas and ranges, region demonyms, newspaper state abbreviations.

Coordinates here are rough middles (to a degree or so): good for "within 161 km" of a
region's conventional point, not for maps.
"""

from __future__ import annotations

COMPASS = ("North ", "South ", "East ", "West ", "Central ", "Northern ", "Southern ",
           "Eastern ", "Western ", "Upper ", "Lower ")
# Regions news names that no data package lists; coordinates are rough middles.
MACRO_REGIONS = {
    "Middle East": (29.0, 41.0), "Near East": (33.0, 38.0), "Persian Gulf": (27.0, 51.0),
    "Gulf": (27.0, 51.0), "Balkans": (43.0, 21.0), "Caucasus": (42.0, 45.0),
    "Scandinavia": (62.0, 14.0), "Caribbean": (15.0, -73.0), "Latin America": (-10.0, -60.0),
    "Central America": (13.0, -86.0), "Southeast Asia": (5.0, 110.0),
    "South Asia": (23.0, 80.0), "Central Asia": (43.0, 66.0), "East Asia": (35.0, 115.0),
    "West Africa": (12.0, -2.0), "East Africa": (0.0, 36.0), "North Africa": (27.0, 12.0),
    "Southern Africa": (-23.0, 25.0), "Central Africa": (2.0, 20.0), "Horn of Africa": (8.0, 45.0),
    "Sahel": (15.0, 5.0), "Sub-Saharan Africa": (0.0, 20.0), "Western Europe": (48.0, 5.0),
    "Eastern Europe": (50.0, 30.0), "Scotland": (56.5, -4.0), "England": (52.5, -1.5),
    "Wales": (52.3, -3.7), "Northern Ireland": (54.6, -6.7), "Siberia": (60.0, 100.0),
    "Kurdistan": (36.5, 44.0), "Kashmir": (34.0, 76.0), "Gaza Strip": (31.42, 34.38),
    "Gaza": (31.42, 34.38), "West Bank": (32.0, 35.25), "Tibet": (31.0, 88.0),
    "European Union": (48.69, 9.14), "EU": (48.69, 9.14), "Arab world": (25.0, 35.0),
}
# "Eastern District" and "Western District" do not make a place called "District"
GENERIC_STEMS = {"district", "province", "region", "division", "islands", "island", "county",
                 "area", "zone", "department", "state", "territory", "cape", "coast"}
REGION_DEMONYMS = {
    "European": "Europe", "African": "Africa", "Asian": "Asia", "Kurdish": "Kurdistan",
    "Kurd": "Kurdistan", "Arab": "Arab world", "Latin American": "Latin America",
    "Central American": "Central America", "South American": "South America",
    "North American": "North America", "Middle Eastern": "Middle East",
    "Caribbean": "Caribbean", "Scottish": "Scotland", "Scot": "Scotland", "English": "England",
    "Welsh": "Wales", "Tibetan": "Tibet", "Kashmiri": "Kashmir", "Siberian": "Siberia",
    "Balkan": "Balkans", "Scandinavian": "Scandinavia", "Palestinian": "PS", "Saudi": "SA",
}
SEAS = {
    "Atlantic": (10.0, -25.0), "Atlantic Ocean": (10.0, -25.0), "Pacific": (0.0, -160.0),
    "Pacific Ocean": (0.0, -160.0), "Indian Ocean": (-10.0, 80.0), "Arctic": (80.0, 0.0),
    "Arctic Ocean": (80.0, 0.0), "Mediterranean": (35.0, 18.0),
    "Mediterranean Sea": (35.0, 18.0), "Red Sea": (20.0, 38.5), "Black Sea": (43.0, 35.0),
    "Caspian Sea": (42.0, 50.5), "South China Sea": (12.0, 113.0), "Baltic Sea": (58.0, 20.0),
    "North Sea": (56.0, 3.0), "Gulf of Mexico": (25.0, -90.0), "Sahara": (23.0, 13.0),
    "Himalayas": (28.0, 84.0), "Alps": (46.5, 10.0), "Andes": (-20.0, -67.0),
    "Amazon": (-3.5, -62.0), "Nile": (16.0, 32.5), "Mississippi River": (35.0, -90.0),
}

# Short English names the data packages lack; news writes these more than the official ones.
EXTRA_COUNTRY_NAMES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Democratic Republic of the Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CN": ["Mainland China", "People's Republic of China", "PRC"],
    "KR": ["South Korea", "Korea"],  # "Korea" alone, as in "the Korea Baseball Organization"
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "PS": ["Palestine", "Palestinian Territories"],
}

# Newspaper (AP) state abbreviations, only trusted right after "Town," as in "Alexandria, La."
US_STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "ky": "Kentucky",
    "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts", "mich": "Michigan",
    "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri", "mont": "Montana",
    "neb": "Nebraska", "nev": "Nevada", "nh": "New Hampshire", "nj": "New Jersey",
    "nm": "New Mexico", "ny": "New York", "nc": "North Carolina", "nd": "North Dakota",
    "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island",
    "sc": "South Carolina", "sd": "South Dakota", "tenn": "Tennessee", "tex": "Texas",
    "vt": "Vermont", "va": "Virginia", "wash": "Washington", "wis": "Wisconsin",
    "wva": "West Virginia", "wyo": "Wyoming", "dc": "Washington D.C.",
}
# dotted city abbreviations that would otherwise read as a state's ("L.A." is not "La.")
CITY_ABBREVIATIONS = {"L.A.": "Los Angeles", "N.Y.C.": "New York City"}
