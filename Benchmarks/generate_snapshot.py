#!/usr/bin/env python3
"""Generate a live snapshot of the reference tenant for the `ddi plan` benchmark, deterministically.

    python3 Benchmarks/generate_snapshot.py [REF] [OUTDIR] [--seed N]

REF defaults to Benchmarks/work/reference (run generate_reference.py first), OUTDIR to
Benchmarks/work/snapshot (gitignored; replaced). It writes what an admin exports with the
MicrosoftTeams module (PowerShell 7):

  phone-numbers.json      Get-CsPhoneNumberAssignment | ConvertTo-Json -Depth 5 -EnumsAsStrings
                          exactly 100,000 records, with every property the cmdlet returns
  users.json              Get-CsOnlineUser | ConvertTo-Json (one record per user in the snapshot)
  resource-accounts.json  Get-CsOnlineApplicationInstance | ConvertTo-Json

The snapshot is the declared state with about 1% drift, so that the plan does real work in every
branch: numbers unassigned in Teams (assign), tags and locations changed (update), numbers held by
someone else (reassign), reserved and quarantined numbers still assigned (unassign), ghost numbers
(undeclared) and disabled accounts.

The reference inventory is machine-written, so it is read line by line here (PyYAML takes
minutes on 27 MB); the format it relies on is generate_reference.py's.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDS = 100_000
NAMESPACE = uuid.UUID("0b5e1f0c-7a52-4d1e-9a43-1c8d2f6e9b70")
TEAMS_TYPE = {"operator-connect": "OperatorConnect", "calling-plan": "CallingPlan", "direct-routing": "DirectRouting"}
AUTO_ATTENDANT_APP = "ce933385-9390-45d1-9512-c8d228074e07"
CALL_QUEUE_APP = "11cd3e2e-fccb-42ad-ad00-878b93575e07"
KEY = re.compile(r"^(\s*)(-\s+)?([a-z_]+):\s*(.*?)\s*$")


def object_id(upn):
    return str(uuid.uuid5(NAMESPACE, upn.lower()))


def scalar(text):
    text = text.split(" #")[0].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def read_inventory(ref):
    """Ranges and number entries, each a dict of the keys the plan needs."""
    ranges, entries = [], []
    for directory, subdirs, files in os.walk(ref):
        subdirs.sort()
        for name in sorted(files):
            if not name.endswith(".yaml") or name == "ddi.yaml":
                continue
            section, current = None, None
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                for line in f:
                    if not line.strip() or line.lstrip().startswith("#"):
                        continue
                    if not line.startswith(" "):
                        section = line.split(":")[0]
                        current = None
                        continue
                    m = KEY.match(line)
                    if not m:
                        continue
                    _, dash, key, value = m.groups()
                    if dash:
                        current = {}
                        if section == "ranges":
                            ranges.append(current)
                        elif section == "numbers":
                            entries.append(current)
                        else:
                            current = None
                    if current is None:
                        continue
                    if key == "tags":
                        current[key] = [scalar(t) for t in value.strip("[]").split(",") if t.strip()]
                    else:
                        current[key] = scalar(value)
    return ranges, entries


class RangeIndex:
    def __init__(self, ranges):
        self.items = []
        for r in ranges:
            first, last = (s.strip() for s in r["block"].split(".."))
            self.items.append((int(first[1:]), int(last[1:]), len(first), r))
        self.items.sort(key=lambda i: i[0])
        self.starts = [i[0] for i in self.items]

    def find(self, number):
        import bisect
        base = number.split(";")[0]
        value = int(base[1:])
        pos = bisect.bisect_right(self.starts, value) - 1
        if pos >= 0:
            first, last, length, r = self.items[pos]
            if first <= value <= last and length == len(base):
                return r
        return None


def record(number, rng, status, target, category, location, tags):
    return {
        "ActivationState": "Activated",
        "AssignedPstnTargetId": target,
        "AssignmentCategory": category,
        "Capability": ["UserAssignment", "VoiceApplicationAssignment", "ConferenceAssignment"]
        if rng["source"] != "direct-routing" else ["UserAssignment", "VoiceApplicationAssignment"],
        "City": None,
        "CivicAddressId": str(uuid.uuid5(NAMESPACE, "civic:" + (location or ""))),
        "IsoCountryCode": rng["country"],
        "IsoSubdivision": None,
        "LocationId": location,
        "LocationUpdateSupported": True,
        "NetworkSiteId": None,
        "NumberSource": "OnPremises" if rng["source"] == "direct-routing" else "Online",
        "NumberType": TEAMS_TYPE[rng["source"]],
        "OperatorId": str(uuid.uuid5(NAMESPACE, "operator:" + rng.get("carrier", ""))),
        "PortInOrderStatus": None,
        "PstnAssignmentStatus": status,
        "PstnPartnerId": None,
        "PstnPartnerName": rng.get("carrier"),
        "SupportedCustomerActions": ["ReleaseNumber", "UpdateEmergencyAddress"],
        "Tag": tags,
        "TelephoneNumber": number,
        "ReverseNumberLookup": [],
        "RoutingOptions": [],
        "SmsActivationState": None,
    }


def generate(ref, out, seed):
    rnd = random.Random(seed)
    ranges, entries = read_inventory(ref)
    index = RangeIndex(ranges)
    assigned = [e for e in entries if e.get("status") == "assigned" and "number" in e]
    others = [e for e in entries if e.get("status") in ("reserved", "quarantine", "free", "retired") and "number" in e]
    if len(assigned) < RECORDS - 2000:
        sys.exit(f"generate_snapshot.py: the reference has only {len(assigned)} assigned numbers")
    users, apps = {}, {}
    numbers = []
    conference = str(uuid.uuid5(NAMESPACE, "conference-bridge"))
    counts = {"assign": 0, "update": 0, "reassign": 0, "unassign": 0, "undeclared": 0, "disabled": 0}

    def holder(upn, kind):
        if kind in ("auto-attendant", "call-queue"):
            apps[upn] = AUTO_ATTENDANT_APP if kind == "auto-attendant" else CALL_QUEUE_APP
            return "VoiceApplicationAssigned"
        users.setdefault(upn, True)
        return "UserAssigned"

    budget = RECORDS - 1500  # room for unassign drift and ghosts
    for entry in assigned[:budget]:
        number, upn, kind = entry["number"], entry["assigned_to"], entry.get("kind")
        rng = index.find(number)
        location = (entry.get("location_id") or rng.get("location_id") or "").lower() or None
        category = (entry.get("category") or "primary").capitalize()
        tags = list(entry.get("tags") or [])
        status = "ConferenceAssigned" if kind == "conference" else holder(upn, kind)
        target = conference if kind == "conference" else object_id(upn)
        roll = rnd.random()
        if roll < 0.003:
            counts["assign"] += 1
            status, target, category = "Unassigned", None, None
            if rng["source"] == "direct-routing":
                continue  # Direct Routing numbers exist only while assigned
        elif roll < 0.006:
            counts["update"] += 1
            tags = tags + ["legacy"]
        elif roll < 0.008 and kind in ("user", "vip"):
            counts["reassign"] += 1
            other = f"former.holder{counts['reassign']}@contoso.com"
            users[other] = True
            target = object_id(other)
        elif roll < 0.009 and kind == "user":
            counts["disabled"] += 1
            users[upn] = False
        numbers.append(record(number, rng, status, target, category, location, tags))
    for entry in others:
        if len(numbers) >= RECORDS - 300:
            break
        rng = index.find(entry["number"])
        if rng is None or rng["source"] == "direct-routing":
            continue
        location = (rng.get("location_id") or "").lower() or None
        if entry["status"] in ("reserved", "quarantine") and rnd.random() < 0.3:
            counts["unassign"] += 1
            upn = f"leaver{counts['unassign']}@contoso.com"
            users[upn] = False
            numbers.append(record(entry["number"], rng, "UserAssigned", object_id(upn), "Primary", location, []))
        elif entry["status"] != "retired":
            numbers.append(record(entry["number"], rng, "Unassigned", None, None, location, []))
    declared = {e.get("number") for e in entries}
    for rng in ranges:
        if len(numbers) >= RECORDS:
            break
        if rng["source"] == "direct-routing":
            continue
        first = int(rng["block"].split("..")[1].strip()[1:])
        for offset in range(0, 40):
            number = f"+{first - offset}"
            if number in declared or len(numbers) >= RECORDS:
                continue
            counts["undeclared"] += 1
            upn = f"ghost{counts['undeclared']}@contoso.com"
            users[upn] = True
            numbers.append(record(number, rng, "UserAssigned", object_id(upn), "Primary", (rng.get("location_id") or "").lower() or None, []))
    if len(numbers) != RECORDS:
        sys.exit(f"generate_snapshot.py: made {len(numbers)} records, expected {RECORDS}")

    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "phone-numbers.json"), "w", encoding="utf-8") as f:
        json.dump(numbers, f, indent=2)
        f.write("\n")
    user_records = [{
        "Identity": object_id(upn), "UserPrincipalName": upn, "DisplayName": upn.split("@")[0],
        "LineUri": None, "AccountEnabled": enabled, "EnterpriseVoiceEnabled": True, "AccountType": "User",
    } for upn, enabled in sorted(users.items())]
    with open(os.path.join(out, "users.json"), "w", encoding="utf-8") as f:
        json.dump(user_records, f, indent=2)
        f.write("\n")
    app_records = [{
        "ObjectId": object_id(upn), "UserPrincipalName": upn, "DisplayName": upn.split("@")[0],
        "PhoneNumber": None, "ApplicationId": app,
    } for upn, app in sorted(apps.items())]
    with open(os.path.join(out, "resource-accounts.json"), "w", encoding="utf-8") as f:
        json.dump(app_records, f, indent=2)
        f.write("\n")
    print(f"wrote {out}: {len(numbers)} numbers, {len(user_records)} users, {len(app_records)} resource accounts; drift {counts}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ref", nargs="?", default=os.path.join(HERE, "work", "reference"))
    parser.add_argument("out", nargs="?", default=os.path.join(HERE, "work", "snapshot"))
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.ref, "ddi.yaml")):
        sys.exit(f"generate_snapshot.py: no reference inventory in {args.ref}: run Benchmarks/generate_reference.py first")
    generate(args.ref, args.out, args.seed)


if __name__ == "__main__":
    main()
