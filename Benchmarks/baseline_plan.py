#!/usr/bin/env python3
"""The Python baseline of the README's Performance section for `ddi plan`.

    python3 Benchmarks/baseline_plan.py INVENTORY_DIR SNAPSHOT_DIR

What a script comparing the inventory with a tenant export does at the least: load every inventory
file with PyYAML's CSafeLoader (libyaml), load the Get-CsPhoneNumberAssignment export
(`phone-numbers.json`) and the Get-CsOnlineUser and Get-CsOnlineApplicationInstance exports (`users.json`,
`resource-accounts.json`) with `json.load`, map user
object ids to UPNs, and count the single numbers whose holder differs: assign (declared assigned,
free in the tenant), unassign (held in the tenant, not declared assigned), reassign (held by another
identity). Nothing more: no blocks, no ranges, no findings, no preflight, no rendering. It prints
the counts. Exit status 0, or 2 when an input cannot be read.
"""

import json
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from baseline_validate import inventory_files  # noqa: E402


def declared_holders(root):
    with open(os.path.join(root, "ddi.yaml"), "rb") as f:
        config = yaml.load(f, Loader=yaml.CSafeLoader) or {}
    live = config.get("live")
    live_dir = os.path.normpath(os.path.join(root, live)) if live else None
    holders = {}
    for path in inventory_files(root, live_dir):
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader) or {}
        for entry in doc.get("numbers") or []:
            if "number" in entry:
                holders[str(entry["number"])] = entry.get("assigned_to") if entry.get("status") == "assigned" else None
    return holders


def live_holders(snapshot):
    upn_of = {}
    for export in ("users.json", "resource-accounts.json"):
        path = os.path.join(snapshot, export)
        if os.path.exists(path):
            with open(path, "rb") as f:
                upn_of.update({a.get("Identity") or a.get("ObjectId"): a.get("UserPrincipalName") for a in json.load(f)})
    with open(os.path.join(snapshot, "phone-numbers.json"), "rb") as f:
        records = json.load(f)
    return {r["TelephoneNumber"]: upn_of.get(r.get("AssignedPstnTargetId"), r.get("AssignedPstnTargetId"))
            for r in records}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: baseline_plan.py INVENTORY_DIR SNAPSHOT_DIR")
    try:
        declared = declared_holders(os.path.abspath(sys.argv[1]))
        live = live_holders(os.path.abspath(sys.argv[2]))
    except (OSError, ValueError, yaml.YAMLError) as problem:
        print("baseline_plan.py: %s" % problem, file=sys.stderr)
        return 2
    assign = unassign = reassign = 0
    for number, holder in declared.items():
        held_by = live.get(number)
        if holder and not held_by:
            assign += 1
        elif held_by and not holder:
            unassign += 1
        elif holder and held_by and holder.lower() != str(held_by).lower():
            reassign += 1
    print("declared=%d live=%d assign=%d unassign=%d reassign=%d" % (len(declared), len(live), assign, unassign, reassign))
    return 0


if __name__ == "__main__":
    sys.exit(main())
