#!/usr/bin/env python3
"""Generate ddi's phone number metadata (rule DDI002) from libphonenumber's metadata.

Development-time only: CI and users never run this. It needs the PyPI package `phonenumbers`
(the Python port of Google's libphonenumber, which carries libphonenumber's metadata):

    python3 -m pip install phonenumbers==9.0.43
    python3 scripts/generate_phone_metadata.py

It writes two files (paths relative to the package root):

  Sources/DDIKit/PhoneNumbers/PhoneMetadataData.swift
      Per region: calling code, `leading_digits` (used to pick the region of a shared calling code),
      the general description and every number type that makes a number valid, each as
      "possible lengths:national number pattern". One raw string literal in a compact line format
      that `PhoneMetadataStore` parses at first use (quick to compile, no giant array literal).

  Tests/DDIKitTests/Fixtures/phonenumbers/numbers.tsv
      A deterministic fixture (fixed random seed) of valid and invalid numbers with libphonenumber's
      verdicts, compared against ddi's by `PhoneNumberValidatorTests`.

Options: --swift-out PATH, --fixture-out PATH, --no-swift, --no-fixture, --check (exit 1 if a file
would change; writes nothing).
"""

import argparse
import os
import random
import re
import sys

try:
    import phonenumbers
    from phonenumbers import PhoneMetadata, PhoneNumber
    from phonenumbers.phonenumberutil import (
        COUNTRY_CODE_TO_REGION_CODE,
        REGION_CODE_FOR_NON_GEO_ENTITY,
    )
except ImportError:  # pragma: no cover
    sys.exit("generate_phone_metadata.py needs the PyPI package phonenumbers: "
             "python3 -m pip install phonenumbers==9.0.43")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWIFT_OUT = os.path.join(ROOT, "Sources", "DDIKit", "PhoneNumbers", "PhoneMetadataData.swift")
FIXTURE_OUT = os.path.join(ROOT, "Tests", "DDIKitTests", "Fixtures", "phonenumbers", "numbers.tsv")

# The number types whose match makes a number valid, in libphonenumber's order
# (phonenumberutil._number_type_helper). Mobile is checked only when its pattern differs from the
# fixed-line one (same_mobile_and_fixed_line_pattern); the order does not change the verdict.
TYPE_DESCS = ["premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
              "voicemail", "fixed_line", "mobile"]

# The regex subset ddi's matcher (Sources/DDIKit/PhoneNumbers/DigitPattern.swift) understands.
SUPPORTED_TOKEN = re.compile(r"\\d|\(\?:|[0-9()|\[\]\-?*+]|\{\d+(?:,\d*)?\}")

FIXTURE_SEED = 20240611
FIXTURE_VALID = 2500
FIXTURE_INVALID = 2500


def check_pattern(pattern, where):
    pos = 0
    while pos < len(pattern):
        m = SUPPORTED_TOKEN.match(pattern, pos)
        if not m:
            sys.exit("%s: pattern %r uses syntax ddi's matcher does not support (at %d)" % (where, pattern, pos))
        pos = m.end()
    if "\t" in pattern or '"#' in pattern or "\n" in pattern:
        sys.exit("%s: pattern %r cannot be embedded" % (where, pattern))
    return pattern


def desc_field(desc, where):
    """'lengths:pattern' or None when the description can never match."""
    if desc is None or not desc.national_number_pattern:
        return None
    lengths = tuple(desc.possible_length or ())
    if lengths and all(n < 0 for n in lengths):
        return None  # possible_length [-1]: no numbers of this type
    lengths = [n for n in lengths if n >= 0]
    if any(n > 31 for n in lengths):
        sys.exit("%s: possible length above 31" % where)
    return "%s:%s" % (",".join(str(n) for n in lengths), check_pattern(desc.national_number_pattern, where))


def metadata_entries():
    """(region, calling code, metadata) for every calling code, regions in libphonenumber's order
    (main country first)."""
    for cc in sorted(COUNTRY_CODE_TO_REGION_CODE):
        for region in COUNTRY_CODE_TO_REGION_CODE[cc]:
            if region == REGION_CODE_FOR_NON_GEO_ENTITY:
                md = PhoneMetadata.metadata_for_nongeo_region(cc, None)
            else:
                md = PhoneMetadata.metadata_for_region(region, None)
            if md is None:
                sys.exit("no metadata for %s (+%d)" % (region, cc))
            if md.country_code != cc:
                sys.exit("%s: calling code %s, expected %d" % (region, md.country_code, cc))
            yield region, cc, md


def region_line(region, cc, md):
    where = "%s/+%d" % (region, cc)
    general = desc_field(md.general_desc, where + " general_desc")
    if general is None:
        general = ":"  # matches nothing (empty pattern); the region then has no valid numbers
    fields = [region, str(cc)]
    if md.leading_digits:
        fields.append(check_pattern(md.leading_digits, where + " leading_digits"))
    else:
        fields.append("-")
    fields.append(general)
    seen = set()
    for name in TYPE_DESCS:
        if name == "mobile" and md.same_mobile_and_fixed_line_pattern:
            continue
        field = desc_field(getattr(md, name), "%s %s" % (where, name))
        if field is None or field in seen:
            continue
        seen.add(field)
        fields.append(field)
    return "\t".join(fields)


def swift_source():
    lines = [region_line(region, cc, md) for region, cc, md in metadata_entries()]
    version = phonenumbers.__version__
    return (
        "// GENERATED by scripts/generate_phone_metadata.py from the PyPI package phonenumbers %s\n"
        "// (libphonenumber's metadata). Do not edit; see \"Number validity\" in README.md to regenerate.\n"
        "//\n"
        "// One line per region, calling codes ascending, each code's main region first. Tab-separated:\n"
        "// region, calling code, leading_digits (\"-\" when absent), general description, then the number\n"
        "// types that make a number valid. A description is \"possible lengths:national number pattern\"\n"
        "// (no lengths: any length). Region \"001\" is a non-geographic entity (+800, +882, ...).\n"
        "\n"
        "enum PhoneMetadataData {\n"
        "    static let phonenumbersVersion = \"%s\"\n"
        "\n"
        "    static let regions = #\"\"\"\n"
        "%s\n"
        "\"\"\"#\n"
        "}\n" % (version, version, "\n".join(lines))
    )


# ---------------------------------------------------------------------------------------------
# Fixture


def strict_number(digits):
    """The PhoneNumber libphonenumber would hold for E.164 `digits`, taken literally: calling code
    then national significant number, no national prefix stripping (what `parse` does to
    "+44 (0)20..." style input). None when no calling code matches."""
    for n in (1, 2, 3):
        cc = int(digits[:n])
        if digits[0] != "0" and cc in COUNTRY_CODE_TO_REGION_CODE:
            nsn = digits[n:]
            if not nsn:
                return None
            num = PhoneNumber(country_code=cc, national_number=int(nsn))
            # phonenumberutil._set_italian_leading_zeros_for_phone_number
            if len(nsn) > 1 and nsn[0] == "0":
                zeros = 1
                while zeros < len(nsn) - 1 and nsn[zeros] == "0":
                    zeros += 1
                num.italian_leading_zero = True
                if zeros != 1:
                    num.number_of_leading_zeros = zeros
            assert phonenumbers.national_significant_number(num) == nsn
            return num
    return None


def verdict(digits):
    """(valid, region, regions) as libphonenumber sees `+digits`: is_valid_number,
    region_code_for_number, and every region of the calling code for which
    is_valid_number_for_region holds (only when valid)."""
    num = strict_number(digits)
    if num is None or not phonenumbers.is_valid_number(num):
        return False, "", []
    region = phonenumbers.region_code_for_number(num)
    regions = [r for r in COUNTRY_CODE_TO_REGION_CODE[num.country_code]
               if phonenumbers.is_valid_number_for_region(num, r)]
    assert region in regions
    regions.remove(region)
    return True, region, [region] + regions


def lenient_verdict(digits):
    """is_valid_number(parse("+digits")): parse also strips a national prefix ("+44020..." is read
    as +44 20...). Reported for information; ddi takes E.164 literally."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("+" + digits, None))
    except phonenumbers.NumberParseException:
        return False


def fixture_candidates(rng):
    """Valid examples of every type of every region, plus mutations (length +-1, other leading
    digits, random tails, random digit strings under a real calling code)."""
    examples = []
    for region, cc, md in metadata_entries():
        for name in TYPE_DESCS:
            desc = getattr(md, name)
            if desc is not None and desc.example_number:
                examples.append((str(cc), desc.example_number))
    examples = sorted(set(examples))
    digits = "0123456789"
    out = []
    for cc, nsn in examples:
        out.append(cc + nsn)
        for _ in range(2):  # same shape, random tail: mostly valid
            k = rng.randint(1, max(1, min(4, len(nsn) - 2)))
            out.append(cc + nsn[:-k] + "".join(rng.choice(digits) for _ in range(k)))
        out.append(cc + nsn + rng.choice(digits))  # one digit longer
        if len(nsn) > 2:
            out.append(cc + nsn[:-1])  # one digit shorter
        lead = rng.randint(1, min(3, len(nsn)))
        out.append(cc + "".join(rng.choice(digits) for _ in range(lead)) + nsn[lead:])  # other leading digits
        out.append(cc + "".join(rng.choice(digits) for _ in range(rng.randint(max(2, len(nsn) - 2), len(nsn) + 2))))
    return sorted(set(d for d in out if len(d) <= 20 and d[0] != "0"))


def fixture_text():
    rng = random.Random(FIXTURE_SEED)
    valid, invalid = [], []
    for digits in fixture_candidates(rng):
        v = verdict(digits)
        (valid if v[0] else invalid).append((digits, v))
    rng.shuffle(valid)
    rng.shuffle(invalid)
    # Keep at least one valid number of every region, then fill up at random.
    chosen, regions_seen = [], set()
    for digits, v in valid:
        if v[1] not in regions_seen:
            regions_seen.add(v[1])
            chosen.append((digits, v))
    rest = [x for x in valid if x[1][1] in regions_seen and x not in chosen]
    chosen += rest[:max(0, FIXTURE_VALID - len(chosen))]
    chosen += invalid[:FIXTURE_INVALID]
    chosen.sort(key=lambda x: (len(x[0]), x[0]))
    lenient_diff = sum(1 for digits, v in chosen if lenient_verdict(digits) != v[0])
    countries = {r for _, v in chosen for r in v[2]} - {REGION_CODE_FOR_NON_GEO_ENTITY}
    codes = {strict_number(d).country_code if strict_number(d) else None for d, _ in chosen}
    lines = [
        "# GENERATED by scripts/generate_phone_metadata.py from phonenumbers %s (seed %d). Do not edit."
        % (phonenumbers.__version__, FIXTURE_SEED),
        "# libphonenumber's verdict on each E.164 number taken literally (calling code, then the national",
        "# significant number; no national prefix stripping): is_valid_number, region_code_for_number,",
        "# and every region of the calling code for which is_valid_number_for_region holds.",
        "# Columns: e164<TAB>valid|invalid<TAB>region<TAB>regions (comma-separated; empty when invalid)",
        "# %d numbers: %d valid, %d invalid; valid numbers of %d regions (ISO 3166) and the non-geographic"
        "\n# codes; %d calling codes."
        % (len(chosen), sum(1 for _, v in chosen if v[0]), sum(1 for _, v in chosen if not v[0]),
           len(countries), len(codes - {None})),
        "# is_valid_number(parse(e164)), which also strips national prefixes, differs on %d of them."
        % lenient_diff,
    ]
    for digits, (ok, region, regions) in chosen:
        lines.append("+%s\t%s\t%s\t%s" % (digits, "valid" if ok else "invalid", region, ",".join(regions)))
    return "\n".join(lines) + "\n", len(chosen), len(countries), lenient_diff


# ---------------------------------------------------------------------------------------------


def write(path, text, check):
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if old == text:
        print("unchanged: %s" % os.path.relpath(path, ROOT))
        return True
    if check:
        print("would change: %s" % os.path.relpath(path, ROOT))
        return False
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote: %s" % os.path.relpath(path, ROOT))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--swift-out", default=SWIFT_OUT)
    ap.add_argument("--fixture-out", default=FIXTURE_OUT)
    ap.add_argument("--no-swift", action="store_true")
    ap.add_argument("--no-fixture", action="store_true")
    ap.add_argument("--check", action="store_true", help="exit 1 if a file would change; write nothing")
    args = ap.parse_args()
    PhoneMetadata.load_all()
    print("phonenumbers %s" % phonenumbers.__version__)
    ok = True
    if not args.no_swift:
        ok &= write(args.swift_out, swift_source(), args.check)
    if not args.no_fixture:
        text, count, countries, lenient_diff = fixture_text()
        print("fixture: %d numbers, valid numbers of %d regions, %d verdicts differ under parse()"
              % (count, countries, lenient_diff))
        ok &= write(args.fixture_out, text, args.check)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
