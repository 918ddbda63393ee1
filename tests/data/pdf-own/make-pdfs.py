#!/usr/bin/python3
"""Writes the small fillable PDFs of tests/data/pdf-own/ that the PDF import tests read.

Each file exercises one thing real forms do (see README.md beside this script). They are written by hand, object by
object, so that each holds exactly what it is meant to and nothing else; the output is the same on every run
(but for the encrypted file, whose salts qpdf draws at random).
Needs only Python's standard library, and Debian's qpdf for the encrypted file.

    /usr/bin/python3 tests/data/pdf-own/make-pdfs.py        # rewrites every PDF beside this script

The generated PDFs are committed, so the tests need no generation step; run this again only after changing it.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# Field flags (PDF 32000-1, 12.7.3 and 12.7.4).
READ_ONLY = 1 << 0
MULTILINE = 1 << 12
NO_TOGGLE_TO_OFF = 1 << 14
RADIO = 1 << 15
PUSH_BUTTON = 1 << 16
COMBO = 1 << 17
EDIT = 1 << 18
MULTI_SELECT = 1 << 21
DO_NOT_SCROLL = 1 << 23
COMB = 1 << 24
# Annotation flags.
HIDDEN = 1 << 1
PRINT = 1 << 2


def pdf_string(text):
    """A PDF text string: literal when ASCII, else UTF-16BE with a byte order mark (hex)."""
    try:
        raw = text.encode("ascii")
    except UnicodeEncodeError:
        return "<feff" + text.encode("utf-16-be").hex() + ">"
    return "(" + raw.decode().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def content_string(text):
    """A string for the page's text (Helvetica in WinAnsi): letters WinAnsi lacks lose their accents (w-circumflex
    is drawn as w; the fields' own strings keep them)."""
    plain = "".join(c if c.encode("cp1252", "ignore") else unicodedata.normalize("NFKD", c)[0] for c in text)
    raw = plain.encode("cp1252", "replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_name(text):
    return "/" + "".join(c if c.isalnum() or c in "-_." else "#%02X" % ord(c) for c in text)


class Ref:
    def __init__(self, num):
        self.num = num

    def __str__(self):
        return "%d 0 R" % self.num


class Pdf:
    """Objects in order; `save` writes them with a cross-reference table and a trailer."""

    def __init__(self):
        self.objects = []  # bytes of each object's body, by number - 1

    def reserve(self):
        self.objects.append(None)
        return Ref(len(self.objects))

    def set(self, ref, body):
        self.objects[ref.num - 1] = body.encode("latin-1") if isinstance(body, str) else body

    def add(self, body):
        ref = self.reserve()
        self.set(ref, body)
        return ref

    def stream(self, data, extra=""):
        data = data.encode("latin-1") if isinstance(data, str) else data
        return self.add(b"<< /Length %d %s>>\nstream\n" % (len(data), extra.encode("latin-1")) + data
                        + b"\nendstream")

    def serialise(self, root, with_xref=True, upto=None):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects[:upto]):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
        if not with_xref:
            return bytes(out)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += (b"trailer\n<< /Size %d /Root %s /ID [<436f666f726d2d74657374> <436f666f726d2d74657374>] >>\n"
                % (len(self.objects) + 1, str(root).encode()))
        out += b"startxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


class Form:
    """A one- or more-page AcroForm with labels drawn on the pages and fields placed below one another."""

    def __init__(self, pages=1, need_appearances=False, xfa=None):
        self.pdf = Pdf()
        self.catalog = self.pdf.reserve()
        self.pages_ref = self.pdf.reserve()
        self.acroform = self.pdf.reserve()
        self.font = self.pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        self.page_refs = [self.pdf.reserve() for _ in range(pages)]
        self.annots = [[] for _ in range(pages)]
        self.text = [[] for _ in range(pages)]
        self.next_y = [760] * pages
        self.fields = []
        self.need_appearances = need_appearances
        self.xfa = xfa
        self.on_box = self.pdf.stream("0 0 0 rg 3 3 10 10 re f", "/Type /XObject /Subtype /Form /BBox [0 0 16 16] ")
        self.off_box = self.pdf.stream("0 0 0 RG 0.5 0.5 15 15 re S",
                                       "/Type /XObject /Subtype /Form /BBox [0 0 16 16] ")

    def label(self, page, text, x=50, y=None, size=11):
        y = self.next_y[page] if y is None else y
        self.text[page].append("BT /F1 %d Tf %d %d Td %s Tj ET" % (size, x, y, content_string(text)))

    def row(self, page, label, height=20):
        """Draws a label and returns the rectangle of the box beside it."""
        y = self.next_y[page]
        self.label(page, label, y=y + 6)
        self.next_y[page] = y - height - 16
        return [220, y, 520, y + height]

    def field(self, page, name, ftype, rect=None, flags=0, extra="", annot_flags=PRINT, label=None, height=20,
              caption=None):
        """A field that is its own widget."""
        rect = rect or self.row(page, label or name, height)
        mk = "/BC [0 0 0]" + (" /CA %s" % pdf_string(caption) if caption else "")
        ref = self.pdf.add(
            "<< /Type /Annot /Subtype /Widget /FT %s /T %s /Ff %d /F %d /Rect [%s] /P %s "
            "/DA (/Helv 0 Tf 0 g) /MK << %s >> %s >>"
            % (ftype, pdf_string(name), flags, annot_flags, " ".join(map(str, rect)), self.page_refs[page], mk, extra))
        self.annots[page].append(ref)
        self.fields.append(ref)
        return ref

    def check_box(self, page, name, label, on="Yes", checked=False, appearance=True, extra=""):
        rect = self.row(page, label, 16)
        rect[2] = rect[0] + 16
        ap = ("/AP << /N << %s %s /Off %s >> >>" % (pdf_name(on), self.on_box, self.off_box)) if appearance else ""
        state = pdf_name(on) if checked else "/Off"
        return self.field(page, name, "/Btn", rect, 0, "/V %s /AS %s %s %s" % (state, state, ap, extra))

    def radio_group(self, page, name, label, states, opt=None, chosen=None, tooltip=None):
        """A radio field with one widget a choice; `states` name each widget's "on" appearance state."""
        parent = self.pdf.reserve()
        self.row(page, label, 4)
        kids = []
        for i, state in enumerate(states):
            y = self.next_y[page]
            shown = opt[i] if opt else state
            self.label(page, shown, x=250, y=y + 3)
            self.next_y[page] = y - 22
            kid = self.pdf.add(
                "<< /Type /Annot /Subtype /Widget /Parent %s /F %d /Rect [226 %d 242 %d] /P %s "
                "/MK << /BC [0 0 0] >> /AP << /N << %s %s /Off %s >> >> /AS %s >>"
                % (parent, PRINT, y, y + 16, self.page_refs[page], pdf_name(state), self.on_box, self.off_box,
                   pdf_name(state) if state == chosen else "/Off"))
            self.annots[page].append(kid)
            kids.append(kid)
        self.next_y[page] -= 8
        value = pdf_name(chosen) if chosen else "/Off"
        opts = (" /Opt [%s]" % " ".join(pdf_string(o) for o in opt)) if opt else ""
        tu = (" /TU %s" % pdf_string(tooltip)) if tooltip else ""
        self.pdf.set(parent, "<< /FT /Btn /T %s /Ff %d /V %s /Kids [%s]%s%s >>"
                     % (pdf_string(name), RADIO | NO_TOGGLE_TO_OFF, value, " ".join(map(str, kids)), opts, tu))
        self.fields.append(parent)
        return parent

    def save(self, path, with_xref=True, upto=None):
        pdf = self.pdf
        for i, page in enumerate(self.page_refs):
            content = pdf.stream("\n".join(self.text[i]))
            pdf.set(page, "<< /Type /Page /Parent %s /MediaBox [0 0 595 842] /Contents %s "
                          "/Resources << /Font << /F1 %s >> >> /Annots [%s] >>"
                    % (self.pages_ref, content, self.font, " ".join(map(str, self.annots[i]))))
        pdf.set(self.pages_ref, "<< /Type /Pages /Kids [%s] /Count %d >>"
                % (" ".join(map(str, self.page_refs)), len(self.page_refs)))
        xfa = ""
        if self.xfa is not None:
            xfa = " /XFA %s" % pdf.stream(self.xfa)
        pdf.set(self.acroform, "<< /Fields [%s] /DR << /Font << /Helv %s >> >> /DA (/Helv 0 Tf 0 g)%s%s >>"
                % (" ".join(map(str, self.fields)), self.font,
                   " /NeedAppearances true" if self.need_appearances else "", xfa))
        pdf.set(self.catalog, "<< /Type /Catalog /Pages %s /AcroForm %s >>" % (self.pages_ref, self.acroform))
        with open(path, "wb") as f:
            f.write(pdf.serialise(self.catalog, with_xref, upto))


def js_action(pdf, script):
    return pdf.add("<< /S /JavaScript /JS %s >>" % pdf_string(script))


XFA_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">
<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">
<subform name="form1" layout="tb" locale="en_GB">
<pageSet><pageArea name="Page1"><contentArea x="0.25in" y="0.25in" w="8in" h="10.5in"/>
<medium stock="a4" short="210mm" long="297mm"/></pageArea></pageSet>
<subform w="8in" h="10.5in">
<field name="FamilyName" w="3in" h="9mm"><ui><textEdit/></ui><caption><value><text>Family name</text></value></caption></field>
<field name="DateOfBirth" w="3in" h="9mm"><ui><dateTimeEdit/></ui><caption><value><text>Date of birth</text></value></caption></field>
<field name="Consent" w="3in" h="9mm"><ui><checkButton/></ui><caption><value><text>I consent</text></value></caption></field>
</subform>
</subform>
</template>
<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data/></xfa:datasets>
</xdp:xdp>
"""


def all_kinds(path):
    """Every field kind once or twice: 3 text and 1 multiline, 2 check boxes, 2 radio groups, a combo box, a list
    box, a push button (Button3) and a hidden calculation field, with tooltips on some."""
    f = Form(need_appearances=True)
    f.label(0, "Every kind of form field", size=14)
    f.next_y[0] -= 30
    f.field(0, "Text1", "/Tx", label="Family name", extra="/TU (Family name)")
    f.field(0, "Text2", "/Tx", label="Given name")
    f.field(0, "Text3", "/Tx", label="Town")
    f.field(0, "Text4", "/Tx", label="Anything else", flags=MULTILINE, height=48)
    f.check_box(0, "Check1", "Lives alone", extra="/TU (Lives alone)")
    f.check_box(0, "Check2", "Has a carer", on="On")
    f.radio_group(0, "Radio1", "How do you travel?", ["Walk", "Bus", "Car"])
    f.radio_group(0, "Radio2", "Preferred contact", ["Phone", "Letter"])
    f.field(0, "Combo1", "/Ch", flags=COMBO, label="Care setting",
            extra="/Opt [(Own home) (Care home) (Hospital)]")
    f.field(0, "List1", "/Ch", label="Day of the week", height=40,
            extra="/Opt [(Monday) (Tuesday) (Wednesday)]")
    f.field(0, "Button3", "/Btn", flags=PUSH_BUTTON, label="Print", caption="Print")
    f.field(0, "Total", "/Tx", label="(hidden total)", annot_flags=HIDDEN, flags=READ_ONLY,
            extra="/AA << /C %s >>" % js_action(f.pdf, 'AFSimple_Calculate("SUM", new Array("Text1"));'))
    f.save(path)


def aes256_empty_password(path, work):
    """AES-256 (R6) encrypted with an empty user password (opens without asking) and printing forbidden: one text
    field and a push button."""
    f = Form(need_appearances=True)
    f.label(0, "Encrypted form (no password to open)", size=14)
    f.next_y[0] -= 30
    f.field(0, "Text3", "/Tx", label="Your name")
    f.field(0, "Button4", "/Btn", flags=PUSH_BUTTON, label="Submit")
    plain = os.path.join(work, "plain.pdf")
    f.save(plain)
    qpdf = shutil.which("qpdf")
    if not qpdf:
        sys.exit("qpdf is needed to encrypt %s (apt-get install qpdf)" % os.path.basename(path))
    # --static-id and --static-aes-iv keep the output the same from run to run (test files only).
    subprocess.run([qpdf, "--static-id", "--static-aes-iv", "--encrypt", "", "coform-owner", "256", "--print=none",
                    "--modify=form", "--extract=n", "--", plain, path], check=True)


def xfa_only(path):
    """A pure XFA form (as LiveCycle Designer makes them): the questions live only in the XFA packet; the AcroForm
    has no fields, and the page only asks for a reader that understands XFA."""
    f = Form(xfa=XFA_TEMPLATE)
    f.label(0, "Please wait...", size=14)
    f.label(0, "If this message is not replaced by the form, your PDF viewer cannot show this kind of form.",
            y=720, size=10)
    f.save(path)


def damaged_no_xref(path):
    """A form cut short: the first objects are there, but the catalogue, the page tree, the cross-reference table
    and the trailer are gone. Nothing can rebuild it (there is no /Root to find)."""
    f = Form(need_appearances=True)
    f.field(0, "Name", "/Tx", label="Name")
    f.field(0, "Notes", "/Tx", flags=MULTILINE, label="Notes", height=48)
    f.save(path, with_xref=False)
    # Keep the objects after the catalogue, page tree and form dictionary, and cut the last one in half.
    with open(path, "rb") as fh:
        data = fh.read()
    start = data.index(b"4 0 obj")
    body = data[start:]
    cut = body[: len(body) * 2 // 3]
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + cut)


def xref_wrong_offsets(path):
    """A sound form whose cross-reference table points to the wrong places (as after a careless edit): readers
    rebuild the table by scanning the file, with a warning, and the form reads."""
    f = Form(need_appearances=True)
    f.field(0, "Name", "/Tx", label="Name")
    f.check_box(0, "Agree", "I agree")
    f.save(path)
    with open(path, "rb") as fh:
        data = fh.read()
    head, tail = data.split(b"xref\n", 1)
    lines = tail.split(b"\n")
    for i in range(2, len(lines)):
        if lines[i].endswith(b" n "):
            lines[i] = b"%010d 00000 n " % (int(lines[i][:10]) + 7)
    with open(path, "wb") as fh:
        fh.write(head + b"xref\n" + b"\n".join(lines))


def text_fields(path):
    """Single-line and multiline text fields with what real forms put on them: comb fields (one letter a box) with a
    maximum length, centred and right-aligned text (quadding), a default value, no scrolling, password."""
    f = Form(need_appearances=True)
    f.label(0, "Text fields", size=14)
    f.next_y[0] -= 30
    f.field(0, "NHSNumber", "/Tx", flags=COMB | DO_NOT_SCROLL, label="NHS number (10 boxes)",
            extra="/MaxLen 10")
    f.field(0, "Postcode", "/Tx", flags=COMB, label="Postcode", extra="/MaxLen 8 /Q 1")
    f.field(0, "Amount", "/Tx", label="Weekly amount", extra="/Q 2 /MaxLen 9")
    f.field(0, "Title", "/Tx", label="Title", extra="/Q 1")
    f.field(0, "Town", "/Tx", label="Town", extra="/DV (Leeds)")
    f.field(0, "Initials", "/Tx", label="Initials", extra="/MaxLen 3")
    f.field(0, "History", "/Tx", flags=MULTILINE, label="Medical history", height=60)
    f.field(0, "Goals", "/Tx", flags=MULTILINE, label="Goals", height=60, extra="/Q 1")
    f.field(0, "Comments", "/Tx", flags=MULTILINE | DO_NOT_SCROLL, label="Comments", height=60, extra="/Q 2")
    f.save(path)


def dates(path):
    """Three text fields with Acrobat's format actions: two dates (AFDate_FormatEx, with the matching keystroke
    check) and a time of day (AFTime_Format), which is not a date."""
    f = Form(need_appearances=True)
    f.label(0, "Dates", size=14)
    f.next_y[0] -= 30
    for name, label, fmt, keystroke in [
        ("Date1_af_date", "Date of birth", 'AFDate_FormatEx("dd/mm/yyyy");', 'AFDate_KeystrokeEx("dd/mm/yyyy");'),
        ("Date2_af_date", "Date of the review", 'AFDate_FormatEx("d mmmm yyyy");',
         'AFDate_KeystrokeEx("d mmmm yyyy");'),
        ("Time1_af_time", "Time of the visit", "AFTime_Format(0);", "AFTime_Keystroke(0);"),
    ]:
        fa = js_action(f.pdf, fmt)
        ka = js_action(f.pdf, keystroke)
        f.field(0, name, "/Tx", label=label, extra="/AA << /F %s /K %s >>" % (fa, ka))
    f.save(path)


def checkbox_no_appearance(path):
    """Two check boxes with no appearance streams at all (the reader is asked to draw them), one ticked."""
    f = Form(need_appearances=True)
    f.label(0, "Check boxes drawn by the reader", size=14)
    f.next_y[0] -= 30
    f.check_box(0, "cbOn", "Ticked", checked=True, appearance=False)
    f.check_box(0, "cbOff", "Not ticked", appearance=False)
    f.save(path)


def signature_only(path):
    """A form whose only field is an (unsigned) digital signature: nothing for a person to answer."""
    f = Form()
    f.label(0, "Sign here", size=14)
    f.next_y[0] -= 30
    f.field(0, "Signature1", "/Sig", label="Signature", height=40)
    f.save(path)


def opt_export_values(path):
    """Radio buttons and a check box whose labels are in /Opt, their on-states being numbers ("/0", "/1"): the
    labels, not the state names, are the choices. A Welsh label is a UTF-16 string. A read-only result field."""
    f = Form()
    f.label(0, "Export values in /Opt", size=14)
    f.next_y[0] -= 30
    f.radio_group(0, "veg", "Vegetable", ["0", "1"], opt=["Carrot", "Potato"])
    f.radio_group(0, "drink", "Drink", ["0", "1", "2"], opt=["Te", "Coffi", "D\u0175r"], chosen="2")
    f.check_box(0, "agree", "I agree to the terms", on="0", extra="/Opt [(I agree to the terms)]")
    f.field(0, "result", "/Tx", flags=READ_ONLY, label="Result (worked out)", extra="/V ()")
    f.save(path)


def choice_boxes(path):
    """Combo and list boxes: display text apart from export values, an editable combo box, a multiple-choice list,
    a list with no choices; and an XFA packet beside the AcroForm (which the AcroForm fields stand for)."""
    f = Form(need_appearances=True, xfa=XFA_TEMPLATE)
    f.label(0, "Combo and list boxes", size=14)
    f.next_y[0] -= 30
    f.field(0, "Setting", "/Ch", flags=COMBO, label="Care setting",
            extra="/Opt [[(home) (Own home)] [(care) (Care home)] [(hosp) (Hospital)]] /TU (Care setting)")
    f.field(0, "Council", "/Ch", flags=COMBO | EDIT, label="Council (pick or type)",
            extra="/Opt [(Leeds) (Bradford) (Wakefield)]")
    f.field(0, "Day", "/Ch", label="Day of the visit", height=40, extra="/Opt [(Monday) (Tuesday) (Wednesday)]")
    f.field(0, "Needs", "/Ch", flags=MULTI_SELECT, label="Needs (choose any)", height=48,
            extra="/Opt [(Mobility) (Nutrition) (Continence) (Cognition)]")
    f.field(0, "Empty", "/Ch", flags=COMBO, label="A list with nothing in it", extra="/Opt []")
    f.save(path)


def prefilled(path):
    """A two-page form already filled in (text, a multiline answer, ticked boxes), with field names as LiveCycle
    makes them ("form1[0].Page1[0].FamilyName[0]") and no tooltips: labels come from the names."""
    f = Form(pages=2, need_appearances=True)
    for page in (0, 1):
        f.label(page, "Prefilled form, page %d" % (page + 1), size=14)
        f.next_y[page] -= 30

    def name(page, field):
        return "form1[0].Page%d[0].%s[0]" % (page + 1, field)

    for field, label, value in [("FamilyName", "Family name", "Jones"), ("GivenName", "Given name", "Megan"),
                                ("DateOfBirth", "Date of birth", "04/07/1950"), ("Town", "Town", "Aberystwyth"),
                                ("Postcode", "Postcode", "SY23 1AA"), ("Phone", "Phone", "")]:
        f.field(0, name(0, field), "/Tx", label=label, extra="/V %s" % pdf_string(value))
    f.check_box(0, name(0, "LivesAlone"), "Lives alone", checked=True)
    f.check_box(0, name(0, "HasCarer"), "Has a carer")
    for field, label, value in [("GPName", "GP", "Dr Evans"), ("GPPractice", "GP practice", "Bridge Street"),
                                ("NextOfKin", "Next of kin", "Rhys Jones"), ("Relationship", "Relationship", "Son")]:
        f.field(1, name(1, field), "/Tx", label=label, extra="/V %s" % pdf_string(value))
    f.field(1, name(1, "Needs"), "/Tx", flags=MULTILINE, label="What matters to you", height=60,
            extra="/V %s" % pdf_string("Staying at home.\nSeeing my grandchildren."))
    f.check_box(1, name(1, "Consent"), "Consent given", checked=True)
    f.save(path)


def main():
    with tempfile.TemporaryDirectory() as work:
        made = {
            "all-kinds.pdf": all_kinds,
            "aes256-empty-password.pdf": lambda p: aes256_empty_password(p, work),
            "xfa-only.pdf": xfa_only,
            "damaged-no-xref.pdf": damaged_no_xref,
            "xref-wrong-offsets.pdf": xref_wrong_offsets,
            "text-fields.pdf": text_fields,
            "dates.pdf": dates,
            "checkbox-no-appearance.pdf": checkbox_no_appearance,
            "signature-only.pdf": signature_only,
            "opt-export-values.pdf": opt_export_values,
            "choice-boxes.pdf": choice_boxes,
            "prefilled.pdf": prefilled,
        }
        for name, make in made.items():
            make(os.path.join(HERE, name))
            print("wrote", name)


if __name__ == "__main__":
    main()
