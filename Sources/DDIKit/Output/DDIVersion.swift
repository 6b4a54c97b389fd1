public enum DDIVersion {
    public static let current = "0.1.0"
}
