"""Reference readings of CDISC Dataset-JSON v1.1 files by Python's json module, for DatasetJsonTableSourceTest.

    cd src/test/resources/io/datasetjson && python3 make_datasetjson_reference.py

1. Writes our own files, the same data set in both forms: own.json (one object with columns and rows)
   and own.ndjson (the metadata object on line 1, then one array per row per line). The data cover
   every dataType trialstat maps (string, integer, float, double, decimal as a JSON string, date), nulls,
   a negative and a fractional number and a string with trailing blanks.
2. Prints, for those files and for ../../../../../../shared/adam/adsl.json (read in place, never copied),
   one line per variable in the format of ../xpt/haven_readings.tsv: file, variable, type (numeric for
   integer/float/double/decimal, else character), rows, missing count (null; or "" for character),
   sum of the numbers (repr) or number of distinct values (trailing blanks trimmed), first and last
   value (NA for null). Output: python_readings.tsv. A decimal string is stripped of blanks; "" and
   "NA" in a decimal column are missing (R's datasetjson writes NA so).
"""
import json

columns = [
    {"itemOID": "IT.OWN.USUBJID", "name": "USUBJID", "label": "Subject", "dataType": "string", "length": 8},
    {"itemOID": "IT.OWN.TRTP", "name": "TRTP", "label": "Planned treatment", "dataType": "string", "length": 8},
    {"itemOID": "IT.OWN.SITEID", "name": "SITEID", "label": "Site", "dataType": "string", "length": 3},
    {"itemOID": "IT.OWN.AVISITN", "name": "AVISITN", "label": "Visit number", "dataType": "integer"},
    {"itemOID": "IT.OWN.AVAL", "name": "AVAL", "label": "Value", "dataType": "double"},
    {"itemOID": "IT.OWN.DEC", "name": "DEC", "label": "A decimal", "dataType": "decimal"},
    {"itemOID": "IT.OWN.F", "name": "F", "label": "A float", "dataType": "float"},
    {"itemOID": "IT.OWN.ADT", "name": "ADT", "label": "Date", "dataType": "date", "targetDataType": "integer"},
]
rows = [
    ["S-001", "Placebo", "701", 0, 41, "12.50", 1.5, "2024-01-02"],
    ["S-002", "Drug  ", "703", 0, 38.5, "-0.125", None, "2024-01-03"],
    ["S-003", "Placebo", "701", 12, None, None, 2.25, None],
    ["S-004", "Drug", "703", 12, 22.25, "1e-3", -3.0, "2024-04-01"],
]
meta = {
    "datasetJSONCreationDateTime": "2026-12-01T10:00:00", "datasetJSONVersion": "1.1.0",
    "fileOID": "trialstat.test.own", "originator": "trialstat tests", "itemGroupOID": "IG.OWN",
    "records": len(rows), "name": "OWN", "label": "trialstat's own test data set", "columns": columns,
}
with open("own.json", "w", encoding="utf-8") as f:
    json.dump(dict(meta, rows=rows), f, indent=1)
    f.write("\n")
with open("own.ndjson", "w", encoding="utf-8") as f:
    f.write(json.dumps(meta) + "\n")
    for r in rows:
        f.write(json.dumps(r) + "\n")

NUMERIC = {"integer", "float", "double", "decimal"}
out = ["file\tvariable\ttype\trows\tmissing\tsum_or_distinct\tfirst\tlast"]


def number(v):
    # A decimal is a JSON string; R's datasetjson (which wrote the pilot's adsl.json) pads it with blanks
    # and writes a missing decimal as "NA": both are read as trialstat documents it.
    if v is None or (isinstance(v, str) and v.strip() in ("", "NA")):
        return None
    return float(v)


def readings(key, data):
    for k, c in enumerate(data["columns"]):
        values = [r[k] for r in data["rows"]]
        if c["dataType"] in NUMERIC:
            xs = [number(v) for v in values]
            total = 0.0
            for x in xs:
                total += 0.0 if x is None else x
            fmt = lambda x: "NA" if x is None else repr(x)
            out.append("\t".join([key, c["name"], "numeric", str(len(xs)), str(sum(x is None for x in xs)),
                                  repr(total), fmt(xs[0]), fmt(xs[-1])]))
        else:
            ts = ["" if v is None else str(v).rstrip() for v in values]
            out.append("\t".join([key, c["name"], "character", str(len(ts)), str(sum(t == "" for t in ts)),
                                  str(len(set(ts))), ts[0], ts[-1]]))


with open("own.json", encoding="utf-8") as f:
    readings("own_json", json.load(f))
with open("own.ndjson", encoding="utf-8") as f:
    lines = f.read().splitlines()
    nd = json.loads(lines[0])
    nd["rows"] = [json.loads(line) for line in lines[1:]]
    readings("own_ndjson", nd)
with open("../../../../../../shared/adam/adsl.json", encoding="utf-8") as f:
    readings("adsl", json.load(f))
with open("python_readings.tsv", "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print("\n".join(out))
