import DDIGit
import DDIPlan
import DDIReports

// Names the commands use from DDIGit and DDIReports. Declared once here, they are visible in every
// file of the CLI, so a command that names them need not import the module they now live in.

/// Where the inventory lies in its git work tree (DDIGit).
typealias RepositoryPaths = DDIGit.RepositoryPaths
/// Whether the declared files are exactly HEAD's (DDIGit).
typealias CleanCommit = DDIGit.CleanCommit
typealias GitHistorySampler = DDIReports.GitHistorySampler
typealias CapacityReport = DDIReports.CapacityReport
typealias ReportFormat = DDIReports.ReportFormat

extension DDIGit.CleanCommit {
    /// The commit the declared sources are exactly, as `plan` records it.
    static func find(root: String, sources: DeclaredSources) -> String? {
        find(root: root, config: sources.config, files: sources.files)
    }
}
