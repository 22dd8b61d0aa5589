#!/usr/bin/env python3
"""pandas peer of ctreport for bench/run.sh: the core figures of one calendar year,
computed as a data analyst would with pandas (vectorised), printed as JSON.

Usage: python3 bench/peers/pandas_figures.py FILE YEAR
FILE is an export with the headers written by ctreport-gen: CSV (`;`-separated,
UTF-8, or Windows-1252 as a fallback), or XLSX (read with pandas.read_excel).
Needs Debian's python3-pandas (and python3-openpyxl for XLSX).

Figures (rules of docs/figures.md):
  people_present    distinct persons with a stay overlapping the year
  bed_days          nights rule: entry day counted, exit day not, clipped to the year,
                    open stays counted up to 31 December included
  sex               of the people present (their latest overlapping stay)
  age_brackets      whole years at the entry of the latest overlapping stay
  stays_exited, stay_length_brackets
                    stays exited in the year, by calendar months, upper-inclusive
  referral          of the people present (latest overlapping stay), raw values lowercased
  housing_at_exit   of the stays exited in the year, raw values lowercased
"""

import json
import sys

import numpy as np
import pandas as pd

COLUMNS = {
    "N° dossier": "person_id",
    "Sexe": "sex",
    "Date de naissance": "birth_date",
    "Date d'entrée": "entry",
    "Date de sortie": "exit",
    "Orientation": "referral",
    "Logement à la sortie": "housing",
}
SEX = {"f": "F", "femme": "F", "h": "M", "m": "M", "homme": "M", "x": "X", "autre": "X"}
MISSING = "(missing)"


def read_stays(path):
    if path.lower().endswith(".xlsx"):
        # pandas.read_excel (openpyxl): dates are real Excel dates, other cells text or numbers.
        df = pd.read_excel(path, sheet_name=0, usecols=list(COLUMNS), dtype=object, engine="openpyxl")
        df = df.rename(columns=COLUMNS)
        for col in ("person_id", "sex", "referral", "housing"):
            df[col] = df[col].map(lambda v: v if pd.isna(v) else str(v))
        for col in ("birth_date", "entry", "exit"):
            df[col] = pd.to_datetime(df[col], errors="coerce")
    else:
        for encoding in ("utf-8", "cp1252"):
            try:
                df = pd.read_csv(path, sep=";", encoding=encoding, usecols=list(COLUMNS),
                                 dtype=str, keep_default_na=False, na_values=[""])
                break
            except UnicodeDecodeError:
                continue
        df = df.rename(columns=COLUMNS)
        for col in ("birth_date", "entry", "exit"):
            df[col] = pd.to_datetime(df[col], format="%d/%m/%Y", errors="coerce")
    # Without an identifier, each stay is its own person.
    df["person_id"] = df["person_id"].fillna("row-" + df.index.to_series().astype(str))
    return df


def counts(series):
    return {str(k): int(v) for k, v in series.value_counts(dropna=False).sort_index().items()}


def normalised(series):
    return series.str.strip().str.lower().fillna(MISSING)


def figures(df, year):
    start = pd.Timestamp(year, 1, 1)
    end = pd.Timestamp(year, 12, 31)
    after = end + pd.Timedelta(days=1)

    overlapping = df[(df["entry"] <= end) & (df["exit"].isna() | (df["exit"] >= start))]
    nights = (overlapping["exit"].fillna(after).clip(upper=after)
              - overlapping["entry"].clip(lower=start)).dt.days.clip(lower=0)

    latest = overlapping.sort_values("entry", kind="stable").drop_duplicates("person_id", keep="last")

    sex = latest["sex"].str.strip().str.lower().map(SEX)
    sex = sex.where(latest["sex"].isna() | sex.notna(), "other").fillna("unknown")

    entry, birth = latest["entry"], latest["birth_date"]
    age = (entry.dt.year - birth.dt.year
           - ((entry.dt.month * 100 + entry.dt.day) < (birth.dt.month * 100 + birth.dt.day)).astype(int))
    age_bracket = pd.cut(age, bins=[-np.inf, 29, 39, 49, np.inf],
                         labels=["0-29", "30-39", "40-49", "50+"]).astype(object).fillna("unknown")

    exited = df[(df["exit"] >= start) & (df["exit"] <= end)]
    e_in, e_out = exited["entry"], exited["exit"]
    # DateOffset(months=k) clamps to the end of the month, like the spec.
    length = np.select(
        [e_out <= e_in + pd.DateOffset(months=k) for k in (1, 3, 6, 12, 24)],
        ["0-1m", "1-3m", "3-6m", "6-12m", "12-24m"], default="24m+")

    return {
        "tool": "pandas",
        "year": year,
        "people_present": int(overlapping["person_id"].nunique()),
        "bed_days": int(nights.sum()),
        "sex": counts(sex),
        "age_brackets": counts(age_bracket),
        "stays_exited": int(len(exited)),
        "stay_length_brackets": counts(pd.Series(length, dtype=object)),
        "referral": counts(normalised(latest["referral"])),
        "housing_at_exit": counts(normalised(exited["housing"])),
    }


def main(argv):
    if len(argv) != 3 or not argv[2].isdigit():
        print("usage: pandas_figures.py FILE YEAR", file=sys.stderr)
        return 2
    result = figures(read_stays(argv[1]), int(argv[2]))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
