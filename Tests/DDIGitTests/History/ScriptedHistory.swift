import Foundation
@testable import DDIGit

/// A repository whose history exercises every case: reviews, a move between files, a rename, a block
/// split, a branch merged back, an owner change. The commit ids are kept to check answers against.
final class ScriptedHistory {
    let fixture: GitFixture
    var commits: [String: String] = [:]
    static let anna = "+4533121042"
    static let peter = "+4533121043"
    static let inBlock = "+4533121130"

    init(prefix: String = "") throws {
        fixture = try GitFixture()
        let p = prefix.isEmpty ? "" : prefix + "/"
        try fixture.write("README.md", "not an inventory\n")
        try fixture.write(p + "ddi.yaml", Sample.config)
        try fixture.write(p + "ranges.yaml", Sample.ranges)
        try fixture.write(p + "numbers/sales.yaml", Sample.file(
            Sample.assigned(Self.anna, to: "anna.jensen@contoso.com"),
            Sample.assigned(Self.peter, to: "peter.holm@contoso.com")))
        try fixture.write(p + "hq.yaml", "# HQ\n" + Sample.file(Sample.reservedBlock("+4533121100..+4533121149")))
        commits["import"] = try fixture.commit("Import the inventory")

        try fixture.write(p + "numbers/sales.yaml", Sample.file(
            Sample.assigned(Self.anna, to: "anna.jensen@contoso.com", reviewed: "2026-02-01"),
            Sample.assigned(Self.peter, to: "peter.holm@contoso.com")))
        commits["review"] = try fixture.commit("Review anna", author: "Jonas Berg", email: "jonas.berg@contoso.com")

        try fixture.write(p + "numbers/sales.yaml", Sample.file(Sample.assigned(Self.peter, to: "peter.holm@contoso.com")))
        try fixture.write(p + "numbers/it.yaml", "# IT\n" + Sample.file(Sample.assigned(Self.anna, to: "anna.jensen@contoso.com", reviewed: "2026-02-01")))
        commits["move"] = try fixture.commit("Anna moves to IT")

        try fixture.git("mv", p + "hq.yaml", p + "site.yaml")
        commits["rename"] = try fixture.commit("Rename hq.yaml")

        try fixture.write(p + "site.yaml", "# HQ\n" + Sample.file(
            Sample.reservedBlock("+4533121100..+4533121119"), Sample.reservedBlock("+4533121120..+4533121149")))
        commits["split"] = try fixture.commit("Split the reservation", author: "Sara Nyström", email: "sara.nystrom@contoso.com", offset: "-0230")

        try fixture.git("checkout", "-q", "-b", "leaver")
        try fixture.write(p + "numbers/sales.yaml", Sample.file(Sample.quarantine(Self.peter, since: "2026-03-01")))
        commits["offboard"] = try fixture.commit("Offboard peter", author: "ddi-bot", email: "bot@contoso.com")
        try fixture.git("checkout", "-q", "main")
        try fixture.write(p + "numbers/it.yaml", "# IT\n" + Sample.file(Sample.assigned(Self.anna, to: "anna.jensen@contoso.com", reviewed: "2026-02-01", owner: "IT Operations")))
        commits["owner"] = try fixture.commit("IT Operations owns anna's number")
        commits["merge"] = try fixture.merge("leaver", message: "Merge branch 'leaver'")
        try fixture.write("README.md", "still not an inventory\n")
        commits["unrelated"] = try fixture.commit("Touch the README")
    }
}
