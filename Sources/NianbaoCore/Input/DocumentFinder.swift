import Foundation

/// Expands the paths a user gives (files and folders, recursively) into document paths, sorted.
/// In folders, files with document extensions are taken; the corpus' own notes (README, FIELDS,
/// PROVENANCE) and `gold/` annotation folders are not documents.
public enum DocumentFinder {
    public static let documentExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "shtml", "xhtml", "docx", "pdf"]
    static let notDocuments: Set<String> = ["readme.md", "fields.md", "provenance.md", "license.md", "changelog.md"]

    /// Documents under `paths`; a path that does not exist is returned as is (it becomes an error record).
    public static func documents(in paths: [String]) -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            var found: [String] = []
            walk(URL(fileURLWithPath: path), manager: manager, into: &found, visited: [])
            result += found.sorted()
        }
        return result
    }

    private static func walk(_ folder: URL, manager: FileManager, into found: inout [String], visited: Set<String>) {
        // Symlink loops end here: a folder already on the current path is not entered again.
        let real = folder.resolvingSymlinksInPath().path
        guard !visited.contains(real) else { return }
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else {
            found.append(folder.path)  // unreadable folder: reported as an error record
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if name == "gold" { continue }
                walk(url, manager: manager, into: &found, visited: visited.union([real]))
            } else if documentExtensions.contains(url.pathExtension.lowercased()),
                      !notDocuments.contains(name.lowercased()) {
                found.append(url.path)
            }
        }
    }
}
