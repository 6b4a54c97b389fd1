/// Building blocks for rule examples, so each example shows only what its rule is about.
enum ExampleSnippets {
    /// A Danish Operator Connect range that the example numbers lie in.
    static let copenhagenRange = """
    ranges:
      - id: cph-hq
        block: "+4533121000..+4533121999"
        source: operator-connect
        country: DK
    """

    /// A Danish Direct Routing range.
    static let aarhusRange = """
    ranges:
      - id: aar-dr
        block: "+4586201000..+4586201999"
        source: direct-routing
        country: DK
    """

    static func file(_ path: String, _ text: String) -> (path: String, text: String) { (path, text) }
}
