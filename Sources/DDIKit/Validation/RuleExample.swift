/// A small inventory that shows a rule passing or failing; it is the rule's test and its documentation.
///
/// An invalid example pins its diagnostic: a `↓` in a file's text (as in SwiftLint's examples) stands
/// just before the character where the rule's diagnostic must land, and `message` is text the
/// diagnostic must contain. The marker is taken out of the text when the example is built, so
/// `files` is what is validated and what `ddi explain` prints; `expectedLocations` keeps where the
/// markers stood. One marker per diagnostic the example yields for its rule.
public struct RuleExample: Sendable {
    public var isValid: Bool
    public var summary: String
    /// Inventory files by path, markers removed; `ddi.yaml` may be given to change policy.
    public var files: [(path: String, text: String)]
    /// The inventory at the base revision (`--base`), for rules that compare with it; nil: no base.
    public var base: [(path: String, text: String)]?
    /// Text every diagnostic of the rule must contain (invalid examples).
    public var expectedMessage: String?
    /// Where the `↓` markers stood: exactly the places the rule's diagnostics must name.
    public var expectedLocations: [SourceLocation]
    /// For rules that read commit messages: the message of the one commit that turns `base` into
    /// `files`; nil: no commit.
    public var commitMessage: String?

    init(isValid: Bool, summary: String, message: String?, files: [(path: String, text: String)], base: [(path: String, text: String)]?,
         commitMessage: String? = nil) {
        self.isValid = isValid
        self.commitMessage = commitMessage
        self.summary = summary
        self.expectedMessage = message
        self.base = base
        var stripped: [(path: String, text: String)] = []
        var locations: [SourceLocation] = []
        for file in files {
            let marked = RuleExampleMarker.strip(file.text, path: file.path)
            stripped.append((file.path, marked.text))
            locations += marked.locations
        }
        self.files = stripped
        self.expectedLocations = locations
    }

    public static func valid(_ summary: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: true, summary: summary, message: nil, files: files, base: nil)
    }

    public static func valid(_ summary: String, base: [(path: String, text: String)], _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: true, summary: summary, message: nil, files: files, base: base)
    }

    /// An invalid example whose `↓` markers say where the diagnostics land and `message` what they say.
    public static func invalid(_ summary: String, message: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, message: message, files: files, base: nil)
    }

    public static func invalid(_ summary: String, message: String, base: [(path: String, text: String)], _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, message: message, files: files, base: base)
    }

    public static func valid(_ summary: String, base: [(path: String, text: String)], commitMessage: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: true, summary: summary, message: nil, files: files, base: base, commitMessage: commitMessage)
    }

    public static func invalid(_ summary: String, message: String, base: [(path: String, text: String)], commitMessage: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, message: message, files: files, base: base, commitMessage: commitMessage)
    }

    /// Without markers and message: compiles, but the generic example test fails until both are added.
    public static func invalid(_ summary: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, message: nil, files: files, base: nil)
    }

    public static func invalid(_ summary: String, base: [(path: String, text: String)], _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, message: nil, files: files, base: base)
    }

    /// Examples are checked as if today were this day, so their dates never go stale.
    public static let today = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)
}

/// The `↓` that marks where a rule example's diagnostic lands.
public enum RuleExampleMarker {
    public static let character: Character = "↓"

    /// The text without markers, and the 1-based line and column of the character after each marker
    /// (columns count characters, as the YAML parser's do).
    public static func strip(_ text: String, path: String) -> (text: String, locations: [SourceLocation]) {
        var output = ""
        var locations: [SourceLocation] = []
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if Character(scalar) == character {
                locations.append(SourceLocation(file: path, line: line, column: column))
                continue
            }
            output.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (output, locations)
    }
}
