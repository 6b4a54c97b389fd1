import DDIKit

/// Every preflight check, in ID order. `ddi explain`, `ddi.yaml` `rules:` and the generic example
/// test read this list; DDIKit's `PreflightCheckIDs.all` must name the same IDs (a test says so).
public enum PreflightCatalog {
    public static let all: [any PreflightCheck] = [
        CapabilityCheck(),
        TeamsPhoneLicenceCheck(),
        CallingPlanLicenceCheck(),
        ResourceAccountLicenceCheck(),
        UsageLocationCheck(),
        VoiceRoutingPolicyCheck(),
        PrivateLineCheck(),
        EnterpriseVoiceLossCheck(),
        LISLocationCheck(),
        EmergencyAddressCheck(),
    ]

    public static var ids: [String] { all.map(\.id) }

    public static func check(id: String) -> (any PreflightCheck)? {
        all.first { $0.id == id.uppercased() }
    }
}
