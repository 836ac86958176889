"""Writes samples/adam/adeff.json, CDISC Dataset-JSON v1.1, from adeff.csv (made by make_adeff.R).

    cd samples/adam && python3 make_adeff_json.py

The columns keep the order, names and labels of adeff.xpt; TRTPN and AVISITN are integers, AVAL, BASE
and CHG doubles, every other column a string; an empty CSV cell is null.
"""
import csv
import json

LABELS = {
    "STUDYID": "Study Identifier", "USUBJID": "Unique Subject Identifier", "SITEID": "Study Site Identifier",
    "DSSTRAT": "Stratification Factor", "TRTP": "Planned Treatment", "TRTPN": "Planned Treatment (N)",
    "ITTFL": "Intent-To-Treat Population Flag", "EFFFL": "Efficacy Population Flag",
    "PARAMCD": "Parameter Code", "PARAM": "Parameter", "AVISIT": "Analysis Visit",
    "AVISITN": "Analysis Visit (N)", "ABLFL": "Baseline Record Flag", "DTYPE": "Derivation Type",
    "AVAL": "Analysis Value", "BASE": "Baseline Value", "CHG": "Change from Baseline",
}
TYPES = {"TRTPN": "integer", "AVISITN": "integer", "AVAL": "double", "BASE": "double", "CHG": "double"}

with open("adeff.csv", newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    header = next(reader)
    records = list(reader)


def cell(name, text):
    if text == "":
        return None
    kind = TYPES.get(name, "string")
    return int(text) if kind == "integer" else float(text) if kind == "double" else text


columns = []
for name in header:
    c = {"itemOID": "IT.ADEFF." + name, "name": name, "label": LABELS[name], "dataType": TYPES.get(name, "string")}
    if name in ("USUBJID", "PARAMCD", "AVISITN"):
        c["keySequence"] = ("USUBJID", "PARAMCD", "AVISITN").index(name) + 1
    columns.append(c)
rows = [[cell(n, t) for n, t in zip(header, r)] for r in records]
data = {
    "datasetJSONCreationDateTime": "2026-12-01T00:00:00", "datasetJSONVersion": "1.1.0",
    "fileOID": "trialstat.samples.adeff", "originator": "trialstat samples/adam/make_adeff_json.py",
    "studyOID": "TS-ADEFF", "metaDataVersionOID": "MDV.TS-ADEFF", "itemGroupOID": "IG.ADEFF",
    "records": len(rows), "name": "ADEFF", "label": "Efficacy Analysis Dataset", "columns": columns,
}
with open("adeff.json", "w", encoding="utf-8") as f:
    f.write(json.dumps({**data, "rows": []})[:-len('"rows": []}')])  # metadata first, then the rows
    f.write('"rows": [\n')
    f.write(",\n".join(json.dumps(r) for r in rows))
    f.write("\n]}\n")
print(len(rows), "records")
