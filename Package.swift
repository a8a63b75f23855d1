// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "SitegenMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "SitegenTemplates"),
        // The file names no build reads and no watcher reacts to (both targets use the list).
        .target(name: "SitegenSourceNames"),
        .target(name: "SitegenSupport"),
        .target(name: "SitegenCache", dependencies: ["SitegenSupport"]),
        .target(name: "SitegenContent", dependencies: ["SitegenSupport", "SitegenSourceNames", .product(name: "Yams", package: "Yams")]),
        .target(name: "SitegenRender", dependencies: ["SitegenContent", "SitegenSupport", "SitegenMarkdown", "SitegenTemplates"]),
        .target(
            name: "SitegenCore",
            dependencies: [
                "SitegenContent",
                "SitegenRender",
                "SitegenSupport",
                "SitegenCache",
                "SitegenMarkdown",
                "SitegenTemplates",
                "SitegenSourceNames",
            ]
        ),
        .target(
            name: "SitegenServer",
            dependencies: [
                "SitegenSourceNames",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "SitegenCLI",
            dependencies: [
                "SitegenCore",
                "SitegenContent",
                "SitegenServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sitegen", dependencies: ["SitegenCLI"]),
        // Fuzz targets (`make fuzz`); an ordinary build replays inputs through them.
        .executableTarget(
            name: "SitegenFuzz",
            dependencies: [
                "SitegenCore", "SitegenContent", "SitegenRender", "SitegenSupport", "SitegenMarkdown", "SitegenTemplates", "SitegenCache",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "SitegenMarkdownTests", dependencies: ["SitegenMarkdown"]),
        .testTarget(name: "SitegenTemplatesTests", dependencies: ["SitegenTemplates"], resources: [.copy("Spec")]),
        .testTarget(name: "SitegenSupportTests", dependencies: ["SitegenSupport"]),
        .testTarget(name: "SitegenCacheTests", dependencies: ["SitegenCache", "SitegenSupport"]),
        .testTarget(
            name: "SitegenCoreTests",
            dependencies: [
                "SitegenCore", "SitegenContent", "SitegenRender", "SitegenMarkdown", "SitegenSupport", "SitegenCache", "SitegenTemplates",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "SitegenServerTests",
            dependencies: ["SitegenServer", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "SitegenCLITests", dependencies: ["SitegenCLI"]),
    ]
)
