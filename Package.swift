// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoCore", targets: ["NianbaoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // System ICU (Debian's libicu-dev). Only ICUKit may see it: Foundation carries its own ICU,
        // and a module that sees both fails to compile (see Sources/ICUKit/README.md).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // A Foundation-free Swift face of ICU: charsets, NFKC with offset maps, break iterators,
        // regular expressions, script folding. Knows nothing of reports.
        .target(
            name: "ICUKit",
            dependencies: ["CICU"],
            swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]
        ),
        // Reports: text preparation, sections, rules, resolution, records.
        .target(
            name: "NianbaoCore",
            dependencies: ["ICUKit", .product(name: "Yams", package: "Yams")]
        ),
        // libxml2 (Debian's libxml2-dev): its HTML parser reads report pages.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // A Foundation-free Swift face of libxml2's HTML parser (its headers include ICU's).
        .target(
            name: "HTMLKit",
            dependencies: ["CLibXML2"],
            swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]
        ),
        // Formats other than plain text: web pages, Word files, PDFs.
        .target(
            name: "NianbaoFormats",
            dependencies: ["NianbaoCore", "HTMLKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Records into a SQLite database (GRDB), for corpus-wide runs.
        .target(
            name: "NianbaoSQLite",
            dependencies: ["NianbaoCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "nianbao",
            dependencies: ["NianbaoCore", "NianbaoFormats", "NianbaoSQLite", "ICUKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // libFuzzer target (Scripts/fuzz); a plain build replays files instead.
        .executableTarget(
            name: "NianbaoFuzz",
            dependencies: ["NianbaoCore", "NianbaoFormats"]
        ),
        .testTarget(name: "ICUKitTests", dependencies: ["ICUKit"]),
        .testTarget(name: "NianbaoCoreTests", dependencies: [
            "NianbaoCore", "NianbaoFormats", "NianbaoSQLite", "ICUKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
