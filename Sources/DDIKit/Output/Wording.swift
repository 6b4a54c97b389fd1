/// Counts and articles in messages, written once: "1 step" / "2 steps" (never "step(s)"), "an
/// auto-attendant" / "a call-queue" (never "a auto-attendant").
public enum Wording {
    /// "0 steps", "1 step", "2 steps"; `plural` for nouns that do not take an s.
    public static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// The word with "a" or "an" in front, by how it is said: "an auto-attendant", "a user".
    public static func withArticle(_ word: String) -> String {
        let lowered = word.lowercased()
        // Vowel letters that are said with a consonant first ("you", "wun").
        let saidWithConsonant = ["use", "usa", "uni", "eu", "one"].contains { lowered.hasPrefix($0) }
        let vowel = lowered.first.map { "aeiou".contains($0) } ?? false
        return (vowel && !saidWithConsonant ? "an " : "a ") + word
    }
}
