#!/usr/bin/env python3
"""Writes the live snapshots of the example tenants (deterministic; run after editing an example).

examples/contoso/live/   Get-CsPhoneNumberAssignment | ConvertTo-Json -EnumsAsStrings (PowerShell 7),
                         Get-CsOnlineUser and Get-CsOnlineApplicationInstance as JSON. The snapshot is
                         the declared state with deliberate drift (DRIFT below), so that
                         `ddi plan -C examples/contoso` shows every action kind and the warning
                         findings, and exits 0 (it is the README's quick start).
examples/northwind/live/ as contoso's, drifted so that the plan has the error findings and exits 1.
examples/fabrikam/live/  Microsoft Graph numberAssignments pages (two files chained by
                         @odata.nextLink) and the directory as Export-Csv files (Windows PowerShell
                         5.1 style: UTF-8 BOM, #TYPE line). In sync with examples/fabrikam: no changes.

Usage: python3 scripts/generate_example_snapshots.py   (needs PyYAML)
"""
import csv
import io
import json
import os
import uuid

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMESPACE = uuid.UUID("6f1c2b7e-2d4a-4c9e-9a51-0d6e3f8b7c21")
AUTO_ATTENDANT_APP = "ce933385-9390-45d1-9512-c8d228074e07"
CALL_QUEUE_APP = "11cd3e2e-fccb-42ad-ad00-878b93575e07"
CONFERENCE_BRIDGE = str(uuid.uuid5(NAMESPACE, "audio-conferencing-bridge"))
TEAMS_TYPE = {"operator-connect": "OperatorConnect", "calling-plan": "CallingPlan", "direct-routing": "DirectRouting"}
GRAPH_TYPE = {"operator-connect": "operatorConnect", "calling-plan": "callingPlan", "direct-routing": "directRouting"}


def object_id(upn):
    return str(uuid.uuid5(NAMESPACE, upn.lower()))


def load_inventory(root):
    ranges, numbers = [], []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d != "live")
        for name in sorted(files):
            if not name.endswith((".yaml", ".yml")) or name == "ddi.yaml" and directory == root:
                continue
            data = yaml.safe_load(open(os.path.join(directory, name))) or {}
            ranges += data.get("ranges") or []
            numbers += data.get("numbers") or []
    return ranges, numbers


def digits(number):
    return int(number.split(";")[0].lstrip("+"))


def range_of(ranges, number):
    value, length = digits(number), len(number.split(";")[0]) - 1
    for rng in ranges:
        first, last = (s.strip() for s in str(rng["block"]).split(".."))
        if len(first) - 1 == length and digits(first) <= value <= digits(last):
            return rng
    raise SystemExit(f"{number} is in no range")


def expand(entry):
    if "number" in entry:
        return [str(entry["number"])]
    first, last = (s.strip() for s in str(entry["block"]).split(".."))
    return ["+" + str(v) for v in range(digits(first), digits(last) + 1)]


class Tenant:
    """The live state as a map number -> record, built from the declared state."""

    def __init__(self, ranges, numbers, country_of):
        self.ranges = ranges
        self.records = {}
        self.users = {}          # upn -> dict(enabled, type)
        self.apps = {}           # upn -> application id
        self.country_of = country_of
        for entry in numbers:
            status = entry["status"]
            for number in expand(entry):
                rng = range_of(ranges, number)
                if status == "assigned":
                    self.assign(number, entry["assigned_to"], entry.get("kind"), entry.get("category", "primary"),
                                entry.get("location_id") or rng.get("location_id"), entry.get("tags") or [])
                elif status in ("reserved", "quarantine", "free") and rng["source"] != "direct-routing":
                    self.unassigned(number)

    def record(self, number):
        rng = range_of(self.ranges, number)
        return {"number": number, "type": rng["source"], "status": "Unassigned", "target": None, "category": None,
                "location": rng.get("location_id"), "tags": [], "country": self.country_of(rng)}

    def unassigned(self, number):
        self.records[number] = self.record(number)

    def assign(self, number, upn, kind, category="primary", location=None, tags=(), enabled=True):
        record = self.records.get(number) or self.record(number)
        if kind == "conference":
            record.update(status="ConferenceAssigned", target=CONFERENCE_BRIDGE)
        elif kind in ("auto-attendant", "call-queue", "campaign"):
            record.update(status="VoiceApplicationAssigned", target=object_id(upn))
            self.apps[upn] = CALL_QUEUE_APP if kind == "call-queue" else AUTO_ATTENDANT_APP
        else:
            record.update(status="UserAssigned", target=object_id(upn))
            self.users.setdefault(upn, {"enabled": enabled, "type": "User", "line": number})
        record.update(category=category.capitalize(), tags=list(tags))
        if location:
            record["location"] = location
        self.records[number] = record

    def remove(self, number):
        self.records.pop(number, None)


def teams_json(tenant):
    out = []
    for number in sorted(tenant.records, key=lambda n: (len(n.split(";")[0]), n)):
        r = tenant.records[number]
        out.append({
            "ActivationState": "Activated",
            "AssignedPstnTargetId": r["target"],
            "AssignmentCategory": r["category"],
            "Capability": ["UserAssignment", "VoiceApplicationAssignment"] if r["type"] != "direct-routing" else ["UserAssignment"],
            "City": None,
            "CivicAddressId": None,
            "IsoCountryCode": r["country"],
            "IsoSubdivision": None,
            "LocationId": r["location"],
            "LocationUpdateSupported": True,
            "NetworkSiteId": None,
            "NumberSource": "OnPremises" if r["type"] == "direct-routing" else "Online",
            "NumberType": TEAMS_TYPE[r["type"]],
            "OperatorId": None,
            "PortInOrderStatus": None,
            "PstnAssignmentStatus": r["status"],
            "PstnPartnerId": None,
            "PstnPartnerName": None,
            "SupportedCustomerActions": [],
            "Tag": r["tags"],
            "TelephoneNumber": number,
            "ReverseNumberLookup": [],
        })
    return out


def users_json(tenant):
    out = []
    for upn in sorted(tenant.users):
        user = tenant.users[upn]
        out.append({
            "Identity": object_id(upn),
            "UserPrincipalName": upn,
            "DisplayName": upn.split("@")[0].replace(".", " ").title(),
            "LineUri": ("tel:" + user["line"]) if user.get("line") else None,
            "AccountEnabled": user["enabled"],
            "EnterpriseVoiceEnabled": True,
            "AccountType": user["type"],
        })
    return out


def apps_json(tenant):
    return [{
        "ObjectId": object_id(upn),
        "UserPrincipalName": upn,
        "DisplayName": upn.split("@")[0],
        "PhoneNumber": None,
        "ApplicationId": tenant.apps[upn],
    } for upn in sorted(tenant.apps)]


def write(path, text, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(text)


def dump_json(value):
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def contoso():
    root = os.path.join(ROOT, "examples", "contoso")
    ranges, numbers = load_inventory(root)
    tenant = Tenant(ranges, numbers, lambda rng: rng["country"])
    # A few numbers of each Operator Connect / Calling Plan range that nobody declares: free.
    for number in ["+4533121400", "+4533121401", "+46850551400", "+4587303090", "+4722930090"]:
        tenant.unassigned(number)
    # --- DRIFT: what changed in Teams behind the inventory's back ---------------------------------
    # assign: a new hire's number was never assigned in Teams; a Direct Routing extension is missing.
    tenant.unassigned("+4533121047")
    tenant.remove("+4538401100;ext=23")
    # update: tags lost, a wrong emergency location, the CEO's private line set to alternate.
    tenant.records["+4533121042"]["tags"] = []
    tenant.records["+46850551030"]["location"] = "9d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d"
    tenant.records["+4533121021"]["category"] = "Alternate"
    # reassign: rasmus.lind got the number of a colleague who moved to another team.
    tenant.assign("+4533121063", "mikkel.frost@contoso.com", "user")
    # unassign: numbers in quarantine are still assigned to the people who left.
    tenant.assign("+4533121048", "rikke.moller@contoso.com", "user", enabled=False, tags=["sales"])
    tenant.assign("+4722930003", "tor.solberg@contoso.com", "user", enabled=False)
    # not-in-tenant: a reserved number was released.
    tenant.remove("+4533121099")
    # undeclared: a ghost number, and a ghost on a disabled account.
    tenant.assign("+4533121080", "temp.reception@contoso.com", "user")
    tenant.assign("+4533121081", "jesper.krag@contoso.com", "user", enabled=False)
    # disabled-account: the Aarhus leaver whose number is still declared assigned.
    tenant.users["morten.lauridsen@contoso.com"]["enabled"] = False
    # The drift that makes findings of severity error is northwind's: contoso's plan exits 0.
    # -----------------------------------------------------------------------------------------------
    write_powershell_json(os.path.join(root, "live"), tenant)


def northwind():
    root = os.path.join(ROOT, "examples", "northwind")
    ranges, numbers = load_inventory(root)
    tenant = Tenant(ranges, numbers, lambda rng: rng["country"])
    # --- DRIFT that blocks apply: every error finding of the plan --------------------------------
    # not-in-tenant: a new Calling Plan number was never acquired.
    tenant.remove("+4722931004")
    # external-conflict: the customs fax line was given to a Teams account for a fax-to-mail trial.
    tenant.assign("+4538402191", "fax.customs@northwindtraders.com", "user")
    # unresolved-identity: anders.nyberg's UPN changed after his marriage; the inventory has the old one.
    upn = "anders.nyberg@northwindtraders.com"
    tenant.users["anders.nyberg.lind@northwindtraders.com"] = tenant.users.pop(upn)
    tenant.records["+4533122011"]["target"] = object_id("anders.nyberg.lind@northwindtraders.com")
    # -----------------------------------------------------------------------------------------------
    write_powershell_json(os.path.join(root, "live"), tenant)


def write_powershell_json(live, tenant):
    write(os.path.join(live, "phone-numbers.json"), dump_json(teams_json(tenant)))
    write(os.path.join(live, "users.json"), dump_json(users_json(tenant)))
    if tenant.apps:
        write(os.path.join(live, "resource-accounts.json"), dump_json(apps_json(tenant)))


def graph_pages(tenant, page_size):
    records = []
    for number in sorted(tenant.records, key=lambda n: (len(n.split(";")[0]), n)):
        r = tenant.records[number]
        records.append({
            "id": str(uuid.uuid5(NAMESPACE, "number:" + number)),
            "telephoneNumber": number,
            "operatorId": None,
            "numberType": GRAPH_TYPE[r["type"]],
            "activationState": "activated",
            "assignmentCategory": r["category"].lower() if r["category"] else "primary",
            "assignmentStatus": r["status"][0].lower() + r["status"][1:],
            "assignmentTargetId": r["target"],
            "capabilities": ["userAssignment"],
            "cityCode": None,
            "isoCountryCode": r["country"],
            "locationId": r["location"],
            "networkSiteId": None,
            "numberSource": "online" if r["type"] != "direct-routing" else "onPremises",
            "portInStatus": None,
            "reverseNumberLookupOptions": [],
            "supportedCustomerActions": [],
        })
    base = "https://graph.microsoft.com/v1.0/admin/teams/telephoneNumberManagement/numberAssignments"
    pages = []
    for start in range(0, len(records), page_size):
        page = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#admin/teams/telephoneNumberManagement/numberAssignments",
                "value": records[start:start + page_size]}
        if start + page_size < len(records):
            page["@odata.nextLink"] = f"{base}?$skiptoken=page{len(pages) + 2}"
        pages.append(page)
    return pages


def csv_text(rows, columns, type_name):
    out = io.StringIO()
    out.write(f"#TYPE {type_name}\r\n")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else ("True" if row.get(c) is True else "False" if row.get(c) is False else row.get(c)) for c in columns])
    return out.getvalue()


def fabrikam():
    root = os.path.join(ROOT, "examples", "fabrikam")
    ranges, numbers = load_inventory(root)
    tenant = Tenant(ranges, numbers, lambda rng: rng["country"])
    for number in ["+31207001090", "+31207001091"]:
        tenant.unassigned(number)
    live = os.path.join(root, "live")
    for index, page in enumerate(graph_pages(tenant, page_size=12), start=1):
        write(os.path.join(live, f"number-assignments-page-{index}.json"), dump_json(page))
    users = users_json(tenant)
    write(os.path.join(live, "users.csv"),
          csv_text(users, ["Identity", "UserPrincipalName", "DisplayName", "LineUri", "AccountEnabled", "EnterpriseVoiceEnabled", "AccountType"],
                   "Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.OnlineUser"), bom=True)
    write(os.path.join(live, "resource-accounts.csv"),
          csv_text(apps_json(tenant), ["ObjectId", "UserPrincipalName", "DisplayName", "PhoneNumber", "ApplicationId"],
                   "Deserialized.Microsoft.Rtc.Management.Hosted.Online.Models.OnlineApplicationInstance"), bom=True)


if __name__ == "__main__":
    contoso()
    northwind()
    if os.path.exists(os.path.join(ROOT, "examples", "fabrikam", "ddi.yaml")):
        fabrikam()
