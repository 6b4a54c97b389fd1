import DDIKit

/// Why a lifecycle edit (allocate, release, reserve, review, offboard) was refused.
public enum EditError: Error, CustomStringConvertible, Equatable {
    case unknownRange(String)
    case rangeFull(String)
    case unknownNumber(String)
    case invalidResult([String])

    public var description: String {
        switch self {
        case .unknownRange(let id): "no range with id '\(id)'"
        case .rangeFull(let id): "range \(id) has no free number left"
        case .unknownNumber(let number): "\(number) is not declared in the inventory"
        case .invalidResult(let diagnostics): "the edit would leave the inventory invalid:\n" + diagnostics.joined(separator: "\n")
        }
    }
}
