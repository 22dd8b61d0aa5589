#!/usr/bin/env python3
"""Writes the example follow-up file examples/suivi-2022-2024.csv.

The calls of a reintegration service to the people who left the
establishment of examples/sejours-2022-2024.csv (their identifiers,
"N° dossier"): about 3, 6 and 12 months after each exit, the calls dated in
2022–2024. Deterministic (fixed seed): running it again writes the same file.

  python3 scripts/gen_followup.py [STAYS_CSV] [OUTPUT_CSV]

The file (UTF-8, ';'), one row per call:
  - a first call 10 days before to 20 days after the exit + 3, 6 or 12
    months; when it fails, often a second one 5 to 15 days later;
  - nobody is called after a death, nor while back in a stay; about one
    exit in twenty is never called (no telephone number left);
  - about one person in six is never reached (number changed, no answer);
    the others are reached less often as time goes by (about 80 %, 70 % and
    55 % of the calls);
  - when reached, their housing, activity, consumption and care, in the
    words a caller types (« locataire », « CDD », « abstinent »,
    « suivi CSAPA »…), the words ctreport's default categories know.
"""
import calendar
import csv
import datetime as dt
import random
import sys

STAYS = sys.argv[1] if len(sys.argv) > 1 else "examples/sejours-2022-2024.csv"
OUT = sys.argv[2] if len(sys.argv) > 2 else "examples/suivi-2022-2024.csv"
FIRST, LAST = dt.date(2022, 1, 1), dt.date(2024, 12, 31)
HORIZONS = (3, 6, 12)
REACHED = {3: 0.8, 6: 0.7, 12: 0.55}

HOUSING = [("logement autonome", 30), ("locataire", 15), ("hébergé par la famille", 15), ("pension de famille", 10),
           ("CHRS", 10), ("sans logement", 8), ("post-cure", 5), ("hôtel social", 5), ("incarcéré", 2)]
ACTIVITY = [("CDI", 12), ("CDD", 12), ("intérim", 8), ("chantier d'insertion", 8), ("formation", 10),
            ("demandeur d'emploi", 25), ("RSA", 15), ("AAH", 10)]
CONSUMPTION = {3: [("abstinent", 55), ("consommation maîtrisée", 25), ("reprise", 20)],
               6: [("abstinent", 45), ("consommation maîtrisée", 27), ("reprise", 28)],
               12: [("abstinent", 38), ("consommation maîtrisée", 27), ("rechute", 35)]}
CARE = [("suivi CSAPA", 40), ("médecin traitant", 20), ("CMP", 10), ("aucun suivi", 30)]


def parse(text):
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def add_months(d, months):
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def read_stays(path):
    with open(path, encoding="cp1252", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[0]
    entry, exit_, reason = header.index("Date d'entrée"), header.index("Date de sortie"), header.index("Motif de sortie")
    stays = []
    for r in rows[1:]:
        if len(r) <= reason or not r[0].strip():
            continue
        start = parse(r[entry])
        if start is not None:
            stays.append((r[0].strip(), start, parse(r[exit_]), r[reason].strip().lower()))
    return stays


def pick(rng, choices):
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


def main():
    rng = random.Random(20241231)
    stays = read_stays(STAYS)
    in_stay = {}
    for p, start, end, _ in stays:
        in_stay.setdefault(p, []).append((start, end))

    def back_in_stay(p, d):
        return any(s <= d and (e is None or d <= e) for s, e in in_stay[p])

    rows = []
    lost = set()
    for p, _, end, reason in sorted(stays, key=lambda s: (s[0], s[1])):
        if end is None or "décès" in reason or "deces" in reason:
            continue
        if rng.random() < 0.05:
            continue  # no telephone number left: never called
        if rng.random() < 0.16:
            lost.add((p, end))
        situation = None
        for h in HORIZONS:
            day = add_months(end, h) + dt.timedelta(days=rng.randint(-10, 20))
            for attempt in range(2):
                if day > LAST or back_in_stay(p, day):
                    break
                reached = (p, end) not in lost and rng.random() < REACHED[h]
                if day >= FIRST:
                    if reached:
                        if situation is None or rng.random() < 0.35:  # a situation changes now and then
                            situation = [pick(rng, HOUSING), pick(rng, ACTIVITY), None, pick(rng, CARE)]
                        situation[2] = pick(rng, CONSUMPTION[h]) if situation[2] is None or rng.random() < 0.4 else situation[2]
                        rows.append((day, p, "oui", *situation))
                    else:
                        rows.append((day, p, rng.choice(["non", "non", "injoignable", "messagerie"]), "", "", "", ""))
                if reached or rng.random() < 0.4:
                    break
                day += dt.timedelta(days=rng.randint(5, 15))

    rows.sort(key=lambda r: (r[0], r[1]))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["N° dossier", "Date de l'appel", "Joint", "Logement", "Activité", "Consommation", "Soins en cours"])
        for day, p, reached, housing, activity, consumption, care in rows:
            w.writerow([p, day.strftime("%d/%m/%Y"), reached, housing, activity, consumption, care])
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
