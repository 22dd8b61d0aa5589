#!/usr/bin/env python3
"""Writes the example activity log examples/activites-2022-2024.csv.

A realistic week of a communauté thérapeutique over 2022–2024, for the people
present each day according to examples/sejours-2022-2024.csv (their
identifiers, "N° dossier"). Deterministic (fixed seed): running it again
writes the same file.

  python3 scripts/gen_activities.py [STAYS_CSV] [OUTPUT_CSV]

The log (UTF-8, ';'), one row per session or act:
  - réunion communautaire every weekday at 9:00 (45 min, an educator), one
    row per session with its number of participants;
  - groupe de parole every Tuesday at 14:00 (1h30, the psychologist), one
    row per participant (rows grouped into one session by date, type, time);
  - ateliers on Monday, Wednesday and Friday at 14:00 (2 h, the technical
    supervisor), one row per session with the participants' identifiers in
    one cell, separated by ", ";
  - an individual interview with the referent educator every two weeks from
    the third day of each stay (45 min), a monthly medical appointment
    (30 min, the doctor or the nurse) and a monthly psychological interview
    (1 h), one row each, on weekdays;
  - a cultural outing most months (a Saturday, 4 h), a three-day stay outside
    each June (one row a day), partner visits (a number of participants),
    occasional meetings with a resident's family.
"""
import csv
import datetime as dt
import random
import sys

STAYS = sys.argv[1] if len(sys.argv) > 1 else "examples/sejours-2022-2024.csv"
OUT = sys.argv[2] if len(sys.argv) > 2 else "examples/activites-2022-2024.csv"
FIRST, LAST = dt.date(2022, 1, 1), dt.date(2024, 12, 31)


def parse(text):
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def read_stays(path):
    with open(path, encoding="cp1252", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[0]
    pid, entry, exit_ = 0, header.index("Date d'entrée"), header.index("Date de sortie")
    stays = []
    for r in rows[1:]:
        if len(r) <= exit_ or not r[pid].strip():
            continue
        start = parse(r[entry])
        if start is None:
            continue
        stays.append((r[pid].strip(), start, parse(r[exit_])))
    return stays


def present(stays, day):
    return sorted({p for p, a, b in stays if a <= day and (b is None or day < b)})


def weekday_on_or_after(day):
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def main():
    rng = random.Random(2024)
    stays = read_stays(STAYS)
    rows = []  # (date, time, type, residents, participants, duration, staff)

    def add(day, time, kind, residents="", participants="", duration="", staff=""):
        if FIRST <= day <= LAST:
            rows.append((day, time, kind, residents, str(participants), duration, staff))

    day = FIRST
    while day <= LAST:
        here = present(stays, day)
        wd = day.weekday()
        if here and wd < 5:
            attending = [p for p in here if rng.random() < 0.92]
            add(day, "09:00", "Réunion communautaire", participants=len(attending), duration="45",
                staff="Éducateur spécialisé")
        if here and wd == 1:
            for p in here:
                if rng.random() < 0.8:
                    add(day, "14:00", "Groupe de parole", residents=p, duration="1h30", staff="Psychologue")
        if here and wd in (0, 2, 4):
            workshop = rng.choice(["Atelier cuisine", "Atelier bois", "Atelier jardin", "Atelier sport"])
            chosen = [p for p in here if rng.random() < 0.55]
            if chosen:
                add(day, "14:00", workshop, residents=", ".join(chosen), duration="2 h", staff="Encadrant technique")
        if here and wd == 5 and day.day <= 7 and day.month not in (8,):
            chosen = [p for p in here if rng.random() < 0.5]
            if chosen:
                add(day, "13:30", "Sortie culturelle", residents="; ".join(chosen), duration="4h", staff="Éducatrice spécialisée")
        if day.month == 6 and day.day in (14, 15, 16) and here:
            chosen = here[: max(1, len(here) // 2)]
            add(day, "08:00", "Séjour extérieur", residents=", ".join(chosen), duration="8h", staff="Éducateur spécialisé")
        if here and wd == 3 and day.day in (8, 9, 10, 11, 12, 13, 14) and day.month in (2, 5, 10):
            add(day, "10:30", "Visite de partenaires", participants=len(here) - 2, duration="1:30",
                staff="Assistante sociale")
        day += dt.timedelta(days=1)

    # The individual appointments of each stay, on weekdays.
    for p, start, end in stays:
        last = min(end - dt.timedelta(days=1) if end else LAST, LAST)

        def every(offset, step, kind, duration, staff, time):
            d = start + dt.timedelta(days=offset)
            while d <= last:
                on = weekday_on_or_after(d)
                if on <= last:
                    add(on, time, kind, residents=p, duration=duration, staff=staff)
                d += dt.timedelta(days=step)

        every(3, 14, "Entretien individuel", "45", "Éducateur référent", "10:00")
        every(7, 30, "Entretien médical", "30", rng.choice(["Médecin", "Infirmière"]), "11:00")
        every(10, 30, "Entretien psychologique", "1h", "Psychologue", "15:30")
        every(45, 120, "Entretien avec l'entourage", "1h15", "Éducateur référent", "17:00")

    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["Date", "Heure", "Type d'activité", "Résidents", "Nombre de participants", "Durée", "Intervenant"])
        for d, time, kind, residents, participants, duration, staff in rows:
            w.writerow([d.strftime("%d/%m/%Y"), time, kind, residents, participants, duration, staff])
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
