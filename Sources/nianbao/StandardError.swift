import Foundation

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(text.data(using: .utf8)!)
    }
}
