#!/usr/bin/python3
"""A second opinion on a PDF's form, for the PDF import tests: qpdf's view (`qpdf --json`), not poppler's.

    /usr/bin/python3 tests/tools/pdf-fields.py FILE.pdf...

Prints one JSON object a file, one a line:
  file, qpdf_rc (0 fine, 3 warnings, 2 errors), damaged (qpdf could not read it), encrypted, pages,
  nfields (each field once, however many widgets it has), types ({kind: count}; kinds: text, text-multiline,
  text-comb, password, file, checkbox, radio, pushbutton, combo, list, signature), hidden (fields whose widget is
  hidden), readonly, filled (fields with a value), names (every field's full name).
Exits 2 when qpdf is not installed. Uses only Python's standard library and Debian's qpdf.
"""
import collections
import json
import os
import shutil
import subprocess
import sys

READ_ONLY = 1 << 0
MULTILINE = 1 << 12
PASSWORD = 1 << 13
PUSH_BUTTON = 1 << 16
COMBO = 1 << 17
FILE_SELECT = 1 << 20
COMB = 1 << 24
HIDDEN_ANNOTATION = 1 << 1


def kind_of(field):
    ftype = field.get("fieldtype")
    flags = field.get("fieldflags") or 0
    if ftype == "/Btn":
        if field.get("isradiobutton"):
            return "radio"
        if field.get("ischeckbox"):
            return "checkbox"
        return "pushbutton" if flags & PUSH_BUTTON else "checkbox"
    if ftype == "/Ch":
        return "combo" if flags & COMBO else "list"
    if ftype == "/Tx":
        if flags & FILE_SELECT:
            return "file"
        if flags & PASSWORD:
            return "password"
        if flags & MULTILINE:
            return "text-multiline"
        if flags & COMB:
            return "text-comb"
        return "text"
    if ftype == "/Sig":
        return "signature"
    return str(ftype)


def summarise(path):
    run = subprocess.run(["qpdf", "--json=2", "--json-key=acroform", "--json-key=encrypt", "--json-key=pages", path],
                         capture_output=True, text=True, timeout=60)
    out = {"file": os.path.basename(path), "qpdf_rc": run.returncode}
    try:
        data = json.loads(run.stdout)
    except ValueError:
        out.update(damaged=True, error=run.stderr.strip().splitlines()[-1:] or [""])
        out["error"] = out["error"][0][:200]
        return out
    form = data.get("acroform", {})
    types = collections.Counter()
    names = []
    hidden = readonly = filled = 0
    for field in form.get("fields", []):
        name = field.get("fullname")
        if name in names:
            continue  # one entry per widget: count each field once
        names.append(name)
        types[kind_of(field)] += 1
        if (field.get("annotation", {}).get("annotationflags") or 0) & HIDDEN_ANNOTATION:
            hidden += 1
        if (field.get("fieldflags") or 0) & READ_ONLY:
            readonly += 1
        value = field.get("value")
        if value not in (None, "", "u:", "/Off"):
            filled += 1
    out.update(damaged=False, encrypted=bool(data.get("encrypt", {}).get("encrypted")),
               pages=len(data.get("pages", [])), nfields=len(names), types=dict(sorted(types.items())),
               hidden=hidden, readonly=readonly, filled=filled, needappearances=form.get("needappearances"),
               names=names)
    return out


def main(paths):
    if not shutil.which("qpdf"):
        print("qpdf is not installed: run scripts/deps.sh", file=sys.stderr)
        return 2
    for path in paths:
        print(json.dumps(summarise(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
