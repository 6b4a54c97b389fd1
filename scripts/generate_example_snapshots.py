#!/usr/bin/env python3
"""Writes the live snapshots of the example tenants (deterministic; run after editing an example).

examples/contoso/live/   Get-CsPhoneNumberAssignment | ConvertTo-Json -EnumsAsStrings (PowerShell 7),
examples/contoso/live/   Get-CsPhoneNumberAssignment | ConvertTo-Json -EnumsAsStrings (PowerShell 7),
                         Get-CsOnlineUser (users and resource accounts, with usage location, licences,
                         Enterprise Voice and voice routing policy), Get-CsOnlineApplicationInstance
                         and Get-CsOnlineLisLocation as JSON. The snapshot is the declared state with
                         deliberate drift (DRIFT below), so that `ddi plan -C examples/contoso` shows
                         every action kind and the warning findings, and exits 0 (it is the README's
                         quick start).
examples/northwind/live/ as contoso's, drifted so that the plan has the error findings and exits 1.
examples/fabrikam/live/  Microsoft Graph numberAssignments pages (chained by @odata.nextLink, base64
                         ids as Graph writes them) and the directory as Export-Csv files (Windows
                         PowerShell 5.1 style: UTF-8 BOM, #TYPE line; list columns read
                         System.Object[], so licences are "not checked"). In sync with
                         examples/fabrikam: no changes.

Records follow the documented outputs: Get-CsPhoneNumberAssignment (Examples 1 and 2 of
https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment) and Graph
numberAssignment (https://learn.microsoft.com/graph/api/resources/teamsadministration-numberassignment):
capabilities by holder (service numbers: conference and voice application; subscriber numbers:
user; Direct Routing: all three), the city of Calling Plan and Operator Connect numbers, a null
OperatorId on Operator Connect numbers, the all-zero GUID for "no location" on Direct Routing.

Usage: python3 scripts/generate_example_snapshots.py   (needs PyYAML)
"""
import base64
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
ZERO_GUID = "00000000-0000-0000-0000-000000000000"
# Operator ids as documented: Microsoft Calling Plan (Example 1), a Direct Routing number (Example 2).
# Operator Connect numbers carry a null OperatorId.
CALLING_PLAN_OPERATOR = "2b24d246-a9ee-428b-96bc-fb9d9a053c8d"
CALLING_PLAN_PARTNER = "7fc2f2eb-89aa-41d7-93de-73d015d22ff0"
DIRECT_ROUTING_OPERATOR = "83d289bc-a4d3-41e6-8a3f-cff260a3f091"
SERVICE_KINDS = ("auto-attendant", "call-queue", "campaign", "conference")
SERVICE_CAPABILITIES = ["ConferenceAssignment", "VoiceApplicationAssignment"]
SUBSCRIBER_CAPABILITIES = ["UserAssignment"]
DIRECT_ROUTING_CAPABILITIES = ["ConferenceAssignment", "VoiceApplicationAssignment", "UserAssignment"]
# Service plans (https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference).
PLANS_USER = ["TEAMS1", "MCOEV", "MCOMEETADV"]
PLAN_CALLING = "MCOPSTN1"
PLAN_RESOURCE_ACCOUNT = "MCOEV_VIRTUALUSER"


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
        self.app_lines = {}      # upn -> number of a resource account
        self.declared_kind = {}  # number -> kind in the inventory
        self.country_of = country_of
        for entry in numbers:
            status = entry["status"]
            for number in expand(entry):
                rng = range_of(ranges, number)
                self.declared_kind[number] = entry.get("kind", "user")
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
            self.app_lines[upn] = number
        else:
            record.update(status="UserAssigned", target=object_id(upn))
            self.users.setdefault(upn, {"enabled": enabled, "type": "User", "line": number})
        record.update(category=category.capitalize(), tags=list(tags))
        if location:
            record["location"] = location
        self.records[number] = record

    def remove(self, number):
        self.records.pop(number, None)


def sorted_numbers(tenant):
    return sorted(tenant.records, key=lambda n: (len(n.split(";")[0]), n))


def capabilities(tenant, number, record):
    """What Teams lets the number be used for: service numbers (conference and voice applications)
    and subscriber numbers (users) from an operator; any use for Direct Routing."""
    if record["type"] == "direct-routing":
        return DIRECT_ROUTING_CAPABILITIES
    held_by_service = record["status"] in ("VoiceApplicationAssigned", "ConferenceAssigned")
    if held_by_service or (record["status"] == "Unassigned" and tenant.declared_kind.get(number) in SERVICE_KINDS):
        return SERVICE_CAPABILITIES
    return SUBSCRIBER_CAPABILITIES


def city(tenant, number):
    rng = range_of(tenant.ranges, number)
    if rng["source"] == "direct-routing":
        return None
    return rng.get("site", "").replace(" HQ", "") or None


def operator(record):
    return {"calling-plan": CALLING_PLAN_OPERATOR, "direct-routing": DIRECT_ROUTING_OPERATOR}.get(record["type"])


def teams_json(tenant):
    out = []
    for number in sorted_numbers(tenant):
        r = tenant.records[number]
        rng = range_of(tenant.ranges, number)
        location = r["location"] or (ZERO_GUID if r["type"] == "direct-routing" else None)
        out.append({
            "TelephoneNumber": number,
            "OperatorId": operator(r),
            "NumberType": TEAMS_TYPE[r["type"]],
            "ActivationState": "Activated",
            "AssignedPstnTargetId": r["target"],
            "AssignmentCategory": r["category"],
            "Capability": capabilities(tenant, number, r),
            "City": city(tenant, number),
            "CivicAddressId": civic_address(location),
            "IsoCountryCode": r["country"],
            "IsoSubdivision": None,
            "LocationId": location,
            "LocationUpdateSupported": True,
            "NetworkSiteId": None,
            "PortInOrderStatus": None,
            "PstnAssignmentStatus": r["status"],
            "PstnPartnerId": CALLING_PLAN_PARTNER if r["type"] == "calling-plan" else None,
            "PstnPartnerName": "Microsoft" if r["type"] == "calling-plan" else (rng.get("carrier") if r["type"] == "operator-connect" else None),
            "NumberSource": "Online",
            "ReverseNumberLookup": [],
            "Tag": r["tags"],
            "AssignmentBlockedState": "NotBlocked",
            "AssignmentBlockedUntil": None,
            "SmsActivationState": "NotActivated",
        })
    return out


def civic_address(location):
    if location is None:
        return None
    if location == ZERO_GUID:
        return ZERO_GUID
    return str(uuid.uuid5(NAMESPACE, "civic:" + location))


def display_name(upn):
    return upn.split("@")[0].replace(".", " ").replace("-", " ").title()


def plans(names, assigned="2025-01-06T09:00:00Z"):
    """Get-CsOnlineUser's AssignedPlan: a JSON array since module 3.0.0."""
    return [{"AssignedTimestamp": assigned, "Capability": name, "CapabilityStatus": "Enabled"} for name in names]


def directory(tenant):
    """Every account of the tenant as Get-CsOnlineUser shows it: users, and resource accounts
    (AccountType ResourceAccount, disabled for sign-in by design), with their licences."""
    out = []
    for upn in sorted(tenant.users):
        user = tenant.users[upn]
        rng = range_of(tenant.ranges, user["line"]) if user.get("line") else None
        source = rng["source"] if rng else None
        out.append({
            "Identity": object_id(upn),
            "UserPrincipalName": upn,
            "DisplayName": display_name(upn),
            "AccountType": user["type"],
            "AccountEnabled": user["enabled"],
            "UsageLocation": tenant.country_of(rng) if rng else None,
            "LineUri": ("tel:" + user["line"]) if user.get("line") else None,
            "EnterpriseVoiceEnabled": True,
            "OnlineVoiceRoutingPolicy": (tenant.country_of(rng) + "-SBC") if source == "direct-routing" else None,
            "FeatureTypes": ["Teams", "AudioConferencing", "PhoneSystem"] + (["CallingPlan"] if source == "calling-plan" else []),
            "AssignedPlan": plans(PLANS_USER + ([PLAN_CALLING] if source == "calling-plan" else [])),
        })
    for upn in sorted(tenant.apps):
        line = tenant.app_lines.get(upn)
        rng = range_of(tenant.ranges, line) if line else None
        source = rng["source"] if rng else None
        out.append({
            "Identity": object_id(upn),
            "UserPrincipalName": upn,
            "DisplayName": display_name(upn),
            "AccountType": "ResourceAccount",
            "AccountEnabled": False,
            "UsageLocation": tenant.country_of(rng) if rng else None,
            "LineUri": ("tel:" + line) if line else None,
            "EnterpriseVoiceEnabled": True,
            "OnlineVoiceRoutingPolicy": (tenant.country_of(rng) + "-SBC") if source == "direct-routing" else None,
            "FeatureTypes": ["VoiceApp"],
            "AssignedPlan": plans([PLAN_RESOURCE_ACCOUNT] + ([PLAN_CALLING] if source == "calling-plan" else [])),
        })
    return out


def apps_json(tenant):
    return [{
        "ObjectId": object_id(upn),
        "UserPrincipalName": upn,
        "DisplayName": display_name(upn),
        "PhoneNumber": ("tel:" + tenant.app_lines[upn]) if upn in tenant.app_lines else None,
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
    write_powershell_json(os.path.join(root, "live"), tenant, CONTOSO_LOCATIONS)


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


def write_powershell_json(live, tenant, locations=None):
    write(os.path.join(live, "phone-numbers.json"), dump_json(teams_json(tenant)))
    write(os.path.join(live, "users.json"), dump_json(directory(tenant)))
    if tenant.apps:
        write(os.path.join(live, "resource-accounts.json"), dump_json(apps_json(tenant)))
    if locations:
        write(os.path.join(live, "lis-locations.json"), dump_json(lis_locations(locations)))


# Get-CsOnlineLisLocation: the validated addresses the inventory names, and the Stockholm location
# that the DRIFT puts on one number. (location id, location name, street, house number, postal code, city, country)
CONTOSO_LOCATIONS = [
    ("0b8e2f61-93c4-4d2a-a7e5-5c1f09d3b472", None, "Åboulevarden", "70", "8000", "Aarhus", "DK"),
    ("7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30", None, "Kalvebod Brygge", "12", "1560", "København V", "DK"),
    ("e51d3a08-2c7f-4b96-8f14-73a0c5d9b2e6", None, "Karl Johans gate", "16", "0154", "Oslo", "NO"),
    ("4c2a9d17-6e0b-4f83-b1a5-8d7e3f2c6a90", None, "Kungsgatan", "44", "111 35", "Stockholm", "SE"),
    ("9d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "5th floor (old office)", "Kungsgatan", "44", "111 35", "Stockholm", "SE"),
]


def lis_locations(locations):
    out = []
    for location_id, name, street, house, postal, town, country in locations:
        out.append({
            "LocationId": location_id,
            "CivicAddressId": civic_address(location_id if name is None else [l for l in locations if l[2] == street and l[1] is None][0][0]),
            "CompanyName": "Contoso",
            "Location": name,
            "Description": f"{street} {house}",
            "HouseNumber": house,
            "StreetName": street,
            "City": town,
            "PostalCode": postal,
            "CountryOrRegion": country,
            "ValidationStatus": "Validated",
            "IsDefault": name is None,
        })
    return out


def graph_id(tenant_id, number):
    """Graph's numberAssignment ids look like base64 of "tenant id|number" without padding
    (the documented id YmMy...fCsxMjAy... decodes to "bc2632e3-...|+1202...")."""
    return base64.urlsafe_b64encode(f"{tenant_id}|{number}".encode()).decode().rstrip("=")


def graph_pages(tenant, page_size, tenant_id):
    records = []
    for number in sorted_numbers(tenant):
        r = tenant.records[number]
        location = r["location"]
        records.append({
            "@odata.type": "#microsoft.graph.teamsAdministration.numberAssignment",
            "id": graph_id(tenant_id, number),
            "telephoneNumber": number,
            "operatorId": operator(r),
            "numberType": GRAPH_TYPE[r["type"]],
            "activationState": "activated",
            "capabilities": [c[0].lower() + c[1:] for c in capabilities(tenant, number, r)],
            "locationId": location,
            "civicAddressId": civic_address(location),
            "networkSiteId": None,
            "assignmentTargetId": r["target"],
            "assignmentCategory": r["category"].lower() if r["category"] else None,
            "portInStatus": None,
            "assignmentStatus": r["status"][0].lower() + r["status"][1:],
            "isoCountryCode": r["country"],
            "city": city(tenant, number),
            "numberSource": "online",
            "supportedCustomerActions": ["locationUpdate"] if r["type"] == "direct-routing" else ["locationUpdate", "release"],
            "reverseNumberLookupOptions": [],
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
    for index, page in enumerate(graph_pages(tenant, page_size=12, tenant_id=str(uuid.uuid5(NAMESPACE, "fabrikam-tenant"))), start=1):
        write(os.path.join(live, f"number-assignments-page-{index}.json"), dump_json(page))
    # Export-Csv writes list and object properties as their type name: AssignedPlan and the policy
    # do not survive, so the licence and routing-policy checks report "not checked" for fabrikam.
    accounts = [dict(account, AssignedPlan="System.Object[]", FeatureTypes="System.Object[]") for account in directory(tenant)]
    write(os.path.join(live, "users.csv"),
          csv_text(accounts, ["Identity", "UserPrincipalName", "DisplayName", "AccountType", "AccountEnabled", "UsageLocation", "LineUri",
                              "EnterpriseVoiceEnabled", "FeatureTypes", "AssignedPlan"],
                   "Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.OnlineUser"), bom=True)
    write(os.path.join(live, "resource-accounts.csv"),
          csv_text(apps_json(tenant), ["ObjectId", "UserPrincipalName", "DisplayName", "PhoneNumber", "ApplicationId"],
                   "Deserialized.Microsoft.Rtc.Management.Hosted.Online.Models.OnlineApplicationInstance"), bom=True)


if __name__ == "__main__":
    contoso()
    northwind()
    if os.path.exists(os.path.join(ROOT, "examples", "fabrikam", "ddi.yaml")):
        fabrikam()
