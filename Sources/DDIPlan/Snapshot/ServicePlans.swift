/// The licences that decide whether an identity can hold a number: their service plans by the id
/// Graph's `assignedPlans` carries (`servicePlanId`) and the name PowerShell shows, and what the
/// preflight checks ask of them. Plans not listed are read as "licensed for something else".
/// Names and ids: "Product names and service plan identifiers for licensing",
/// https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference
enum ServicePlans {
    static let names: [String: String] = [
        "4828c8ec-dc2e-4779-b502-87ac9ce28ab7": "MCOEV",              // Microsoft 365 Phone System (Teams Phone Standard)
        "f47330e9-c134-43b3-9993-e7f004506889": "MCOEV_VIRTUALUSER",  // Teams Phone Resource Account (product PHONESYSTEM_VIRTUALUSER)
        "4ed3ff63-69d7-4fb7-b984-5aec7f605ca8": "MCOPSTN1",           // Domestic Calling Plan
        "5a10155d-f5c1-411a-a8ec-e99aae125390": "MCOPSTN2",           // Domestic and International Calling Plan
        "54a152dc-90de-4996-93d2-bc47e670fc06": "MCOPSTN5",           // Domestic Calling Plan (120 minutes)
        "505e180f-f7e0-4b65-91d4-00d670bbd18c": "MCOPSTNC",           // Communications Credits
        "3e26ee1f-8a5f-4d52-aee2-b81ce45c8f40": "MCOMEETADV",         // Microsoft 365 Audio Conferencing
    ]

    /// `capabilityStatus` values of a plan that works: Graph's `assignedPlan` documents "Enabled";
    /// "Warning" is a subscription in its grace period, still working.
    /// https://learn.microsoft.com/graph/api/resources/assignedplan
    static let workingStatuses: Set<String> = ["enabled", "warning"]

    /// Teams Phone (formerly Phone System): `MCOEV` and its cloud variants (`MCOEV_GOV`, `MCOEV_DOD`, ...).
    static func hasTeamsPhone(_ plans: [String]) -> Bool {
        plans.contains { plan in
            let name = plan.uppercased()
            return (name == "MCOEV" || name.hasPrefix("MCOEV_")) && !name.hasPrefix("MCOEV_VIRTUALUSER")
        }
    }

    /// Calling Plans: `MCOPSTN1` (domestic), `MCOPSTN2` (domestic and international), `MCOPSTN5`,
    /// `MCOPSTN6`, `MCOPSTN8`, `MCOPSTN_5`, ... Communication Credits (`MCOPSTNC`) and the pay-per-minute
    /// plan of credits (`MCOPSTNPP`) are not Calling Plans.
    static func hasCallingPlan(_ plans: [String]) -> Bool {
        plans.contains { plan in
            let name = plan.uppercased()
            return name.hasPrefix("MCOPSTN") && name != "MCOPSTNC" && name != "MCOPSTNPP"
        }
    }

    /// Teams Phone Resource Account: service plan `MCOEV_VIRTUALUSER` (product `PHONESYSTEM_VIRTUALUSER`),
    /// with its government variants. A full Teams Phone licence also serves a resource account.
    static func hasResourceAccountLicence(_ plans: [String]) -> Bool {
        plans.contains { $0.uppercased().hasPrefix("MCOEV_VIRTUALUSER") } || hasTeamsPhone(plans)
    }
}
