#!/usr/bin/env python3
"""Normalises the shared research facts into licit's typed knowledge files.

The facts files (licences.tsv, models.tsv, alternatives.tsv) are prose-heavy
spreadsheets. licit's knowledge base wants one closed vocabulary per column so
that the loader can check every cell (lib/Knowledge/README.md documents it).
This script does that translation once, deterministically; its output is
committed and reviewed like code. Re-run it when the facts change:

  utils/import_facts.py ../shared/facts lib/Knowledge

utils/facts/models.tsv holds rows the project researched itself (Ollama
library names, API families, known weights files), in the shared facts'
format with an extra "aliases" column; utils/facts/licences.tsv adds the
software licences dependencies use that the Hub's list lacks (PSF-2.0,
MIT-CMU, SSPL-1.0, ...). Every row cites its source.

Rules: a '?' anywhere in a facts cell marks the value unverified ('yes?');
a cell that cannot be classified becomes '?' (unknown) with the original text
kept as detail. Nothing is guessed.
"""
import csv
import re
import sys
from pathlib import Path

WORD = re.compile(r"^(yes|no|partial|weak)\b\s*(\?)?\s*(.*)$", re.S)

# Licences whose derivatives clause is a share-alike/copyleft licence in the
# FOSS sense (as opposed to ML licences whose use restrictions flow down).
SHARE_ALIKE = {"cc-by-sa-3.0", "cc-by-sa-4.0", "cc-by-nc-sa-2.0",
               "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0", "gfdl",
               "cdla-sharing-1.0", "odbl", "ofl-1.1", "sspl-1.0"}

# Cells the generic rules cannot read; each is a judgement on the facts text.
CAP_OVERRIDES = {
    ("modified-mit", "mau_cap"):
        "no: 100M MAU or US$20M monthly revenue triggers an attribution duty, "
        "not a cap",
    ("modified-mit", "revenue_cap"):
        "no: US$20M monthly revenue triggers an attribution duty, not a cap",
    ("stabilityai-ai-community", "revenue_cap"):
        "1000000: US$1,000,000 annual revenue (entity incl. affiliates); above "
        "it an Enterprise licence is needed; commercial users must register",
    ("jamba-open-model-license", "revenue_cap"):
        "50000000?: US$50M annual revenue (unverified)",
    ("tii-falcon-llm", "revenue_cap"):
        "yes?: royalty 10% on attributable revenue above US$1M/yr",
    ("tencent-hunyuan-community", "mau_cap"):
        "100M: 100M for HunyuanVideo/Hunyuan-Large; 1M for Hunyuan3D 2.x",
}


def clean(text):
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text.replace("\t", " ")


def cell(value, verified, detail=""):
    out = value + ("" if verified else "?")
    detail = clean(detail)
    return f"{out}: {detail}" if detail else out


def generic(text):
    """yes/no/partial/weak with optional '?' and a parenthesised detail."""
    text = text.strip()
    if text in ("", "?"):
        return "?"
    m = WORD.match(text)
    if not m:
        return cell("?", True, text) if text != "?" else "?"
    word, _, rest = m.groups()
    if word == "weak":
        word = "partial"
    return cell(word, "?" not in text, rest)


def free_text(text, none_words=("no", "none")):
    """Columns holding prose: 'none' means no, anything else means yes."""
    text = text.strip()
    if text in ("", "?"):
        return "?"
    if text == "n/a":
        return "no: not applicable"
    m = WORD.match(text)
    if m and m.group(1) in none_words:
        return cell("no", "?" not in text, m.group(3))
    if text.split(" ")[0] in none_words:
        return cell("no", "?" not in text, text[len(text.split(" ")[0]):])
    if m and m.group(1) == "yes":
        return cell("yes", "?" not in text, m.group(3))
    return cell("yes", "?" not in text, text)


def amount(text):
    m = re.match(r"^(\d+(?:\.\d+)?)([KMB])\b\s*(.*)$", text.strip())
    if not m:
        return None
    num, suffix, rest = m.groups()
    return num + suffix, rest


def cap(row, column, uncertain_row):
    key = (row["id"], column)
    if key in CAP_OVERRIDES:
        return CAP_OVERRIDES[key]
    text = row[column].strip()
    if text == "":
        # An empty cap cell means "no cap" in the facts, except on rows whose
        # commercial terms are themselves unverified.
        return "?" if uncertain_row else "no"
    if text.startswith("?"):
        return cell("?", True, text[1:])
    got = amount(text)
    if not got:
        raise SystemExit(f"unreadable cap {key}: {text!r}")
    value, rest = got
    return cell(value, "?" not in text, rest)


def copyleft(row):
    text = row["derivatives_same_licence"].strip()
    if text in ("", "?", "n/a"):
        return "?" if text != "n/a" else "no: not applicable"
    unverified = "?" in text
    foss = row["osi_approved"].startswith("yes") or row["id"] in SHARE_ALIKE
    if text.startswith("no"):
        return cell("no", not unverified)
    if text.startswith("weak"):
        return cell("weak", not unverified, text[4:])
    if not foss:
        # ML licences whose use restrictions flow down are not copyleft in the
        # source-sharing sense; derivatives-same-licence records that duty.
        return cell("no", not unverified,
                    "use restrictions flow down; see derivatives-same-licence")
    if text.startswith("partial"):
        return cell("weak", not unverified, WORD.match(text).group(3))
    if "network" in text:
        return cell("network", not unverified, WORD.match(text).group(3))
    return cell("strong", not unverified, WORD.match(text).group(3))


LICENCE_COLUMNS = [
    "id", "spdx", "name", "osi", "non-commercial", "research-only", "mau-cap",
    "revenue-cap", "eu-excluded", "acceptable-use", "no-training-other-models",
    "attribution", "naming", "derivatives-same-licence", "copyleft", "notes",
    "source"]


def import_licences(src):
    out = []
    for row in csv.DictReader(open(src, newline=""), delimiter="\t"):
        uncertain = "?" in row["commercial_use"]
        eu = row["eu_excluded"].strip()
        out.append({
            "id": row["id"], "spdx": row["spdx"], "name": row["name"],
            "osi": generic(row["osi_approved"]),
            "non-commercial": generic(row["non_commercial"]),
            "research-only": generic(row["research_only"]),
            "mau-cap": cap(row, "mau_cap", uncertain),
            "revenue-cap": cap(row, "revenue_cap", uncertain),
            "eu-excluded": generic(eu) if eu != "provider-specific"
            else "?: provider-specific",
            "acceptable-use": generic(row["field_of_use_restrictions"]),
            "no-training-other-models":
                generic(row["no_training_other_models"]),
            "attribution": free_text(row["attribution_required"]),
            "naming": free_text(row["naming_requirement"]),
            "derivatives-same-licence":
                generic(row["derivatives_same_licence"])
                if row["derivatives_same_licence"].strip() != "n/a"
                else "no: not applicable",
            "copyleft": copyleft(row),
            "notes": clean(row["notes"]), "source": row["source"].strip(),
        })
    return out


LEVELS = {"1": "open-source", "2": "open-methodology", "3": "open-weights",
          "4": "restricted-weights", "5": "closed"}

MODEL_COLUMNS = [
    "id", "kind", "family", "licence", "effective-licences", "base-model",
    "params", "weights", "code", "data", "methodology", "openness", "gated",
    "eu-excluded", "notes", "source", "aliases"]


def model_eu_excluded(ident, effective):
    """Where a licence excludes the EU for some of its models only, say
    which side of the line this model is on. The Llama 3.2 licence scopes
    its exclusion to the multimodal (Vision) models (licences.tsv)."""
    if "llama3.2" not in effective:
        return ""
    if "vision" in ident.lower():
        return "yes: a multimodal Llama 3.2 model, which the EU exclusion covers"
    return ("no: a text-only Llama 3.2 model; the licence's EU exclusion "
            "covers its multimodal models")

def licence_cell(text, licences):
    """'mit (?)', 'falcon-2-11b-license ?', 'a+b (?)' -> typed cells."""
    text = text.strip()
    unverified = "?" in text
    if text.startswith("?") or " or " in text:
        return cell("?", True, text.lstrip("? ").strip())
    # Licence ids may themselves contain '+' ("openrail++"), so match known
    # ids greedily, longest first, instead of splitting on '+'.
    known = sorted(licences, key=len, reverse=True)
    parts, rest = [], text
    while True:
        ident = next((k for k in known if rest.startswith(k)), None)
        if ident is None:
            raise SystemExit(f"unknown licence in {text!r}")
        parts.append(ident)
        rest = rest[len(ident):]
        if not rest.startswith("+"):
            break
        rest = rest[1:]
    rest = re.sub(r"^\s*\(\?\)", "", rest).strip(" ?")
    mark = "?" if unverified else ""
    return cell("+".join(p + mark for p in parts[:-1]) +
                ("+" if len(parts) > 1 else "") + parts[-1], not unverified,
                rest)


def base_cell(text):
    text = text.strip()
    if not text:
        return ""
    m = re.match(r"^((?:adapter:|merge:|quantized:|finetune:)?[\w.-]+/[\w.-]+)"
                 r"\s*(.*)$", text)
    if not m:
        return cell("?", True, text)
    ident, rest = m.groups()
    unverified = "(?)" in rest or rest.startswith("?")
    rest = re.sub(r"\(\?\)", "", rest).strip()
    return cell(ident, not unverified, rest)


def component(text):
    text = text.strip()
    m = re.match(r"^(yes|no|partial|paper|none|full)\b\s*(.*)$", text)
    if not m:
        raise SystemExit(f"unreadable openness component {text!r}")
    word, rest = m.groups()
    return cell(word, "?" not in rest, rest.replace("?", "").strip())


def import_models(src, licences):
    out = []
    for row in csv.DictReader(open(src, newline=""), delimiter="\t"):
        ident = row["repo_id"].strip()
        notes = clean(row["notes"])
        m = re.match(r"^(\S+)\s+\((.*)\)$", ident)
        if m:
            ident, extra = m.groups()
            notes = (extra + ("; " + notes if notes else "")).strip()
        if ident.startswith("ollama:"):
            kind, ident = "ollama", ident[len("ollama:"):]
        elif ident.startswith("weights:"):
            kind, ident = "weights", ident[len("weights:"):]
        elif "/" not in ident and row["licence"] == "proprietary-api":
            kind = "api"
        else:
            kind = "hub"
        gated = row["gated"].strip()
        if gated.startswith("n/a"):
            gated = "no: API"
        elif gated.startswith("no (Ollama"):
            gated = "no"
        else:
            gated = generic(gated.replace("(?)", "?"))
        out.append({
            "id": ident, "kind": kind, "family": row["family"],
            "licence": licence_cell(row["licence"], licences),
            "effective-licences":
                licence_cell(row["effective_licences"], licences),
            # An Ollama tag is a quantized (GGUF) build of its upstream.
            "base-model": base_cell(
                ("quantized:" if kind == "ollama" and row["base_model"].strip()
                 and ":" not in row["base_model"].split("/")[0] else "") +
                row["base_model"]),
            "params": row["params"].strip(),
            "weights": component(row["weights_open"]),
            "code": component(row["training_code_open"]),
            "data": component(row["training_data_open"]),
            "methodology": component(row["methodology"]),
            "openness": LEVELS[row["openness_level"].strip()],
            "gated": gated,
            "eu-excluded": model_eu_excluded(ident, row["effective_licences"]),
            "notes": notes, "source": row["source"].strip(),
            "aliases": ",".join(aliases(row, notes)),
        })
    return out


def aliases(row, notes):
    """Other ids of the same model: the project's own column, and the
    legacy canonical ids the facts record as "Old alias: gpt2."."""
    out = [a.strip() for a in row.get("aliases", "").split(",") if a.strip()]
    out += re.findall(r"Old alias: ([\w.-]+?)\.?(?:\s|$)", notes)
    # An organisation renamed: the model answers to both names.
    org, _, name = row["repo_id"].strip().partition("/")
    for old, new in re.findall(r"Org renamed ([\w.-]+) -> ([\w.-]+)", notes):
        if name and org in (old, new):
            out.append((new if org == old else old) + "/" + name.split()[0])
    # A re-upload answers to the repository it replaces.
    out += [a.rstrip(".") for a in
            re.findall(r"withdrawn ([\w.-]+/[\w.-]+)", notes)]
    # SentenceTransformer("all-MiniLM-L6-v2") loads the model of that name
    # under sentence-transformers/ (api-patterns.md, sentence-transformers).
    org, _, name = row["repo_id"].strip().partition("/")
    if org == "sentence-transformers" and name:
        out.append(name.split()[0])
    return out


ALTERNATIVE_COLUMNS = ["from", "to", "to-licence", "reason"]


def import_alternatives(src):
    out = []
    for row in csv.DictReader(open(src, newline=""), delimiter="\t"):
        if row["to_repo_id"].startswith("("):
            continue  # "(none verified)": no alternative is better than a guess
        m = re.search(r"licence .+? -> (\S+)( \(\?\))?$",
                      row["reason"])
        if not m:
            raise SystemExit(f"no target licence in {row['reason']!r}")
        out.append({"from": row["from_repo_id"], "to": row["to_repo_id"],
                    "to-licence": m.group(1) + ("?" if m.group(2) else ""),
                    "reason": row["reason"].strip()})
    return out


HEADER = ("# Generated by utils/import_facts.py from the project's research "
          "facts; reviewed like code.\n# Cell grammar: lib/Knowledge/README.md."
          "\n")


def write(path, columns, rows):
    with open(path, "w", newline="") as f:
        f.write(HEADER)
        f.write("\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(row[c] for c in columns) + "\n")


def main():
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    # The project's own research, in the same format, after the shared facts.
    own_dir = Path(__file__).resolve().parent / "facts"
    licences = (import_licences(src / "licences.tsv") +
                import_licences(own_dir / "licences.tsv"))
    ids = {r["id"] for r in licences}
    write(dst / "licences.tsv", LICENCE_COLUMNS, licences)
    own = own_dir / "models.tsv"
    write(dst / "models.tsv", MODEL_COLUMNS,
          import_models(src / "models.tsv", ids) + import_models(own, ids))
    write(dst / "alternatives.tsv", ALTERNATIVE_COLUMNS,
          import_alternatives(src / "alternatives.tsv"))


if __name__ == "__main__":
    main()
