// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "danvan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "danvan", targets: ["danvan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.4.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
    ],
    targets: [
        .target(name: "DanVanCore"),
        // zlib from the system (Debian's zlib1g-dev), declared here rather than borrowed from a dependency's Linux build.
        .systemLibrary(name: "DanVanZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "DanVanDocuments",
            dependencies: [
                "DanVanCore",
                "DanVanZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "DanVanServer",
            dependencies: [
                "DanVanCore",
                "DanVanDocuments",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "danvan", dependencies: ["DanVanServer"]),
        .executableTarget(name: "DanVanFuzz", dependencies: ["DanVanDocuments"]),
        .testTarget(name: "DanVanCoreTests", dependencies: ["DanVanCore"]),
        .testTarget(
            name: "DanVanDocumentsTests",
            dependencies: ["DanVanDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DanVanServerTests",
            dependencies: [
                "DanVanServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
