#!/usr/bin/env python3
"""Writes a synthetic activity log for benchmarks (bench/run.sh activities).

  python3 bench/gen_activity_log.py STAYS_CSV ROWS YEAR OUTPUT_CSV [SEED]

Each row names one person of a stay of STAYS_CSV (a ctreport-gen export) that
overlaps YEAR, on a day of that stay in YEAR, with a type of the default
activity_types (collective ones grouped into sessions by date, type and
time), a start time, a duration and a professional. Fake data, deterministic.
"""
import csv
import datetime as dt
import random
import sys

stays_path, rows, year, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 42)
first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)


def day(text):
    d, m, y = text.split("/")
    return dt.date(int(y), int(m), int(d))


spans = []
with open(stays_path, encoding="utf-8", newline="") as f:
    reader = csv.reader(f, delimiter=";")
    header = next(reader)
    pid, entry, exit_ = 0, header.index("Date d'entrée"), header.index("Date de sortie")
    for r in reader:
        a = day(r[entry])
        b = day(r[exit_]) if r[exit_] else last
        if a <= last and b >= first:
            lo, hi = max(a, first), min(b, last)
            spans.append((r[pid], lo.toordinal(), hi.toordinal()))

types = ["Entretien individuel", "Entretien médical", "Entretien psychologique", "Groupe de parole",
         "Réunion communautaire", "Atelier", "Sortie culturelle", "Entretien avec l'entourage"]
staff = ["Éducateur", "Infirmière", "Médecin", "Psychologue", "Encadrant technique", "Assistante sociale"]
times = ["09:00", "10:30", "14:00", "16:00"]
durations = ["45", "1h30", "1:00", "30", "2 h"]
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["Date", "Heure", "Type d'activité", "Résident", "Durée", "Intervenant"])
    for _ in range(rows):
        person, lo, hi = spans[rng.randrange(len(spans))]
        d = dt.date.fromordinal(rng.randint(lo, hi))
        w.writerow([d.strftime("%d/%m/%Y"), rng.choice(times), rng.choice(types), person, rng.choice(durations),
                    rng.choice(staff)])
print(f"{out}: {rows} rows, {len(spans)} stays of {year}")
