import Foundation

/// Where the bundled `Rules/` and `Corpus/` folders are: the current folder (as with
/// `swift run`), else the package root above the executable (`.build/<config>/nianbao`).
enum ProjectPaths {
    static func bundled(_ name: String, marker: String) -> String? {
        let manager = FileManager.default
        let current = URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent(name)
        if manager.fileExists(atPath: current.appendingPathComponent(marker).path) { return current.path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(name)
            if manager.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static var rules: String? {
        ProcessInfo.processInfo.environment["NIANBAO_RULES"] ?? bundled("Rules", marker: "classes.yaml")
    }

    static var corpus: String? { bundled("Corpus", marker: "FIELDS.md") }
}
