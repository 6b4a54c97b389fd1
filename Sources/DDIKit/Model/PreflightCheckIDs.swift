/// The IDs of the preflight checks (DDIPlan's `PreflightCatalog`), so that `ddi.yaml` `rules:` may
/// set their severity like a validation rule's. DDIKit cannot see DDIPlan; a test keeps the two
/// lists equal.
public enum PreflightCheckIDs {
    public static let all = ["PF001", "PF002", "PF003", "PF004", "PF005", "PF006", "PF007", "PF008", "PF009", "PF010"]
}
