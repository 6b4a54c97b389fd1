/// Service plan names of the licences the checks look for, as Microsoft's licensing reference
/// spells them: https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference
enum ServicePlans {
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
