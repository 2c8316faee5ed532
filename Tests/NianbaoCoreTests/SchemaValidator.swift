import Foundation

/// A small JSON Schema validator: the keywords `schema/record.schema.json` uses (type, required,
/// properties, additionalProperties, items, minItems, maxItems, enum, const, oneOf, $ref into
/// $defs, minimum, maximum, pattern). Returns the problems found, with their JSON paths.
struct SchemaValidator {
    let root: [String: Any]

    func validate(_ value: Any) -> [String] { check(value, root, "$") }

    private func check(_ value: Any, _ schema: [String: Any], _ path: String) -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): unknown $ref \(ref)"] }
            return check(value, target, path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { check(value, $0, path).isEmpty }.count
            return passing == 1 ? [] : ["\(path): matches \(passing) of oneOf"]
        }
        var problems: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as! String]
            if !types.contains(where: { Self.has(value, type: $0) }) { return ["\(path): not \(types)"] }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            problems.append("\(path): not one of \(allowed)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { problems.append("\(path): not \(constant)") }
        if let number = value as? NSNumber, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path): above \(maximum)") }
        }
        if let string = value as? String, let pattern = schema["pattern"] as? String,
           string.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): \(string) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, inner) in object {
                if let sub = properties[key] as? [String: Any] {
                    problems += check(inner, sub, path + "." + key)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed { problems.append("\(path): unexpected key \(key)") }
                    if let sub = additional as? [String: Any] { problems += check(inner, sub, path + "." + key) }
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { problems.append("\(path): more than \(maximum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { problems += check(item, items, "\(path)[\(i)]") }
            }
        }
        return problems
    }

    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c" || type(of: value) == Bool.self
    }

    private static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return isBool(value)
        case "integer":
            guard let n = value as? NSNumber, !isBool(value) else { return false }
            return n.doubleValue == n.doubleValue.rounded()
        case "number": return value is NSNumber && !isBool(value)
        default: return false
        }
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (is NSNull, is NSNull): return true
        case (let x as String, let y as String): return x == y
        case (let x as NSNumber, let y as NSNumber): return x == y
        default: return false
        }
    }
}
