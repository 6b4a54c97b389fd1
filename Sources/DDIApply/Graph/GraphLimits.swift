import Foundation

/// Every bound on talking to Graph in one place, so that no answer (or lack of one) can keep ddi
/// busy, waiting or reading for ever (README "Security"). Tests set small values.
public struct GraphLimits: Sendable {
    /// Attempts of one request that keeps failing with 5xx or a transport error.
    public var maxAttempts = 5
    /// Attempts of one request for any reason (429, 5xx, transport error, one 401 token refresh).
    /// A `Retry-After: 0` storm once made 2,709 requests in 120 s; now it ends here.
    public var maxTotalAttempts = 8
    public var initialBackoff = 0.5
    public var maxBackoff = 30.0
    /// Total seconds one request may spend waiting before retries (429 `Retry-After` and backoff).
    public var maxRetryWait = 300.0
    /// Polls of one long-running operation before giving up.
    public var maxPolls = 120
    public var defaultPollInterval = 2.0
    /// The longest wait between two polls, whatever `Retry-After` asks.
    public var maxPollInterval = 60.0
    /// Seconds without any byte from the server before one request is abandoned.
    public var requestTimeout = 60.0
    /// Seconds one request may take from sending to its last response byte, however slowly the
    /// bytes trickle in.
    public var responseDeadline = 120.0
    /// The largest response body read (32 MiB: a page of 999 number assignments is under 1 MiB).
    public var maxResponseBytes = 32 * 1024 * 1024
    /// A token is replaced this many seconds before its `expires_in` runs out (at most half its life).
    public var tokenRefreshMargin = 300.0

    public init() {}
}
