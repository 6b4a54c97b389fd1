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
        .target(name: "DDIKit", dependencies: ["CYAML"]),
        .target(name: "DDIGit", dependencies: ["DDIKit", "CLibGit2"]),
        .executableTarget(
            name: "ddi",
            dependencies: [
                "DDIKit",
                "DDIGit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DDIKitTests", dependencies: ["DDIKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DDIGitTests", dependencies: ["DDIGit", "DDIKit"]),
        .testTarget(name: "ddiTests", dependencies: ["ddi", "DDIKit"]),
    ]
)
