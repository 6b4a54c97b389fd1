import DDIKit

/// A range `ddi import` proposes: a run of live numbers of one country and one number type.
struct InferredRange {
    var id: String
    var country: String
    var source: NumberSource
    var first: PhoneNumber
    var last: PhoneNumber
    /// The emergency location every number of the run shares, if they all share one.
    var locationID: String?
    /// Indexes into the snapshot's numbers.
    var members: [Int]
}

/// Infers ranges from the snapshot: numbers sorted per country, cut wherever the number type
/// changes or the numbers stop being consecutive. Direct Routing numbers show in Teams only while
/// assigned, so their runs may have gaps of up to `directRoutingGap` numbers (the free numbers
/// between are invisible); a number of another type in a gap always cuts, so ranges never overlap.
enum RangeInference {
    static let directRoutingGap: UInt64 = 99

    static func ranges(numbers: [LiveNumber], countries: [String]) -> [InferredRange] {
        var byCountry: [String: [Int]] = [:]
        for index in numbers.indices { byCountry[countries[index], default: []].append(index) }
        var result: [InferredRange] = []
        for country in byCountry.keys.sorted() {
            let members = byCountry[country, default: []].sorted { numbers[$0].number < numbers[$1].number }
            var runs: [[Int]] = []
            for index in members {
                let number = numbers[index].number
                if let previousIndex = runs.last?.last {
                    let previous = numbers[previousIndex]
                    let gap = number.key &- previous.number.key
                    let sameType = previous.numberType == numbers[index].numberType
                    let allowed = numbers[index].numberType == .directRouting ? directRoutingGap + 1 : 1
                    if sameType, number.digitCount == previous.number.digitCount, gap <= allowed {
                        runs[runs.count - 1].append(index)
                        continue
                    }
                }
                runs.append([index])
            }
            var counters: [NumberSource: Int] = [:]
            for run in runs {
                guard let firstIndex = run.first, let lastIndex = run.last else { continue }
                let source = numbers[firstIndex].numberType
                counters[source, default: 0] += 1
                let locations = Set(run.map { numbers[$0].locationID })
                let shared = locations.count == 1 ? locations.first ?? nil : nil
                result.append(InferredRange(
                    id: "\(country.lowercased())-\(abbreviation(source))-\(counters[source, default: 1])",
                    country: country, source: source,
                    first: numbers[firstIndex].number.withoutExtension(), last: numbers[lastIndex].number.withoutExtension(),
                    locationID: shared, members: run))
            }
        }
        return result
    }

    static func abbreviation(_ source: NumberSource) -> String {
        switch source {
        case .directRouting: "dr"
        case .callingPlan: "cp"
        case .operatorConnect: "oc"
        }
    }
}
