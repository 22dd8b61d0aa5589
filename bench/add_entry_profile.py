#!/usr/bin/env python3
"""Adds the profile-at-entry columns to a synthetic stay export of bench/gen_export.

The columns (Produit principal, Traitement de substitution, Mesure judiciaire,
Logement à l'entrée, Ressources à l'entrée, Situation professionnelle à
l'entrée, Situation familiale) are appended to every record, the existing
columns and values left byte for byte as they are. Values are drawn from the
seed and each row's own cells (deterministic), in proportions plausible for a
French therapeutic community: mostly alcohol and opioids, many on methadone or
buprenorphine, a share under court-ordered care, many without housing at entry
and on RSA or AAH. Every value is one of the default config's listed values, so
that the export gains no data warning.

    python3 bench/add_entry_profile.py --seed 2024 examples/sejours-2022-2024.csv
"""
import argparse
import csv
import io
import random

HEADERS = ["Produit principal", "Traitement de substitution", "Mesure judiciaire", "Logement à l'entrée",
           "Ressources à l'entrée", "Situation professionnelle à l'entrée", "Situation familiale"]

# (category, weight, spellings): the spellings as typed in resident files.
SUBSTANCE = [("alcohol", 44, ["Alcool", "alcool", "ALCOOL", "Alcool"]),
             ("opioids", 21, ["Héroïne", "héroïne", "Opiacés", "opiacés"]),
             ("opioid_medicines", 6, ["Subutex détourné", "Skenan", "Méthadone détournée"]),
             ("cocaine", 12, ["Cocaïne", "cocaïne", "Crack"]),
             ("cannabis", 9, ["Cannabis", "cannabis"]),
             ("amphetamines", 2, ["Amphétamines", "MDMA"]),
             ("psychotropic_medicines", 3, ["Benzodiazépines", "BZD"]),
             ("hallucinogens", 1, ["Kétamine"]),
             ("other_substances", 1, ["GHB"]),
             ("behavioural", 1, ["Jeux d'argent"])]
SUBSTITUTION = {"none": ["Aucun", "aucun", "non", "Aucun"], "methadone": ["Méthadone", "méthadone", "Méthadone sirop"],
                "buprenorphine": ["BHD", "Subutex", "Buprénorphine", "Suboxone"], "other_treatment": ["Skenan", "Sulfate de morphine"]}
COURT = [("none", 70, ["Aucune", "aucune", "non", "Aucune mesure"]),
         ("care_obligation", 21, ["Obligation de soins", "obligation de soins", "OS"]),
         ("therapeutic_injunction", 3, ["Injonction thérapeutique"]),
         ("care_injunction", 2, ["Injonction de soins"]),
         ("other_measure", 4, ["Placement extérieur", "Aménagement de peine"])]
HOUSING = {"own_housing": ["Logement autonome", "locataire", "appartement"],
           "supported_housing": ["Résidence sociale", "pension de famille"],
           "shelter": ["CHRS", "foyer", "hôtel social"],
           "family": ["Hébergé par la famille", "famille", "chez des amis", "tiers"],
           "care": ["Hôpital", "post-cure", "sevrage", "hospitalisation"],
           "prison": ["Détention", "maison d'arrêt"],
           "none": ["SDF", "rue", "115", "squat", "sans domicile"]}
# Housing at entry by the category of housing at exit (own, supported, shelter, family, care, prison, none, unknown).
HOUSING_WEIGHTS = {"own": [30, 8, 10, 22, 20, 2, 8], "supported": [8, 15, 20, 17, 25, 5, 10],
                   "shelter": [5, 5, 30, 15, 25, 6, 14], "family": [10, 4, 10, 40, 22, 4, 10],
                   "care": [8, 4, 10, 15, 45, 6, 12], "prison": [2, 0, 8, 10, 20, 50, 10],
                   "none": [3, 2, 12, 15, 23, 10, 35], "": [12, 6, 14, 20, 26, 7, 15]}
EXIT_HOUSING = [("own", ["logement autonome", "locataire", "appartement", "bail", "domicile", "studio"]),
                ("supported", ["résidence sociale", "pension de famille", "logement accompagné", "maison relais", "appartement thérapeutique"]),
                ("shelter", ["chrs", "foyer", "hébergement", "hôtel"]),
                ("family", ["famille", "tiers", "amis", "parents", "proche"]),
                ("care", ["hôpital", "post-cure", "postcure", "structure de soins", "ssr", "clinique", "ct", "communauté"]),
                ("prison", ["détention", "prison", "incarcération"]),
                ("none", ["sans", "rue", "sdf", "squat", "115", "urgence", "errance"])]
ACTIVITY = {"employment": ["CDI", "intérim", "Emploi", "CDD"], "training": ["Formation", "formation"],
            "job_seeking": ["Demandeur d'emploi", "Pôle emploi", "Recherche d'emploi"],
            "benefits": ["Sans emploi", "sans emploi", "RSA", "AAH", "invalidité"]}
INCOME = {"employment": [("earnings", 80, ["Salaire", "salaire", "Revenus d'activité"]), ("unemployment_benefit", 10, ["ARE"]),
                         ("rsa", 10, ["RSA"])],
          "training": [("other_benefits", 50, ["Rémunération de formation"]), ("rsa", 40, ["RSA"]), ("third_party", 10, ["Famille"])],
          "job_seeking": [("unemployment_benefit", 35, ["ARE", "Chômage", "allocation chômage"]), ("rsa", 45, ["RSA", "rsa"]),
                          ("no_income", 15, ["Aucune ressource", "sans ressources"]), ("third_party", 5, ["Famille"])],
          "benefits": [("rsa", 42, ["RSA", "rsa", "Revenu de solidarité active"]), ("aah", 30, ["AAH", "Allocation adulte handicapé"]),
                       ("pension", 10, ["Pension d'invalidité", "retraite"]), ("other_benefits", 5, ["IJ", "Indemnités journalières"]),
                       ("no_income", 13, ["Aucune ressource", "sans ressources", "Sans revenu"])]}
FAMILY_MEN = [(62, ["Seul", "seul", "Célibataire", "Vit seul"]), (8, ["En couple", "marié", "Concubinage"]),
              (3, ["Seul avec enfants", "Parent isolé"]), (4, ["En couple avec enfants"]),
              (16, ["Enfants chez l'autre parent", "Enfants vivant ailleurs"]), (7, ["Enfants placés", "Enfant placé"])]
FAMILY_WOMEN = [(45, ["Seule", "seule", "Célibataire", "Vit seule"]), (8, ["En couple", "mariée", "Concubinage"]),
                (14, ["Seule avec enfants", "Famille monoparentale"]), (4, ["En couple avec enfants"]),
                (12, ["Enfants chez l'autre parent", "Enfants chez le père"]), (17, ["Enfants placés", "Placement ASE"])]


def pick(rng, weighted):
    total = sum(w for w, *_ in weighted)
    r = rng.uniform(0, total)
    for item in weighted:
        r -= item[0]
        if r <= 0:
            return item
    return weighted[-1]


def exit_housing_category(value):
    v = value.strip().lower()
    if not v:
        return ""
    for category, words in EXIT_HOUSING:
        if any(w in v for w in words):
            return category
    return ""


def profile(rng, person_rng, cells, columns):
    """The seven values of one stay; person_rng draws what a person keeps across stays."""
    woman = cells[columns["Sexe"]].strip().lower().startswith("f")
    missing = lambda p: rng.random() < p
    substance = pick(person_rng, [(w, c, s) for c, w, s in SUBSTANCE])
    substance_value = "" if missing(0.03) else rng.choice(substance[2])
    opioid = substance[1] in ("opioids", "opioid_medicines")
    treatment_weights = ([(10, "none"), (50, "methadone"), (35, "buprenorphine"), (5, "other_treatment")] if opioid else
                         [(75, "none"), (15, "methadone"), (10, "buprenorphine")] if substance[1] == "cocaine" else
                         [(95, "none"), (3, "buprenorphine"), (2, "methadone")])
    treatment = pick(rng, treatment_weights)[1]
    substitution = "" if missing(0.04) else rng.choice(SUBSTITUTION[treatment])
    referral = cells[columns["Orientation"]].strip().lower()
    court_weights = [(w * (3 if c != "none" and referral in ("spip", "justice", "tribunal", "jap") else 1), c, s) for c, w, s in COURT]
    court = "" if missing(0.05) else rng.choice(pick(rng, court_weights)[2])
    at_exit = exit_housing_category(cells[columns["Logement à la sortie"]])
    housing_category = pick(rng, [(w, k) for w, k in zip(HOUSING_WEIGHTS[at_exit], HOUSING)])[1]
    housing = "" if missing(0.04) else rng.choice(HOUSING[housing_category])
    activity_category = pick(rng, [(7, "employment"), (2, "training"), (30, "job_seeking"), (61, "benefits")])[1]
    activity = "" if missing(0.05) else rng.choice(ACTIVITY[activity_category])
    income = "" if missing(0.04) else rng.choice(pick(rng, [(w, c, s) for c, w, s in INCOME[activity_category]])[2])
    family = "" if missing(0.06) else rng.choice(pick(person_rng, FAMILY_WOMEN if woman else FAMILY_MEN)[1])
    return [substance_value, substitution, court, housing, income, activity, family]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--encoding", default=None, help="the file's encoding (default: UTF-8 when it decodes, else cp1252)")
    parser.add_argument("file")
    args = parser.parse_args()
    raw = open(args.file, "rb").read()
    encoding = args.encoding
    if encoding is None:
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    text = raw.decode(encoding)
    records = text.split("\r\n")
    trailing = records[-1] == ""
    if trailing:
        records.pop()
    header = next(csv.reader(io.StringIO(records[0]), delimiter=";"))
    if HEADERS[0] in header:
        raise SystemExit(f"{args.file}: the profile columns are already there")
    columns = {h: i for i, h in enumerate(header)}
    out = [records[0] + ";" + ";".join(HEADERS)]
    for n, record in enumerate(records[1:], start=2):
        cells = next(csv.reader(io.StringIO(record), delimiter=";"))
        rng = random.Random(f"{args.seed}:{n}")
        person_rng = random.Random(f"{args.seed}:{cells[0]}")
        out.append(record + ";" + ";".join(profile(rng, person_rng, cells, columns)))
    open(args.file, "wb").write(("\r\n".join(out) + ("\r\n" if trailing else "")).encode(encoding))


if __name__ == "__main__":
    main()
