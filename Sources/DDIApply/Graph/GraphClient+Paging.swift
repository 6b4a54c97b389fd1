import Foundation

extension GraphClient {
    /// GETs a collection, following `@odata.nextLink` (bounded; each link must stay under the
    /// Graph API root and never repeat), and returns every item.
    /// Paging: https://learn.microsoft.com/graph/paging (follow `@odata.nextLink` as given).
    public func getAll(_ path: String, query: [URLQueryItem], maxPages: Int = 100_000) throws(GraphError) -> [[String: Any]] {
        guard var components = URLComponents(url: url(path), resolvingAgainstBaseURL: false) else { throw fail("bad path \(path)") }
        // `+` must be encoded: servers read a literal `+` in a query as a space.
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=;#")
        components.percentEncodedQuery = query.isEmpty ? nil : query.map { item in
            "\(item.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\((item.value ?? "").addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        guard var next = components.url else { throw fail("bad path \(path)") }
        var visited: Set<String> = [next.absoluteString]
        var items: [[String: Any]] = []
        for _ in 0..<maxPages {
            let response = try send(HTTPRequest(method: "GET", url: next))
            guard response.status == 200 else {
                throw fail("GET \(path) gave HTTP \(response.status): \(errorText(response.body))")
            }
            guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                  let value = object["value"] as? [[String: Any]] else {
                throw fail("GET \(path) did not return a collection page")
            }
            items += value
            guard let link = object["@odata.nextLink"] as? String else { return items }
            switch graphURLs.resolve(link) {
            case .success(let resolved):
                guard visited.insert(resolved.absoluteString).inserted else {
                    throw fail("GET \(path): the server sent an @odata.nextLink it had sent before (a paging loop)")
                }
                next = resolved
            case .failure(let refusal):
                throw fail("GET \(path): @odata.nextLink \(describe(refusal)) (outside the Graph base URL); not followed")
            }
        }
        throw fail("GET \(path) has more than \(maxPages) pages")
    }

    /// The current assignment of one number, nil when the tenant does not have it.
    /// A quote in `number` is doubled, as an OData string literal needs (callers send only E.164).
    public func numberAssignment(_ number: String) throws(GraphError) -> [String: Any]? {
        let items = try getAll(GraphPaths.numberAssignments, query: [URLQueryItem(name: "$filter", value: "telephoneNumber eq '\(number.replacingOccurrences(of: "'", with: "''"))'")], maxPages: 5)
        return items.first { ($0["telephoneNumber"] as? String) == number }
    }
}
