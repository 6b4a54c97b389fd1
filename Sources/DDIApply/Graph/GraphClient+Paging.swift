import Foundation

extension GraphClient {
    /// GETs a collection and returns every item. Pages are followed the two ways Graph documents:
    /// `@odata.nextLink` (bounded; each link must stay under the Graph API root and never repeat),
    /// and, with `pageSize`, `$top` and `$skip`: while the server sends no links, a full page is
    /// followed by the next `$skip`, and only a short page ends the list.
    /// Paging: https://learn.microsoft.com/graph/paging (follow `@odata.nextLink` as given);
    /// numberAssignments: "$Top ... default 500 entries and maximum 1,000", "$Skip ... skip first X"
    /// (https://learn.microsoft.com/graph/api/teamsadministration-telephonenumbermanagementroot-list-numberassignments).
    public func getAll(_ path: String, query: [URLQueryItem], maxPages: Int = 100_000, pageSize: Int? = nil) throws(GraphError) -> [[String: Any]] {
        let top = pageSize.map { [URLQueryItem(name: "$top", value: String($0))] } ?? []
        var next = try listURL(path, query: query + top)
        var visited: Set<String> = [next.absoluteString]
        var items: [[String: Any]] = []
        var seenKeys: Set<String> = []
        var followedLinks = false
        for _ in 0..<maxPages {
            let response = try send(HTTPRequest(method: "GET", url: next))
            guard response.status == 200 else {
                throw fail("GET \(path) gave HTTP \(response.status): \(errorText(response.body))")
            }
            guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                  let value = object["value"] as? [[String: Any]] else {
                throw fail("GET \(path) did not return a collection page")
            }
            let keys = value.compactMap(Self.itemKey)
            if !items.isEmpty, !keys.isEmpty, keys.allSatisfy({ seenKeys.contains($0) }) {
                throw fail("GET \(path) returned records it had returned before (it ignored $skip=\(items.count)): the list cannot be read completely")
            }
            seenKeys.formUnion(keys)
            items += value
            if let link = object["@odata.nextLink"] as? String {
                switch graphURLs.resolve(link) {
                case .success(let resolved):
                    guard visited.insert(resolved.absoluteString).inserted else {
                        throw fail("GET \(path): the server sent an @odata.nextLink it had sent before (a paging loop)")
                    }
                    next = resolved
                    followedLinks = true
                    continue
                case .failure(let refusal):
                    throw fail("GET \(path): @odata.nextLink \(describe(refusal)) (outside the Graph base URL); not followed")
                }
            }
            // A chain of links ends at the page without one; a list paged by $skip ends at a short page.
            guard let pageSize, !followedLinks, value.count >= pageSize, !value.isEmpty else { return items }
            next = try listURL(path, query: query + top + [URLQueryItem(name: "$skip", value: String(items.count))])
        }
        throw fail("GET \(path) has more than \(maxPages) pages")
    }

    /// A record's identity, to notice a server that ignores `$skip` and repeats a page.
    static func itemKey(_ item: [String: Any]) -> String? {
        (item["id"] as? String) ?? (item["telephoneNumber"] as? String)
    }

    private func listURL(_ path: String, query: [URLQueryItem]) throws(GraphError) -> URL {
        guard var components = URLComponents(url: url(path), resolvingAgainstBaseURL: false) else { throw fail("bad path \(path)") }
        // `+` must be encoded: servers read a literal `+` in a query as a space.
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=;#")
        components.percentEncodedQuery = query.isEmpty ? nil : query.map { item in
            "\(item.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\((item.value ?? "").addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        guard let url = components.url else { throw fail("bad path \(path)") }
        return url
    }

    /// The current assignment of one number, nil when the tenant does not have it.
    /// A quote in `number` is doubled, as an OData string literal needs (callers send only E.164).
    public func numberAssignment(_ number: String) throws(GraphError) -> [String: Any]? {
        let items = try getAll(GraphPaths.numberAssignments, query: [URLQueryItem(name: "$filter", value: "telephoneNumber eq '\(number.replacingOccurrences(of: "'", with: "''"))'")], maxPages: 5)
        return items.first { ($0["telephoneNumber"] as? String) == number }
    }
}
