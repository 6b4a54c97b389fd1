import DDIKit

/// Why a lifecycle edit (allocate, release, reserve, review, offboard) was refused.
public enum EditError: Error, CustomStringConvertible, Equatable {
    case unknownRange(String)
    case rangeFull(String)
    case unknownNumber(String)
    case invalidResult([String])
    /// The range has fewer free numbers than asked for: (range, asked, free).
    case notEnoughFree(String, Int, UInt64)
    /// A number or span that cannot be used as asked: (what, why).
    case wrongStatus(String, String)
    /// A file the edit must change is not valid YAML: (path, parser message).
    case unparsable(String, String)
    /// The text at a place cannot be edited safely: (place, why).
    case notEditable(String, String)
    /// Bad command input that the argument parser cannot see: (message).
    case invalidArgument(String)
    /// The inventory is being edited by another ddi process.
    case locked(String)
    /// Writing a file failed: (path, reason).
    case writeFailed(String, String)
    /// A file changed on disk while ddi was editing it.
    case changedMeanwhile(String)
    /// An identity that neither the inventory nor the directory export names: (identity, did-you-mean hint).
    case unknownIdentity(String, String)

    public var description: String {
        switch self {
        case .unknownRange(let id): "no range with id '\(id)'"
        case .rangeFull(let id): "range \(id) has no free number left"
        case .unknownNumber(let number): "\(number) is not declared in the inventory"
        case .invalidResult(let diagnostics): "the edit would leave the inventory invalid:\n" + diagnostics.joined(separator: "\n")
        case .notEnoughFree(let id, let asked, let free):
            "range \(id) has \(free) free number\(free == 1 ? "" : "s"), \(asked) asked for"
        case .wrongStatus(let what, let why): "\(what): \(why)"
        case .unparsable(let path, let message): "cannot edit \(path): \(message)"
        case .notEditable(let place, let why): "cannot edit \(place): \(why)"
        case .invalidArgument(let message): message
        case .locked(let path): "another ddi command is editing this inventory (lock \(path) is held); try again when it has finished"
        case .writeFailed(let path, let reason): "could not write \(path): \(reason)"
        case .changedMeanwhile(let path): "\(path) changed on disk while ddi was editing it; nothing was written, run the command again"
        case .unknownIdentity(let identity, let hint):
            "unknown identity \(identity)\(hint): neither the inventory nor the directory export names it"
        }
    }
}
