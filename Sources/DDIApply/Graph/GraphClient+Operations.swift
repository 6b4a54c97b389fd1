import Foundation

extension GraphClient {
    /// POSTs an action; a 202 is polled through its `Location` until the operation succeeds or
    /// fails. A 202 without a usable `Location` is a failure: nothing says the change happened.
    /// The operation link comes in `Location`:
    /// https://learn.microsoft.com/graph/api/teamsadministration-telephonenumberlongrunningoperation-get
    public func performAction(_ path: String, body: [String: Any]) throws(GraphError) {
        guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) else {
            throw fail("cannot encode the request to \(path)")
        }
        let response = try send(HTTPRequest(method: "POST", url: url(path), headers: ["Content-Type": "application/json"], body: data))
        switch response.status {
        case 200, 204:
            return
        case 202:
            let location = response.header("Location") ?? ""
            guard !location.isEmpty else {
                throw fail("\(path) was accepted (HTTP 202) without a Location to follow, so whether it finished is unknown")
            }
            switch graphURLs.resolve(location) {
            case .success(let operationURL):
                try poll(operationURL, initialDelay: Self.retryAfter(response))
            case .failure(let refusal):
                throw fail("\(path) was accepted (HTTP 202) but its Location \(describe(refusal)); not followed, so whether it finished is unknown")
            }
        default:
            throw fail("\(path) was refused (HTTP \(response.status)): \(errorText(response.body))")
        }
    }

    func describe(_ refusal: GraphURLPolicy.Refusal) -> String {
        switch refusal {
        case .notAURL: "is not a URL"
        case .otherOrigin: "points to another origin than \(configuration.graphBase.absoluteString)"
        case .outsideRoot: "points outside the Graph API root \(graphURLs.root)"
        }
    }

    func poll(_ operationURL: URL, initialDelay: Double?) throws(GraphError) {
        var delay = initialDelay ?? limits.defaultPollInterval
        for _ in 0..<limits.maxPolls {
            sleep(min(delay, limits.maxPollInterval))
            let response = try send(HTTPRequest(method: "GET", url: operationURL))
            guard response.status == 200 else {
                throw fail("polling \(operationURL.path) gave HTTP \(response.status): \(errorText(response.body))")
            }
            let operation = GraphOperation(response.body)
            switch operation.status {
            case "succeeded", "skipped":
                // A number the operation failed fails the step even when the whole says succeeded.
                guard let failure = operation.failedNumbers.first else { return }
                throw fail("the operation reported a number as failed: \(redactor.shortened(failure))")
            case "failed":
                let reason = operation.failedNumbers.first ?? operation.error ?? errorText(response.body)
                throw fail("the operation failed: \(redactor.shortened(reason))")
            default:
                delay = Self.retryAfter(response) ?? limits.defaultPollInterval
            }
        }
        throw fail("the operation \(operationURL.path) did not finish after \(limits.maxPolls) polls")
    }
}
