import DDIKit
import Foundation

/// A telephoneNumberLongRunningOperation as `GET .../operations/{id}` returns it: the overall
/// `status` and, per number, `status` and `statusDetail`, so a failure says why Teams refused it.
/// The documented response wraps the operation in `value`; a bare operation object is read too.
/// https://learn.microsoft.com/graph/api/teamsadministration-telephonenumberlongrunningoperation-get?view=graph-rest-1.0
/// https://learn.microsoft.com/graph/api/resources/teamsadministration-telephonenumberlongrunningoperationdetails?view=graph-rest-1.0
struct GraphOperation {
    /// Lowercased: notStarted, running, succeeded, failed, skipped, unknownFutureValue; empty when absent.
    var status = ""
    /// "failed: <statusDetail>" for each number whose own status is failed, in order.
    var failedNumbers: [String] = []
    /// The `error` object's code and message, when the body has one.
    var error: String?

    init(_ body: Data) {
        guard let top = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return }
        let object = top["value"] as? [String: Any] ?? top
        status = (object["status"] as? String ?? "").lowercased()
        for case let number as [String: Any] in object["numbers"] as? [Any] ?? [] {
            guard (number["status"] as? String)?.lowercased() == "failed" else { continue }
            let detail = (number["statusDetail"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "no statusDetail given"
            // Teams' own words, escaped: they reach a terminal or a CI log.
            failedNumbers.append("failed: " + TextEscaping.terminal(detail))
        }
        if let error = (top["error"] ?? object["error"]) as? [String: Any] {
            let text = [error["code"] as? String, error["message"] as? String].compactMap { $0 }.joined(separator: ": ")
            self.error = text.isEmpty ? nil : text
        }
    }
}
