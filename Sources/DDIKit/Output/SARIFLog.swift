/// A SARIF 2.1.0 log as GitHub code scanning reads it: rules with help text, results with a physical
/// location relative to the repository root, related locations, and a stable fingerprint.
struct SARIFLog: Encodable {
    struct Text: Encodable { var text: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }
    struct ArtifactLocation: Encodable { var uri: String }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Text?
    }
    struct Configuration: Encodable { var level: String }
    struct RuleDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
    }
    struct Driver: Encodable {
        var name = "ddi"
        var informationUri = "https://github.com/ddi-project/ddi"
        var semanticVersion = DDIVersion.current
        var rules: [RuleDescriptor]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
    }
    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }

    init(report: ValidationReport, pathPrefix: String) {
        let rules = RuleCatalog.all
        let descriptors = rules.map { rule in
            RuleDescriptor(
                id: rule.id,
                name: rule.title.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined().filter { $0.isLetter || $0.isNumber },
                shortDescription: Text(text: rule.title),
                fullDescription: Text(text: rule.rationale),
                help: Text(text: RuleExplanation(rule: rule).text),
                defaultConfiguration: Configuration(level: SARIFLog.level(rule.defaultSeverity))
            )
        }
        func location(_ place: SourceLocation, id: Int? = nil, message: String? = nil) -> Location {
            Location(
                id: id,
                physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: pathPrefix + place.file),
                    region: Region(startLine: place.line, startColumn: place.column)
                ),
                message: message.map(Text.init)
            )
        }
        let results = report.diagnostics.map { diagnostic in
            Result(
                ruleId: diagnostic.ruleID,
                ruleIndex: rules.firstIndex { $0.id == diagnostic.ruleID } ?? 0,
                level: SARIFLog.level(diagnostic.severity),
                message: Text(text: diagnostic.message),
                locations: [location(diagnostic.location)],
                relatedLocations: diagnostic.related.isEmpty ? nil : diagnostic.related.enumerated().map { location($1.location, id: $0 + 1, message: $1.message) },
                partialFingerprints: ["ddiMessage/v1": StableHash.hex(diagnostic.ruleID + "|" + diagnostic.location.file + "|" + diagnostic.message)]
            )
        }
        runs = [Run(tool: Tool(driver: Driver(rules: descriptors)), results: results)]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    func rendered() throws(OutputError) -> String { try JSONOutput.encode(self) }
}
