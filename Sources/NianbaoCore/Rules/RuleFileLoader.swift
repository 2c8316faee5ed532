import ICUKit

/// Reads rule files into a `RuleSet`, collecting every error with its file, line and rule id.
struct RuleFileLoader {
    private var classes = WordClasses()
    private var channelEntries: [(field: String, words: [String], file: String, line: Int)] = []
    private var sectionNodes: [YAMLNode] = []
    private var ruleNodes: [YAMLNode] = []
    private var tableNodes: [YAMLNode] = []
    private var reportNode: YAMLNode?
    private var errors: [RuleError] = []

    private static let ruleKeys: Set<String> = [
        "id", "field", "kind", "scope", "fallback_scope", "keywords", "reach", "pattern", "exclude_before", "exclude_before_in_sentence", "prior", "channel",
        "groups", "from", "unless_same_section", "not_from", "extends_only", "bare_figures", "each", "object", "examples", "counter_examples", "notes",
    ]

    mutating func read(_ file: RuleFiles.File) {
        do {
            let root = try YAMLNode.compose(file.text, file: file.path)
            for (key, value) in try root.pairs() {
                switch key {
                case "classes":
                    for (name, pattern) in try value.pairs() {
                        do { try classes.define(name, try pattern.string(), file: file.path, line: pattern.line) }
                        catch let error as RuleError { errors.append(error) }
                    }
                case "channels":
                    for (field, words) in try value.pairs() {
                        channelEntries.append((field, try words.strings(), file.path, words.line))
                    }
                case "sections": sectionNodes += try value.items()
                case "rules": ruleNodes += try value.items()
                case "tables": tableNodes += try value.items()
                case "report": reportNode = value
                default:
                    errors.append(value.error("unknown top-level key '\(key)' (expected classes, channels, sections, report, tables or rules)"))
                }
            }
        } catch let error as RuleError {
            errors.append(error)
        } catch {
            errors.append(RuleError(file: file.path, line: 0, message: String(describing: error)))
        }
    }

    mutating func finish(directory: String, version: String) throws -> RuleSet {
        do { try classes.resolveAll() } catch let error as RuleError { errors.append(error) } catch {}
        let channels = ChannelCatalogue(patterns: channelEntries.compactMap { entry in
            guard entry.field == "other" || entry.field == "several" || ChannelCatalogue.channelFields.contains(entry.field) else {
                errors.append(RuleError(file: entry.file, line: entry.line, message: "unknown channel field '\(entry.field)'"))
                return nil
            }
            do {
                let pattern = try entry.words.map { try classes.expand($0, file: entry.file, line: entry.line, ruleID: nil) }
                    .joined(separator: "|")
                _ = try ICURegex(pattern)
                return (entry.field, pattern)
            } catch let error as RuleError {
                errors.append(error)
            } catch {
                errors.append(RuleError(file: entry.file, line: entry.line, message: "channel words do not compile: \(error)"))
            }
            return nil
        })
        var sectionSpecs: [SectionSpec] = []
        for node in sectionNodes { if let spec = readSection(node) { sectionSpecs.append(spec) } }
        var sections = SectionCatalogue(sections: sectionSpecs)
        if let reportNode {
            do {
                let title = try reportNode.required("title").string()
                do { _ = try ICURegex(title) } catch { throw reportNode.error("report title does not compile: \(error.reason)") }
                sections.reportTitlePattern = title
                if let minimum = reportNode.child("min_sections") { sections.reportMinimumSections = Int(try minimum.double()) }
            } catch let error as RuleError { errors.append(error) } catch {}
        }
        let scopes = Set(sections.ids)
        var seen: [String: RuleError] = [:]
        var rules: [RuleDefinition] = []
        for node in ruleNodes {
            do {
                let rule = try readRule(node, scopes: scopes)
                if let first = seen[rule.id] {
                    throw RuleError(file: rule.file, line: rule.line, ruleID: rule.id,
                                    message: "duplicate rule id (first at \(first.file):\(first.line))")
                }
                seen[rule.id] = RuleError(file: rule.file, line: rule.line, message: "")
                rules.append(rule)
            } catch let error as RuleError {
                errors.append(error)
            } catch {
                errors.append(node.error(String(describing: error)))
            }
        }
        // A derive rule's not_from names rules, which must exist.
        let ids = Set(rules.map(\.id))
        for rule in rules {
            for id in rule.notFrom where !ids.contains(id) {
                errors.append(RuleError(file: rule.file, line: rule.notFromLine ?? rule.line, ruleID: rule.id, message: "not_from: unknown rule '\(id)'"))
            }
        }
        var tables: [TableSpec] = []
        for node in tableNodes {
            do { tables.append(try readTable(node, scopes: scopes)) } catch let error as RuleError { errors.append(error) } catch {
                errors.append(node.error(String(describing: error)))
            }
        }
        if !errors.isEmpty { throw RuleErrors(errors: errors) }
        return RuleSet(directory: directory, classes: classes, channels: channels, sections: sections,
                       rules: rules, tables: tables, version: version)
    }

    private mutating func readSection(_ node: YAMLNode) -> SectionSpec? {
        do {
            let id = try node.required("id").string()
            let level = Int(try node.required("level").double())
            for key in node.keys where !["id", "level", "title", "body"].contains(key) {
                throw node.child(key)!.error("section \(id): unknown key '\(key)'")
            }
            let title = try node.required("title").string()
            _ = try ICURegex(title)
            let bodyNode = node.child("body")
            let body = try bodyNode?.strings() ?? []
            if let bodyNode, body.contains(where: \.isEmpty) {
                throw bodyNode.error("section \(id): body must be a list of words")
            }
            guard level == 1 || level == 2 else { throw node.error("section \(id): level must be 1 or 2") }
            return SectionSpec(id: id, level: level, titlePattern: title, bodyWords: body)
        } catch let error as RuleError {
            errors.append(error)
        } catch let error as RegexSyntaxError {
            errors.append(node.error("section title does not compile: \(error)"))
        } catch {
            errors.append(node.error(String(describing: error)))
        }
        return nil
    }

    private func readRule(_ raw: YAMLNode, scopes: Set<String>) throws -> RuleDefinition {
        var node = raw
        guard let idNode = node.child("id") else { throw node.error("rule without 'id'") }
        let id = try idNode.string()
        node.ruleID = id
        for key in node.keys where !Self.ruleKeys.contains(key) {
            throw node.child(key)!.error("unknown key '\(key)'")
        }
        let fieldNode = try node.required("field")
        let field = try fieldNode.string()
        guard let spec = FieldCatalogue.spec(field) else { throw fieldNode.error("unknown field '\(field)'") }
        let kindNode = try node.required("kind")
        let kind = try kindNode.string()
        guard RuleKinds.all[kind] != nil || RuleKinds.derived.contains(kind) else {
            throw kindNode.error("unknown kind '\(kind)' (known: \((RuleKinds.all.keys.sorted() + RuleKinds.derived.sorted()).joined(separator: ", ")))")
        }
        guard RuleKinds.fieldTypes(of: kind).contains(spec.type) else {
            throw kindNode.error("kind '\(kind)' cannot fill \(spec.type.rawValue) field '\(field)'")
        }
        let priorNode = try node.required("prior")
        let prior = try priorNode.double()
        guard prior > 0, prior <= 1 else { throw priorNode.error("prior must be in (0, 1]") }
        var groups: [String: String] = ["value": field]
        if let groupsNode = node.child("groups") {
            groups = [:]
            for (group, target) in try groupsNode.pairs() {
                let name = try target.string()
                guard let targetSpec = FieldCatalogue.spec(name) else { throw target.error("unknown field '\(name)'") }
                guard RuleKinds.fieldTypes(of: kind).contains(targetSpec.type) else {
                    throw target.error("kind '\(kind)' cannot fill field '\(name)'")
                }
                groups[group] = name
            }
        }
        let channel: ChannelMode
        if let channelNode = node.child("channel") {
            guard let mode = ChannelMode(rawValue: try channelNode.string()) else {
                throw channelNode.error("channel must be 'fixed', 'from_context', 'named' or 'respectively'")
            }
            channel = mode
        } else {
            channel = .fixed
        }
        let examples = try node.child("examples")?.items().map { try readExample($0, kind: kind) } ?? []
        let counterExamples = try node.child("counter_examples")?.items().map { (try $0.string(), $0.line) } ?? []

        if RuleKinds.derived.contains(kind) {
            let fromNode = try node.required("from")
            let from = try fromNode.string()
            guard FieldCatalogue.spec(from) != nil else { throw fromNode.error("unknown field '\(from)'") }
            let unless = try node.child("unless_same_section")?.strings() ?? []
            for name in unless where FieldCatalogue.spec(name) == nil && name != ChannelCatalogue.otherChannelField {
                throw node.child("unless_same_section")!.error("unknown field '\(name)'")
            }
            var definition = RuleDefinition(id: id, field: field, kind: kind, scope: [], fallbackScope: [], keywords: [], reach: 0, pattern: "", expandedPattern: "",
                                  excludeBefore: [], excludeBeforeInSentence: [], prior: prior, channel: .fixed, groups: [:], derivedFrom: from,
                                  unlessSameSection: unless, examples: examples, counterExamples: counterExamples,
                                  file: node.file, line: node.line, priorLine: priorNode.line)
            if let notFromNode = node.child("not_from") {
                definition.notFrom = try notFromNode.strings()
                definition.notFromLine = notFromNode.line
            }
            return definition
        }

        let scopeNode = try node.required("scope")
        let scope = try scopeNode.strings()
        guard !scope.isEmpty else { throw scopeNode.error("scope is empty") }
        let fallback = try node.child("fallback_scope")?.strings() ?? []
        for name in scope + fallback where !scopes.contains(name) {
            throw scopeNode.error("unknown scope '\(name)' (known: \(scopes.sorted().joined(separator: ", ")))")
        }
        let patternNode = try node.required("pattern")
        let pattern = try patternNode.string()
        let expanded = try classes.expand(pattern, file: node.file, line: patternNode.line, ruleID: id)
        let regex: ICURegex
        do { regex = try ICURegex(expanded) } catch {
            throw patternNode.error("pattern does not compile: \(error.reason) (expanded pattern: \(expanded))")
        }
        let required = channel == .respectively ? ["channels", "values"] : groups.keys.sorted()
        for group in required where kind != ZeroKind.name && regex.groupNumber(named: group) == nil {
            throw patternNode.error("pattern has no capture group '(?<\(group)>…)'")
        }
        var each: String?
        if let eachNode = node.child("each") {
            guard channel == .respectively else { throw eachNode.error("each is for rules with channel: respectively") }
            let expandedEach = try classes.expand(try eachNode.string(), file: node.file, line: eachNode.line, ruleID: id)
            let eachRegex: ICURegex
            do { eachRegex = try ICURegex(expandedEach) } catch {
                throw eachNode.error("each does not compile: \(error.reason) (expanded pattern: \(expandedEach))")
            }
            guard eachRegex.groupNumber(named: "value") != nil else { throw eachNode.error("each has no capture group '(?<value>…)'") }
            each = expandedEach
        } else if channel == .respectively {
            throw node.error("a rule with channel: respectively needs 'each', the pattern of one figure of its list")
        }
        if channel == .respectively && kind != CountKind.name { throw node.error("channel: respectively is for count rules") }
        var definition = RuleDefinition(
            id: id, field: field, kind: kind, scope: scope, fallbackScope: fallback,
            keywords: try node.child("keywords")?.strings() ?? [],
            reach: try node.child("reach").map { Int(try $0.double()) } ?? KeywordWindows.defaultReach,
            pattern: pattern, expandedPattern: expanded,
            excludeBefore: try node.child("exclude_before")?.strings() ?? [],
            excludeBeforeInSentence: try node.child("exclude_before_in_sentence")?.strings() ?? [],
            prior: prior, channel: channel, groups: groups, derivedFrom: nil, unlessSameSection: [],
            examples: examples, counterExamples: counterExamples,
            file: node.file, line: node.line, priorLine: priorNode.line)
        if let extendsNode = node.child("extends_only") {
            guard FieldCatalogue.spec(field)?.policy == .longestText else {
                throw extendsNode.error("extends_only is for name fields (the fullest name wins), not '\(field)'")
            }
            definition.extendsOnly = try extendsNode.bool()
        }
        if let bareNode = node.child("bare_figures") {
            guard kind == CountKind.name else { throw bareNode.error("bare_figures is for count rules, not '\(kind)'") }
            definition.bareFigures = try bareNode.bool()
        }
        definition.eachPattern = each
        if let objectNode = node.child("object") {
            guard regex.groupNumber(named: CompiledRule.objectGroup) != nil else {
                throw objectNode.error("object needs a capture group '(?<\(CompiledRule.objectGroup)>…)' in the pattern")
            }
            let expandedObject = try classes.expand(try objectNode.string(), file: node.file, line: objectNode.line, ruleID: id)
            do { _ = try ICURegex(expandedObject) } catch {
                throw objectNode.error("object does not compile: \(error.reason) (expanded pattern: \(expandedObject))")
            }
            definition.objectPattern = expandedObject
        }
        return definition
    }

    private func readTable(_ raw: YAMLNode, scopes: Set<String>) throws -> TableSpec {
        var node = raw
        let id = try node.required("id").string()
        node.ruleID = "table " + id
        let sectionNode = try node.required("section")
        let section = try sectionNode.string()
        guard scopes.contains(section) else { throw sectionNode.error("unknown section '\(section)'") }
        let defaultCells = try node.child("cells").map { Int(try $0.double()) } ?? 1
        let columns = try node.child("columns")?.strings() ?? []
        let singleRow = try node.child("single_row")?.string() == "true"
        var rows: [TableRowSpec] = []
        for rowNode in try node.child("rows")?.items() ?? [] {
            let label = try rowNode.required("label").string()
            do { _ = try ICURegex(label) } catch { throw rowNode.error("row label does not compile: \(error.reason)") }
            rows.append(TableRowSpec(key: try rowNode.required("key").string(), labelPattern: label,
                                     cells: try rowNode.child("cells").map { Int(try $0.double()) } ?? defaultCells,
                                     columns: try rowNode.child("columns")?.strings(),
                                     decimal: try rowNode.child("decimal")?.string() == "true"))
        }
        let groups = try node.child("groups")?.items().map { (try $0.required("key").string(), Int(try $0.required("cells").double())) } ?? []
        if singleRow {
            rows = [TableRowSpec(key: "all", labelPattern: "", cells: defaultCells, columns: nil, decimal: false)]
        }
        var checks: [TableCheckSpec] = []
        for checkNode in try node.child("checks")?.items() ?? [] {
            let name = try checkNode.required("name").string()
            switch try checkNode.required("kind").string() {
            case "row_sum": checks.append(.rowSum(name: name))
            case "group_sum": checks.append(.groupSum(name: name, size: Int(try checkNode.required("size").double())))
            case "column_equation":
                let left = try checkNode.required("left").strings(), right = try checkNode.required("right").strings()
                let absentNode = checkNode.child("may_be_absent")
                let absent = try absentNode?.strings() ?? []
                for key in left + right where !rows.contains(where: { $0.key == key }) {
                    throw checkNode.error("check \(name): unknown row '\(key)'")
                }
                if let absentNode, let key = absent.first(where: { !(left + right).contains($0) }) {
                    throw absentNode.error("check \(name): may_be_absent row '\(key)' is not in the check")
                }
                checks.append(.columnEquation(name: name, left: left, right: right, mayBeAbsent: absent))
            case let other: throw checkNode.error("unknown check kind '\(other)' (row_sum, group_sum, column_equation)")
            }
        }
        var hints: [TableHint] = []
        for hintNode in try node.child("hints")?.items() ?? [] {
            let pattern = try classes.expand(try hintNode.required("pattern").string(), file: hintNode.file, line: hintNode.line, ruleID: node.ruleID)
            do { _ = try ICURegex(pattern) } catch { throw hintNode.error("hint pattern does not compile: \(error.reason)") }
            hints.append(TableHint(row: try hintNode.required("row").string(), column: try hintNode.required("column").string(), pattern: pattern))
        }
        var editions: [TableEdition] = []
        for editionNode in try node.child("editions")?.items() ?? [] {
            let header = try editionNode.required("header").string()
            do { _ = try ICURegex(header) } catch { throw editionNode.error("edition header does not compile: \(error.reason)") }
            var editionRows: [String: (cells: Int, take: [Int])] = [:]
            for rowNode in try editionNode.required("rows").items() {
                let key = try rowNode.required("key").string()
                guard let row = rows.first(where: { $0.key == key }) else { throw rowNode.error("edition row: unknown row '\(key)'") }
                let cells = Int(try rowNode.required("cells").double())
                let take = try rowNode.child("take")?.items().map { Int(try $0.double()) } ?? []
                guard take.isEmpty || take.count == row.cells, take.allSatisfy({ (1...cells).contains($0) }) else {
                    throw rowNode.error("edition row \(key): take lists \(row.cells) cell(s) among 1…\(cells), or none")
                }
                editionRows[key] = (cells, take)
            }
            editions.append(TableEdition(id: try editionNode.required("id").string(), headerPattern: header, rows: editionRows))
        }
        return TableSpec(id: id, section: section, rows: rows, ordered: try node.child("ordered")?.string() != "false",
                         columns: columns, singleRow: singleRow,
                         headerPattern: try node.child("header")?.string(), groups: groups, checks: checks, hints: hints,
                         editions: editions)
    }

    private func readExample(_ node: YAMLNode, kind: String) throws -> RuleExample {
        let text = try node.required("text").string()
        let valueNode = try node.required("value")
        let raw = try valueNode.string()
        let value: ExampleValue = Int(raw).map { .number($0) } ?? .text(raw)
        var qualifier: Qualifier?
        if let qualifierNode = node.child("qualifier") {
            guard let parsed = Qualifier(rawValue: try qualifierNode.string()) else {
                throw qualifierNode.error("qualifier must be exact, approximate or at_least")
            }
            qualifier = parsed
        }
        return RuleExample(text: text, field: try node.child("field")?.string(), value: value,
                           qualifier: qualifier, line: node.line)
    }
}
