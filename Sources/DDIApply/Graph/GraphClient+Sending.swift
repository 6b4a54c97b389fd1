import DDIKit
import Foundation

extension GraphClient {
    /// Sends a request, waiting out 429 (`Retry-After`), retrying 5xx and transport errors with
    /// exponential backoff and a 401 once with a fresh token, all within `limits`. A redirect is
    /// refused. Other statuses are returned to the caller.
    /// Throttling: https://learn.microsoft.com/graph/throttling (wait `Retry-After`, else back off).
    func send(_ base: HTTPRequest, authorized: Bool = true) throws(GraphError) -> HTTPResponse {
        try checkDestination(base.url, authorized: authorized)
        let what = "\(base.method) \(base.url.path)"
        var attempts = 0
        var failures = 0
        var waited = 0.0
        var backoff = limits.initialBackoff
        var refreshedToken = false
        while true {
            var request = base
            if authorized { request.headers["Authorization"] = "Bearer " + (try accessToken()) }
            attempts += 1
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                failures += 1
                let reason = describe(error)
                let retryable = (error as? HTTPTransportError)?.isRetryable ?? true
                // A change (an authorized POST) that failed in transit may still have reached
                // Graph: sending it again could act twice. The next apply reads the tenant first.
                if authorized, base.method != "GET" {
                    throw fail("\(what) failed and may have reached Graph: \(reason); not sent again. Run ddi apply again: each step reads the tenant before it acts")
                }
                guard retryable, failures < limits.maxAttempts, attempts < limits.maxTotalAttempts, waited + backoff <= limits.maxRetryWait else {
                    throw fail("\(what) failed after \(Wording.counted(attempts, "attempt")): \(reason)")
                }
                waited += backoff
                sleep(backoff)
                backoff = min(backoff * 2, limits.maxBackoff)
                continue
            }
            guard response.body.count <= limits.maxResponseBytes else {
                throw fail("\(what): \(HTTPTransportError.responseTooLarge(limit: limits.maxResponseBytes))")
            }
            switch response.status {
            case 300..<400:
                throw redirectRefusal(what, response)
            case 401 where authorized:
                guard !refreshedToken, attempts < limits.maxTotalAttempts else {
                    throw fail("\(what) was refused (HTTP 401) with a fresh access token: \(errorText(response.body))")
                }
                refreshedToken = true
                token = nil
            case 429:
                let wait = Self.retryAfter(response).map { min($0, limits.maxRetryWait) } ?? backoff
                guard attempts < limits.maxTotalAttempts, waited + wait <= limits.maxRetryWait else {
                    throw fail("\(what) is still throttled (HTTP 429) after \(Wording.counted(attempts, "attempt")) and \(HTTPTransportError.seconds(waited)) s of waiting")
                }
                waited += wait
                sleep(wait)
            case 500...:
                failures += 1
                guard failures < limits.maxAttempts, attempts < limits.maxTotalAttempts, waited + backoff <= limits.maxRetryWait else {
                    let count = failures == attempts ? "\(failures) times" : "after \(attempts) attempts"
                    throw fail("\(what) failed with HTTP \(response.status) \(count): \(errorText(response.body))")
                }
                waited += backoff
                sleep(backoff)
                backoff = min(backoff * 2, limits.maxBackoff)
            default:
                return response
            }
        }
    }

    /// ddi never follows a redirect: a request carrying credentials must not be re-sent to a
    /// place a response names, not even on the same origin.
    func redirectRefusal(_ what: String, _ response: HTTPResponse) -> GraphError {
        let location = response.header("Location") ?? ""
        let origin = URL(string: location, relativeTo: configuration.graphBase).flatMap { GraphOrigin($0.absoluteURL) }
        let target: String
        if let origin, origin != GraphOrigin(configuration.graphBase), origin != GraphOrigin(configuration.loginBase) {
            target = "to another origin (\(origin.scheme)://\(origin.host):\(origin.port))"
        } else {
            target = location.isEmpty ? "without a Location" : "to \(redactor.shortened(location, limit: 120))"
        }
        return fail("\(what) answered with a redirect (HTTP \(response.status)) \(target); refused: ddi never follows redirects with credentials")
    }

    /// `Retry-After` in seconds when it is a finite, non-negative number (not `nan`, not `inf`);
    /// the HTTP-date form falls back to backoff.
    static func retryAfter(_ response: HTTPResponse) -> Double? {
        guard let value = Double(response.header("Retry-After") ?? ""), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// A transport failure in words: a timeout says how long Graph was given, never
    /// `NSURLErrorDomain error -1001`.
    func describe(_ error: any Error) -> String {
        if let transportError = error as? HTTPTransportError { return transportError.description }
        if let urlError = error as? URLError, urlError.code == .timedOut {
            return HTTPTransportError.timedOut(seconds: limits.requestTimeout).description
        }
        return error.localizedDescription
    }
}
