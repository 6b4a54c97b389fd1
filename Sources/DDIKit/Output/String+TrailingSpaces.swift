extension String {
    /// Padded columns leave spaces at the end of a line when the last column is empty: text output
    /// and its goldens carry none.
    public func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
