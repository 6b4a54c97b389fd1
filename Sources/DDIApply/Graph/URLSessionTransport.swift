import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Foundation's URLSession (FoundationNetworking on Linux), used synchronously, with the limits
/// enforced here rather than trusted to the platform:
/// - redirects are never followed (the 3xx goes back to the client, which refuses it), so an
///   `Authorization` header is never re-sent to a host a response names;
/// - the whole response has a deadline, kept by waiting on a semaphore with a timeout and then
///   cancelling the task, because `timeoutIntervalForRequest` alone does not bound a response
///   that trickles in on Linux;
/// - the body is counted as it arrives and the task cancelled past `maxResponseBytes`.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession
    private let exchanges: Exchanges
    let limits: GraphLimits

    public init(limits: GraphLimits = GraphLimits()) {
        self.limits = limits
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.requestTimeout
        configuration.timeoutIntervalForResource = limits.responseDeadline
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        exchanges = Exchanges(maxBytes: limits.maxResponseBytes)
        session = URLSession(configuration: configuration, delegate: exchanges, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = limits.requestTimeout
        for (key, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: key) }
        urlRequest.httpBody = request.body
        let task = session.dataTask(with: urlRequest)
        let exchange = exchanges.begin(task)
        defer { exchanges.end(task) }
        task.resume()
        guard exchange.done.wait(timeout: .now() + limits.responseDeadline) == .success else {
            task.cancel()
            throw HTTPTransportError.timedOut(seconds: limits.responseDeadline)
        }
        return try exchanges.outcome(of: exchange, limits: limits)
    }
}

/// The session delegate: one `Exchange` per running task, found by task identifier.
final class Exchanges: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    final class Exchange: @unchecked Sendable {
        var response: HTTPURLResponse?
        var body = Data()
        var error: (any Error)?
        var tooLarge = false
        let done = DispatchSemaphore(value: 0)
    }

    private let lock = NSLock()
    private var running: [Int: Exchange] = [:]
    let maxBytes: Int

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    func begin(_ task: URLSessionTask) -> Exchange {
        let exchange = Exchange()
        lock.withLock { running[task.taskIdentifier] = exchange }
        return exchange
    }

    func end(_ task: URLSessionTask) {
        lock.withLock { _ = running.removeValue(forKey: task.taskIdentifier) }
    }

    func outcome(of exchange: Exchange, limits: GraphLimits) throws -> HTTPResponse {
        try lock.withLock {
            if exchange.tooLarge { throw HTTPTransportError.responseTooLarge(limit: maxBytes) }
            if let error = exchange.error {
                if let urlError = error as? URLError, urlError.code == .timedOut {
                    throw HTTPTransportError.timedOut(seconds: limits.requestTimeout)
                }
                throw HTTPTransportError.failed(error.localizedDescription)
            }
            guard let http = exchange.response else { throw HTTPTransportError.failed("the server sent no HTTP response") }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: exchange.body)
        }
    }

    private func exchange(_ task: URLSessionTask) -> Exchange? {
        lock.withLock { running[task.taskIdentifier] }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let exchange = exchange(dataTask) else { return completionHandler(.cancel) }
        let tooLarge = response.expectedContentLength > Int64(maxBytes)
        lock.withLock {
            exchange.response = response as? HTTPURLResponse
            exchange.tooLarge = tooLarge
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let exchange = exchange(dataTask) else { return }
        let tooLarge: Bool = lock.withLock {
            guard !exchange.tooLarge, exchange.body.count + data.count <= maxBytes else {
                exchange.tooLarge = true
                return true
            }
            exchange.body.append(data)
            return false
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let exchange = exchange(task) else { return }
        lock.withLock {
            if exchange.response == nil, let http = task.response as? HTTPURLResponse { exchange.response = http }
            exchange.error = error
        }
        exchange.done.signal()
    }
}
