// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ddi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ddi", targets: ["ddi"]),
        .library(name: "DDIKit", targets: ["DDIKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // The core: inventory model, loading, validation, diagnostics.
        .target(name: "DDIKit", dependencies: ["CYAML"]),
        // Live snapshots and the planner (README: the snapshot, `ddi plan`).
        .target(name: "DDIPlan", dependencies: [
            "DDIKit",
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Applying plans: PowerShell and Microsoft Graph providers, the journal, snapshot pull (README: applying plans).
        .target(name: "DDIApply", dependencies: ["DDIKit", "DDIPlan", .product(name: "Crypto", package: "swift-crypto")]),
        // The only module that talks to libgit2 (README: git).
        .target(name: "DDIGit", dependencies: ["DDIKit", "CLibGit2"]),
        // Lifecycle edits (README: lifecycle edits): text edits of the inventory, no git.
        .target(name: "DDIEdit", dependencies: ["DDIKit"]),
        // Reports (README: `ddi report`): capacity, cost and forecast, the allocation series read through DDIGit.
        .target(name: "DDIReports", dependencies: ["DDIKit", "DDIGit"]),
        .executableTarget(
            name: "ddi",
            dependencies: [
                "DDIKit",
                "DDIPlan",
                "DDIGit",
                "DDIEdit",
                "DDIReports",
                "DDIApply",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers every test target shares: a seeded generator, prerequisites that fail under CI.
        .target(name: "DDITestSupport", path: "Tests/DDITestSupport"),
        .testTarget(name: "DDIKitTests", dependencies: ["DDIKit", "DDITestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DDIPlanTests", dependencies: [
            "DDIPlan", "DDIKit", "DDITestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DDIApplyTests", dependencies: ["DDIApply", "DDIPlan", "DDIKit", "DDITestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DDIGitTests", dependencies: ["DDIGit", "DDIKit", "DDITestSupport"]),
        .testTarget(name: "DDIEditTests", dependencies: ["DDIEdit", "DDIKit"], exclude: ["Golden"]),
        .testTarget(name: "DDIReportsTests", dependencies: ["DDIReports", "DDIGit", "DDIKit", "DDITestSupport"]),
        .testTarget(name: "ddiTests", dependencies: ["ddi", "DDIKit", "DDITestSupport"]),
    ]
)
