#!/usr/bin/env python3
"""Generate the reference inventory of the README's Performance section, deterministically.

    python3 Benchmarks/generate_reference.py [OUTDIR] [--seed N] [--verify-all]

OUTDIR defaults to Benchmarks/work/reference (gitignored). The directory is
replaced. What it holds:

  ddi.yaml                      policy as in the README's `ddi.yaml` table
  sites/<cc>/<site>.yaml        50 files, one per site (10 countries)

  * 200 ranges of 5,000 numbers each (1,000,000 numbers), 4 per site, over
    direct-routing, calling-plan and operator-connect, with carriers, costs
    and Teams emergency location ids;
  * 100,000 `assigned` entries (single numbers): users, VIPs, meeting rooms,
    common-area phones (direct routing only), audio-conferencing numbers (not
    on direct routing) and one number per auto attendant / call queue resource
    account; ~2% of users hold a second number with `category: private`;
  * 20,000 other entries: reserved blocks and numbers (until/reason),
    quarantine (since), free, retired (single and block) and external;
  * 300 routing entries (3 auto attendants + 3 call queues per site), each
    bound to the resource account holding its number, every chain ending in
    people, voicemail or an external number.

"Today" is 2026-11-27 (run `ddi validate --today 2026-11-27`): every
assigned number was reviewed in the 365 days before it, reservations end
within 180 days after it. About 3% of quarantined numbers are past the
90-day quarantine, which yields info-level DDI008 diagnostics, nothing worse.

Every range's first, last and every 50th number is checked with the
`phonenumbers` package (pip install phonenumbers==9.0.43) to be a valid
fixed-line number of the range's country; generation fails loudly otherwise.
`--verify-all` checks every number of every range (40-70 s).
"""

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import time
import unicodedata
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from names import FIRST, LAST  # noqa: E402

try:
    import phonenumbers
    from phonenumbers import PhoneNumberType
except ImportError:  # pragma: no cover
    sys.exit("generate_reference.py: needs the phonenumbers package: pip install phonenumbers==9.0.43")

SEED = 20261127
TODAY = dt.date(2026, 11, 27)
DOMAIN = "contoso.com"
RANGE_SIZE = 5000
RANGES_PER_SITE = 4
TOTAL_ASSIGNED = 100_000
OTHER_PER_RANGE = 100  # 200 ranges x 100 = 20,000 other entries

# code, site name, ISO country, first number of the site's 20,000-number span, name group
SITES = [
    ("cph", "Copenhagen HQ", "DK", "+4533120000", "da"),
    ("aar", "Aarhus", "DK", "+4586120000", "da"),
    ("ode", "Odense", "DK", "+4566120000", "da"),
    ("aal", "Aalborg", "DK", "+4598120000", "da"),
    ("esb", "Esbjerg", "DK", "+4575120000", "da"),
    ("kol", "Kolding", "DK", "+4576120000", "da"),
    ("sto", "Stockholm", "SE", "+46850550000", "sv"),
    ("got", "Gothenburg", "SE", "+46317800000", "sv"),
    ("mmo", "Malmö", "SE", "+46406600000", "sv"),
    ("upp", "Uppsala", "SE", "+46186100000", "sv"),
    ("lkp", "Linköping", "SE", "+46132000000", "sv"),
    ("vst", "Västerås", "SE", "+46214800000", "sv"),
    ("osl", "Oslo", "NO", "+4722120000", "no"),
    ("bgo", "Bergen", "NO", "+4755120000", "no"),
    ("trd", "Trondheim", "NO", "+4773120000", "no"),
    ("svg", "Stavanger", "NO", "+4751120000", "no"),
    ("krs", "Kristiansand", "NO", "+4738120000", "no"),
    ("ber", "Berlin", "DE", "+493012340000", "de"),
    ("muc", "Munich", "DE", "+498912340000", "de"),
    ("ham", "Hamburg", "DE", "+494012340000", "de"),
    ("fra", "Frankfurt", "DE", "+496912340000", "de"),
    ("dus", "Düsseldorf", "DE", "+4921112340000", "de"),
    ("cgn", "Cologne", "DE", "+4922112340000", "de"),
    ("str", "Stuttgart", "DE", "+4971112340000", "de"),
    ("lon", "London", "GB", "+442038080000", "en"),
    ("man", "Manchester", "GB", "+441612340000", "en"),
    ("edi", "Edinburgh", "GB", "+441312340000", "en"),
    ("bhx", "Birmingham", "GB", "+441212340000", "en"),
    ("lds", "Leeds", "GB", "+441132340000", "en"),
    ("brs", "Bristol", "GB", "+441172340000", "en"),
    ("gla", "Glasgow", "GB", "+441412340000", "en"),
    ("ams", "Amsterdam", "NL", "+31205550000", "nl"),
    ("rtm", "Rotterdam", "NL", "+31104120000", "nl"),
    ("utr", "Utrecht", "NL", "+31302340000", "nl"),
    ("ein", "Eindhoven", "NL", "+31402340000", "nl"),
    ("hag", "The Hague", "NL", "+31702340000", "nl"),
    ("hel", "Helsinki", "FI", "+35898560000", "fi"),
    ("tmp", "Tampere", "FI", "+35832340000", "fi"),
    ("tku", "Turku", "FI", "+35822340000", "fi"),
    ("oul", "Oulu", "FI", "+35882340000", "fi"),
    ("par", "Paris", "FR", "+33144550000", "fr"),
    ("lys", "Lyon", "FR", "+33472100000", "fr"),
    ("tls", "Toulouse", "FR", "+33561120000", "fr"),
    ("lil", "Lille", "FR", "+33320120000", "fr"),
    ("waw", "Warsaw", "PL", "+48225550000", "pl"),
    ("krk", "Kraków", "PL", "+48124120000", "pl"),
    ("wro", "Wrocław", "PL", "+48713400000", "pl"),
    ("nyc", "New York", "US", "+12126460000", "us"),
    ("bos", "Boston", "US", "+16172340000", "us"),
    ("chi", "Chicago", "US", "+13125670000", "us"),
]

# currency; operator-connect carriers; direct-routing carriers (SIP trunk); costs per number and month
COUNTRIES = {
    "DK": ("DKK", ["TDC Erhverv", "Telia Danmark", "Telenor Danmark"], ["GlobalConnect", "Colt"], (2.5, 4.0), (1.0, 2.0), (3.0, 5.0)),
    "SE": ("SEK", ["Telia Sverige", "Tele2 Företag", "Telenor Sverige"], ["Telavox", "Colt"], (3.0, 6.0), (1.5, 3.0), (5.0, 8.0)),
    "NO": ("NOK", ["Telenor Norge", "Telia Norge"], ["Ice Bedrift", "Colt"], (3.0, 6.0), (1.5, 3.0), (5.0, 8.0)),
    "DE": ("EUR", ["Deutsche Telekom", "Vodafone Deutschland"], ["sipgate", "Colt"], (0.35, 0.60), (0.10, 0.25), (0.50, 0.90)),
    "GB": ("GBP", ["BT Business", "Gamma", "Vodafone UK"], ["Gamma SIP Trunks", "Colt"], (0.30, 0.55), (0.08, 0.20), (0.45, 0.80)),
    "NL": ("EUR", ["KPN", "Vodafone Business NL"], ["Voiceworks", "Colt"], (0.35, 0.60), (0.10, 0.25), (0.50, 0.90)),
    "FI": ("EUR", ["Elisa", "Telia Finland", "DNA Business"], ["Cinia", "Colt"], (0.35, 0.60), (0.10, 0.25), (0.50, 0.90)),
    "FR": ("EUR", ["Orange Business", "SFR Business"], ["Bouygues Telecom Entreprises", "Colt"], (0.35, 0.60), (0.10, 0.25), (0.50, 0.90)),
    "PL": ("PLN", ["Orange Polska", "T-Mobile Polska"], ["Netia", "Colt"], (1.5, 3.0), (0.5, 1.2), (2.5, 4.0)),
    "US": ("USD", ["AT&T", "Verizon Business", "Lumen"], ["Bandwidth", "Lumen SIP"], (0.40, 0.80), (0.10, 0.30), (0.75, 1.25)),
}

# 24/7 outsourced service desk, an `external:` routing target
SERVICE_DESK = "+4570102030"

DEPARTMENTS = [
    ("Sales", 16), ("Customer Service", 14), ("Operations", 12), ("Engineering", 10), ("IT", 7),
    ("Finance", 7), ("Logistics", 6), ("Marketing", 6), ("HR", 5), ("Procurement", 4),
    ("Legal", 3), ("Facilities", 3), ("R&D", 5), ("Quality", 2),
]
DEPT_TAG = {"Sales": "sales", "Customer Service": "support", "IT": "it", "Finance": "finance",
            "Logistics": "logistics", "Marketing": "marketing", "HR": "hr", "Legal": "legal"}

RESERVE_REASONS = [
    "New hires, onboarding wave {q}", "Project Nova contact centre", "Office expansion, floor {f}",
    "Marketing campaign {season}", "Acquisition of Fabrikam, number port-in", "Seasonal support hotline {season}",
    "New branch opening {q}", "Partner programme hotline",
]
EXTERNAL_NOTES = [
    "fax, analogue ATA", "alarm panel, monitored by Securitas", "door phone, SIP gateway", "lift emergency phone",
    "franking machine", "building management system modem", "parking barrier intercom", "SIP paging gateway",
]


def fail(msg):
    sys.exit("generate_reference.py: error: " + msg)


FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "ä": "a", "ö": "o", "ü": "ue", "ß": "ss", "ł": "l",
                      "Æ": "ae", "Ø": "o", "Å": "aa", "Ä": "a", "Ö": "o", "Ü": "ue", "Ł": "l"})


def upn_part(name):
    s = name.translate(FOLD)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if c.isascii() and (c.isalnum()))
    return s.lower()


def slug(s):
    return "-".join(upn_part(w) for w in s.split())


def qstr(s):
    """A YAML scalar for free text: plain when unambiguous, else double-quoted."""
    plain_ok = (
        s and s == s.strip() and s[0] not in "-?:,[]{}#&*!|>'\"%@`~" and ": " not in s and " #" not in s
        and not s.endswith(":") and s.lower() not in ("null", "true", "false", "yes", "no", "on", "off", "~")
        and not s[0].isdigit()
    )
    if plain_ok:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fmt_num(digits_int):
    return "+%d" % digits_int


def check_number(e164, region, where):
    try:
        n = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException as e:
        fail("%s: %s does not parse: %s" % (where, e164, e))
    if not phonenumbers.is_valid_number_for_region(n, region):
        fail("%s: %s is not a valid %s number (phonenumbers %s)" % (where, e164, region, phonenumbers.__version__))
    t = phonenumbers.number_type(n)
    if t not in (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        fail("%s: %s is valid for %s but not a fixed-line number (type %s)" % (where, e164, region, t))


def alloc_counts(rng, n_items, total, lo, hi):
    """Random positive weights scaled to integers summing exactly to total."""
    w = [rng.uniform(lo, hi) for _ in range(n_items)]
    s = sum(w)
    raw = [total * x / s for x in w]
    out = [int(x) for x in raw]
    rest = total - sum(out)
    order = sorted(range(n_items), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[:rest]:
        out[i] += 1
    return out


class Names:
    """Unique UPNs over the whole tenant, names drawn locally with some global mix."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.all_first = sorted({n for v in FIRST.values() for n in v})
        self.all_last = sorted({n for v in LAST.values() for n in v})

    def person(self, group):
        r = self.rng
        first = r.choice(FIRST[group]) if r.random() < 0.75 else r.choice(self.all_first)
        last = r.choice(LAST[group]) if r.random() < 0.75 else r.choice(self.all_last)
        f, l = upn_part(first), upn_part(last)
        upn = base = "%s.%s" % (f, l)
        # collisions: a middle initial first (anna.m.jensen), then a number (anna.jensen2)
        for _ in range(6):
            if upn not in self.used:
                break
            upn = "%s.%s.%s" % (f, r.choice("abcdefghijklmnoprstv"), l)
        k = 1
        while upn in self.used:
            k += 1
            upn = "%s%d" % (base, k)
        self.used.add(upn)
        return "%s %s" % (first, last), upn + "@" + DOMAIN


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def place_block(rng, used, size, align):
    for _ in range(1000):
        start = rng.randrange(0, RANGE_SIZE - size + 1)
        start -= start % align
        if start + size > RANGE_SIZE:
            continue
        if not any(used[start:start + size]):
            for i in range(start, start + size):
                used[i] = 1
            return start
    fail("could not place a block of %d numbers" % size)


def generate(outdir, seed, verify_all):
    rng = random.Random(seed)
    names = Names(rng)
    review_from = TODAY - dt.timedelta(days=355)
    stats = {"ranges": 0, "range_numbers": 0, "assigned": 0, "other": 0, "routing": 0, "files": 0,
             "kinds": {}, "statuses": {}, "sources": {}, "private": 0, "bytes": 0, "lines": 0}
    check_number(SERVICE_DESK, "DK", "service desk")

    # --- ranges -----------------------------------------------------------------------------
    n_ranges = len(SITES) * RANGES_PER_SITE
    assigned_per_range = alloc_counts(rng, n_ranges, TOTAL_ASSIGNED, 0.6, 1.4)
    sources_all = ["operator-connect", "direct-routing", "calling-plan"]

    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    os.makedirs(outdir)
    with open(os.path.join(outdir, "ddi.yaml"), "w", encoding="utf-8") as f:
        f.write(DDI_YAML)

    hq_support = "cq-%s-support" % SITES[0][0]
    for si, (code, site, cc, base, group) in enumerate(SITES):
        currency, oc_carriers, dr_carriers, oc_cost, dr_cost, cp_cost = COUNTRIES[cc]
        base_int = int(base[1:])
        site_loc = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        ranges = []
        for k in range(RANGES_PER_SITE):
            ri = si * RANGES_PER_SITE + k
            # every site has operator connect and direct routing; the rest is a mix
            if k == 0:
                source = "operator-connect"
            elif k == 1:
                source = "direct-routing"
            else:
                source = rng.choices(sources_all, weights=[30, 25, 45])[0]
            start = base_int + k * RANGE_SIZE
            end = start + RANGE_SIZE - 1
            where = "range %s-%02d" % (code, k + 1)
            step = 1 if verify_all else 50
            for n in list(range(start, end + 1, step)) + [end]:
                check_number(fmt_num(n), cc, where)
            if source == "operator-connect":
                carrier, cost = rng.choice(oc_carriers), rng.uniform(*oc_cost)
            elif source == "direct-routing":
                carrier, cost = rng.choice(dr_carriers), rng.uniform(*dr_cost)
            else:
                carrier, cost = "Microsoft", rng.uniform(*cp_cost)
            ranges.append({
                "id": "%s-%02d" % (code, k + 1), "start": start, "end": end, "source": source, "carrier": carrier,
                "cost": round(cost, 2), "currency": currency, "assigned": assigned_per_range[ri],
                "location_id": site_loc if rng.random() < 0.7 else str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "used": bytearray(RANGE_SIZE), "entries": [],
            })
            stats["sources"][source] = stats["sources"].get(source, 0) + 1

        # --- slots: routing numbers first (low numbers of the first range), then blocks, then singles
        r0 = ranges[0]
        routing_ids = ["aa-%s-main" % code, "cq-%s-reception" % code, "aa-%s-support" % code,
                       "cq-%s-support" % code, "aa-%s-sales" % code, "cq-%s-sales" % code]
        routing_offsets = [0, 1, 10, 11, 20, 21]
        for off in routing_offsets:
            r0["used"][off] = 1

        slots = []  # (range, offset, role)
        for r in ranges:
            used = r["used"]
            # the other 100 entries: blocks first so they find contiguous space
            kinds = rng.choices(
                ["reserved-block", "reserved", "quarantine", "free", "free-block", "retired", "retired-block", "external"],
                weights=[8, 4, 30, 8, 2, 20, 3, 25], k=OTHER_PER_RANGE)
            for kind in kinds:
                if kind.endswith("-block"):
                    status = kind[:-6]
                    size = {"reserved": rng.choice([10, 20, 25, 50, 50, 100]), "free": rng.choice([5, 10, 20]),
                            "retired": rng.choice([10, 50, 100])}[status]
                    off = place_block(rng, used, size, 10 if size < 50 else 50)
                    r["entries"].append((off, block_entry(rng, names, code, site, r, status, off, size)))
            singles_needed = r["assigned"] - (len(routing_offsets) if r is r0 else 0)
            singles_needed += sum(1 for k_ in kinds if not k_.endswith("-block"))
            free_offsets = [i for i in range(RANGE_SIZE) if not used[i]]
            if singles_needed > len(free_offsets):
                fail("range %s is too full" % r["id"])
            picked = rng.sample(free_offsets, singles_needed)
            it = iter(picked)
            for kind in kinds:
                if not kind.endswith("-block"):
                    off = next(it)
                    used[off] = 1
                    r["entries"].append((off, single_other_entry(rng, names, code, site, r, kind, off, group)))
            n_assigned = r["assigned"] - (len(routing_offsets) if r is r0 else 0)
            dr = r["source"] == "direct-routing"
            n_device = round(n_assigned * 0.04) if dr else 0
            n_conf = 0 if dr else rng.randint(1, 3)
            n_res = round(n_assigned * 0.02)
            n_vip = round(n_assigned * 0.01)
            n_priv = round(n_assigned * 0.02)
            roles = (["device"] * n_device + ["conference"] * n_conf + ["resource"] * n_res + ["vip"] * n_vip
                     + ["private"] * n_priv)
            roles += ["user"] * (n_assigned - len(roles))
            rng.shuffle(roles)
            for off, role in zip(it, roles):
                used[off] = 1
                slots.append((r, off, role))

        # --- people of this site
        people = []  # (display, upn, dept)
        depts, dweights = zip(*DEPARTMENTS)
        for (r, off, role) in slots:
            if role in ("user", "vip"):
                display, upn = names.person(group)
                dept = "Executive Office" if role == "vip" else rng.choices(depts, weights=dweights)[0]
                people.append((display, upn, dept))
        by_dept = {}
        for p in people:
            by_dept.setdefault(p[2], []).append(p)
        private_holders = iter(rng.sample([p for p in people if p[2] != "Executive Office"],
                                          sum(1 for s in slots if s[2] == "private")))
        people_it = iter(people)
        counters = {}

        def nxt(name):
            counters[name] = counters.get(name, 0) + 1
            return counters[name]

        for (r, off, role) in slots:
            cp = r["source"] == "calling-plan"
            num = fmt_num(r["start"] + off)
            lines = ['  - number: "%s"' % num, "    status: assigned"]
            reviewed = rand_date(rng, review_from, TODAY)
            if role in ("user", "vip", "private"):
                display, upn, dept = next(private_holders) if role == "private" else next(people_it)
                kind = "vip" if role == "vip" else "user"
                lines += ["    kind: " + kind, "    assigned_to: " + upn]
                if role == "vip":
                    lines += ["    owner: " + qstr("Executive Office " + site), "    department: Executive Office"]
                else:
                    lines += ["    owner: " + upn, "    department: " + qstr(dept)]
                if role == "private":
                    lines.append("    category: private")
                lic = "Teams Phone with Calling Plan" if cp else rng.choice(["Teams Phone Standard", "Microsoft 365 E5", "Microsoft 365 E5"])
                lines.append("    license: " + lic)
                tags = []
                if role == "vip":
                    tags = ["vip", "board"] if rng.random() < 0.2 else ["vip"]
                elif role == "private":
                    tags = ["private-line"]
                elif dept in DEPT_TAG and rng.random() < 0.6:
                    tags = [DEPT_TAG[dept]]
                    if rng.random() < 0.15:
                        tags.append(code)
                if tags:
                    lines.append("    tags: [%s]" % ", ".join(tags))
                lines.append("    reviewed: %s" % reviewed)
                if role == "vip":
                    lines.append("    note: " + qstr("%s, direct line; calls screened by assistant" % display))
                elif role == "private":
                    lines.append("    note: " + qstr("private line of %s, not shown in the directory" % display))
            elif role == "resource":
                n = nxt("room")
                floor = rng.randint(0, 8)
                lines += ["    kind: resource", "    assigned_to: room-%s-%d%02d@%s" % (code, floor, n, DOMAIN),
                          "    owner: " + qstr("Facilities " + site), "    department: Facilities",
                          "    license: Teams Rooms Pro", "    tags: [meeting-room]", "    reviewed: %s" % reviewed,
                          "    note: " + qstr("Meeting room %d.%02d" % (floor, n))]
            elif role == "device":
                n = nxt("cap")
                lines += ["    kind: device", "    assigned_to: cap-%s-%03d@%s" % (code, n, DOMAIN),
                          "    owner: facilities.%s@%s" % (code, DOMAIN), "    department: Facilities",
                          "    license: Teams Shared Devices", "    reviewed: %s" % reviewed,
                          "    note: " + qstr(rng.choice(["common area phone, canteen", "common area phone, reception desk",
                                                          "warehouse phone", "lobby courtesy phone", "loading dock phone",
                                                          "lab phone", "common area phone, floor %d" % rng.randint(1, 8)]))]
            elif role == "conference":
                n = nxt("conf")
                lines += ["    kind: conference", "    assigned_to: audioconf-%s-%d@%s" % (code, n, DOMAIN),
                          "    owner: IT Collaboration", "    department: IT",
                          "    license: Microsoft Teams Audio Conferencing", "    tags: [dial-in]",
                          "    reviewed: %s" % reviewed, "    note: " + qstr("Audio conferencing dial-in, %s" % site)]
            r["entries"].append((off, lines))
            stats["kinds"][role] = stats["kinds"].get(role, 0) + 1

        # --- routing: numbers and entries
        def agents(dept_names, k):
            pool = [p for d in dept_names for p in by_dept.get(d, [])] or people
            return [p[1] for p in rng.sample(pool, min(k, len(pool)))]

        reception = agents(["Customer Service", "Facilities"], rng.randint(3, 6))
        support = agents(["IT"], rng.randint(4, 10))
        sales = agents(["Sales"], rng.randint(4, 12))
        sales_mgr = agents(["Sales"], 1)[0]
        it_lead = support[0]
        rec_vm = "voicemail:" + reception[0]
        loop_back = rng.random() < 0.2  # some queues overflow back to their auto attendant (a loop with exits)
        routing = [
            {"id": routing_ids[0], "type": "auto-attendant", "business_hours": routing_ids[1], "after_hours": rec_vm,
             "holidays": rec_vm, "owner": "Front Office " + site, "department": "Front Office",
             "note": "Main switchboard, printed on letterhead"},
            {"id": routing_ids[1], "type": "call-queue", "agents": reception,
             "overflow": routing_ids[0] if loop_back else rec_vm, "timeout": rec_vm,
             "owner": "Front Office " + site, "department": "Front Office"},
            {"id": routing_ids[2], "type": "auto-attendant", "business_hours": routing_ids[3],
             "after_hours": "external:" + SERVICE_DESK, "holidays": "external:" + SERVICE_DESK,
             "owner": "IT Service Desk", "department": "IT"},
            {"id": routing_ids[3], "type": "call-queue", "agents": support,
             "overflow": hq_support if routing_ids[3] != hq_support else "external:" + SERVICE_DESK,
             "timeout": "voicemail:" + it_lead, "no_agents": "external:" + SERVICE_DESK,
             "owner": "IT Service Desk", "department": "IT"},
            {"id": routing_ids[4], "type": "auto-attendant", "business_hours": routing_ids[5],
             "after_hours": "voicemail:" + sales_mgr, "owner": sales_mgr, "department": "Sales"},
            {"id": routing_ids[5], "type": "call-queue", "agents": sales, "timeout": sales_mgr,
             "no_agents": "voicemail:" + sales_mgr, "owner": sales_mgr, "department": "Sales"},
        ]
        for rt, off in zip(routing, routing_offsets):
            rt["resource_account"] = "%s@%s" % (rt["id"], DOMAIN)
            lines = ['  - number: "%s"' % fmt_num(r0["start"] + off), "    status: assigned",
                     "    kind: " + rt["type"], "    assigned_to: " + rt["resource_account"],
                     "    owner: " + qstr(rt["owner"]), "    department: " + qstr(rt["department"]),
                     "    routing: " + rt["id"], "    license: Teams Phone Resource Account",
                     "    reviewed: %s" % rand_date(rng, review_from, TODAY)]
            if off == 0:
                lines.append("    note: Main switchboard")
            r0["entries"].append((off, lines))
            stats["kinds"][rt["type"]] = stats["kinds"].get(rt["type"], 0) + 1

        # --- write the site file
        out = ["# %s (%s): ranges, numbers and call routing." % (site, cc),
               "# Generated by Benchmarks/generate_reference.py (seed %d); do not edit." % seed, "", "ranges:"]
        for r in ranges:
            out += ["  - id: " + r["id"], "    block: %s..%s" % (fmt_num(r["start"]), fmt_num(r["end"])),
                    "    source: " + r["source"], "    carrier: " + qstr(r["carrier"]), "    country: " + cc,
                    "    site: " + qstr(site), "    location_id: " + r["location_id"],
                    "    cost: { per_number_month: %.2f, currency: %s }" % (r["cost"], r["currency"])]
            if r["source"] == "direct-routing":
                out.append("    note: " + qstr("SIP trunk via sbc1.%s.%s and sbc2.%s.%s" % (code, DOMAIN, code, DOMAIN)))
            stats["ranges"] += 1
            stats["range_numbers"] += r["end"] - r["start"] + 1
        out += ["", "numbers:"]
        for r in ranges:
            r["entries"].sort(key=lambda e: e[0])
            for _, lines in r["entries"]:
                out.extend(lines)
                st = lines[1].split(": ", 1)[1]
                stats["statuses"][st] = stats["statuses"].get(st, 0) + 1
        out += ["", "routing:"]
        for rt in routing:
            out += ["  - id: " + rt["id"], "    type: " + rt["type"], "    resource_account: " + rt["resource_account"]]
            for key in ("business_hours", "after_hours", "holidays"):
                if key in rt:
                    out.append("    %s: %s" % (key, rt[key]))
            if "agents" in rt:
                out.append("    agents:")
                out += ["      - " + a for a in rt["agents"]]
            for key in ("overflow", "timeout", "no_agents", "owner", "department", "note"):
                if key in rt:
                    out.append("    %s: %s" % (key, qstr(rt[key])))
            stats["routing"] += 1
        text = "\n".join(out) + "\n"
        d = os.path.join(outdir, "sites", cc.lower())
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, slug(site) + ".yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        stats["files"] += 1
        stats["bytes"] += len(text.encode("utf-8"))
        stats["lines"] += text.count("\n")
    st = stats["statuses"]
    stats["assigned"] = st.get("assigned", 0)
    stats["other"] = sum(v for k, v in st.items() if k != "assigned")
    return stats


def block_entry(rng, names, code, site, r, status, off, size):
    a = fmt_num(r["start"] + off)
    b = fmt_num(r["start"] + off + size - 1)
    lines = ["  - block: %s..%s" % (a, b), "    status: " + status]
    if status == "reserved":
        until = TODAY + dt.timedelta(days=rng.randint(7, 170))
        reason = rng.choice(RESERVE_REASONS).format(q="Q%d %d" % ((until.month - 1) // 3 + 1, until.year),
                                                    f=rng.randint(1, 9), season=rng.choice(["spring 2027", "winter 2026"]))
        lines += ["    until: %s" % until, "    reason: " + qstr(reason),
                  "    owner: " + rng.choice(["facilities.%s@%s" % (code, DOMAIN), "Sales " + site, "IT Voice Team"])]
    elif status == "free":
        lines.append("    note: " + qstr("released after quarantine, %s" % (TODAY - dt.timedelta(days=rng.randint(1, 300)))))
    elif status == "retired":
        lines.append("    note: " + qstr("returned to %s %s" % (r["carrier"], (TODAY - dt.timedelta(days=rng.randint(30, 900))).strftime("%Y-%m"))))
    return lines


def single_other_entry(rng, names, code, site, r, status, off, group):
    lines = ['  - number: "%s"' % fmt_num(r["start"] + off), "    status: " + status]
    if status == "reserved":
        until = TODAY + dt.timedelta(days=rng.randint(7, 170))
        lines += ["    until: %s" % until,
                  "    reason: " + qstr(rng.choice(["new hire, starts %s" % (until - dt.timedelta(days=rng.randint(0, 5))),
                                                    "replacement for a ported number", "VIP vanity number",
                                                    "hotline for product launch"])),
                  "    owner: " + rng.choice(["HR Onboarding", "IT Voice Team", "facilities.%s@%s" % (code, DOMAIN)])]
    elif status == "quarantine":
        days = rng.randint(95, 200) if rng.random() < 0.03 else rng.randint(1, 85)
        display = "%s %s" % (rng.choice(FIRST[group]), rng.choice(LAST[group]))
        lines += ["    since: %s" % (TODAY - dt.timedelta(days=days)),
                  "    note: " + qstr("released when %s left" % display)]
    elif status == "free":
        lines.append("    note: " + qstr("quarantine ended %s" % (TODAY - dt.timedelta(days=rng.randint(1, 400)))))
    elif status == "retired":
        lines.append("    note: " + qstr("ported out %s" % (TODAY - dt.timedelta(days=rng.randint(30, 900))).strftime("%Y-%m")))
    elif status == "external":
        if r["source"] == "direct-routing" and rng.random() < 0.7:
            lines.append("    kind: device")
        lines += ["    owner: facilities.%s@%s" % (code, DOMAIN), "    note: " + qstr(rng.choice(EXTERNAL_NOTES))]
    return lines


DDI_YAML = """\
# Reference inventory for the ddi benchmarks (README, Performance).
# Generated by Benchmarks/generate_reference.py; do not edit.
version: 1
tenant: contoso.onmicrosoft.com
live: live/
policy:
  quarantine_days: 90
  reservation_max_days: 180
  review_max_age_days: 365
  require_range: true
safety:
  max_unassign_percent: 10
  max_reassign_percent: 20
  min_existing: 10
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", nargs="?", default=os.path.join(here, "work", "reference"))
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--verify-all", action="store_true", help="check every number of every range with phonenumbers")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    stats = generate(args.outdir, args.seed, args.verify_all)
    secs = time.perf_counter() - t0
    if stats["assigned"] != TOTAL_ASSIGNED or stats["other"] != OTHER_PER_RANGE * len(SITES) * RANGES_PER_SITE:
        fail("wrong totals: %r" % stats)
    if not args.quiet:
        print("reference inventory: %s" % args.outdir)
        print("  files: %d inventory + ddi.yaml, %d lines, %.1f MB" % (stats["files"], stats["lines"], stats["bytes"] / 1e6))
        print("  ranges: %d (%s), %d numbers" % (stats["ranges"], ", ".join("%s %d" % kv for kv in sorted(stats["sources"].items())), stats["range_numbers"]))
        print("  entries: %d assigned + %d other (%s)" % (stats["assigned"], stats["other"], ", ".join(
            "%s %d" % kv for kv in sorted(stats["statuses"].items()) if kv[0] != "assigned")))
        print("  assigned by role: %s" % ", ".join("%s %d" % kv for kv in sorted(stats["kinds"].items())))
        print("  routing entries: %d" % stats["routing"])
        print("  phonenumbers %s; generated in %.1f s" % (phonenumbers.__version__, secs))


if __name__ == "__main__":
    main()
