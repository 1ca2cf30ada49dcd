"""pyHanko's verdict on each signature of a PDF, as JSON, for the tests.

Usage: pyhanko-validate.py FILE.pdf TRUST-ROOT.pem
"""
import json
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def verdict(sig, context):
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as e:  # a broken signature may not even parse
        return {
            "field": sig.field_name,
            "intact": False,
            "valid": False,
            "bottom_line": False,
            "error": str(e),
        }
    level = status.modification_level
    docmdp = sig.docmdp_level
    attrs = sig.signer_info["signed_attrs"]
    names = {a["type"].native for a in attrs}
    return {
        "field": sig.field_name,
        "intact": status.intact,
        "valid": status.valid,
        "bottom_line": status.bottom_line,
        "trusted": status.trusted,
        "coverage": status.coverage.name if status.coverage else None,
        "modification_level": level.name if level else None,
        "docmdp_ok": status.docmdp_ok,
        "docmdp": docmdp.value if docmdp else None,
        "signer": status.signing_cert.subject.native.get("common_name"),
        "subfilter": sig.sig_object["/SubFilter"],
        # PAdES B-B: CAdES detached, signing-certificate-v2, no signing time.
        "pades_b_b": sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
        and "signing_certificate_v2" in names
        and "signing_time" not in names,
    }


def main():
    root = load_cert_from_pemder(sys.argv[2])
    context = ValidationContext(trust_roots=[root], allow_fetching=False)
    with open(sys.argv[1], "rb") as f:
        reader = PdfFileReader(f, strict=False)
        print(json.dumps([verdict(s, context) for s in reader.embedded_signatures]))


main()
