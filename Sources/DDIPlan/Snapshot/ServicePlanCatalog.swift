/// Service plans that decide whether an identity can hold a number, by the id Graph's `assignedPlans`
/// carries (`servicePlanId`) and the name PowerShell shows. Only plans a Teams Phone check reads are
/// listed; any other plan is read as "licensed for something else".
/// Names and ids: "Product names and service plan identifiers for licensing",
/// https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference
enum ServicePlanCatalog {
    static let teamsPhone = "MCOEV"
    static let teamsPhoneResourceAccount = "MCOEV_VIRTUALUSER"
    static let audioConferencing = "MCOMEETADV"

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
}
