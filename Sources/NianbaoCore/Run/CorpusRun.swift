import Foundation

/// One document to process: its path and the name its record gives it.
public struct DocumentJob: Sendable {
    public let path: String
    public let name: String

    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }
}

/// Running totals of a corpus run, for progress lines and the closing summary.
public struct RunProgress: Sendable {
    public var total = 0
    public var done = 0
    public var records = 0
    public var errors = 0
    public var skipped = 0
    public var fields = 0
    public var bytes = 0
    public var seconds = 0.0

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
    public var documentsPerSecond: Double { seconds > 0 ? Double(done) / seconds : 0 }
    public var etaSeconds: Double { done > 0 ? seconds / Double(done) * Double(total - done) : 0 }
}

/// Extracts many documents on `jobs` threads and hands the outcomes to the caller in input
/// order, whatever the thread count: the output of a run is byte-identical across `--jobs`.
///
/// Workers take the next document from a shared counter; at most `window` documents may be
/// done and not yet handed on, so memory stays flat however large the corpus (a slow document
/// holds the others back instead of letting finished records pile up).
public final class CorpusRun {
    private let pipelines: [ExtractionPipeline]
    public let jobs: Int
    private let window: Int

    /// What workers make of each record: the value, its JSON line (made on the worker, keeping
    /// that work parallel), or both.
    public var recordForm = RecordForm.value

    /// Whether the three tables are read (false: narrative and metadata fields only, faster).
    public var readsTables = true {
        didSet { for pipeline in pipelines { pipeline.extractor.readsTables = readsTables } }
    }

    /// `converters` makes each thread's format converters (HTML, Word, PDF).
    private let current = Locked<SharedState?>(nil)

    /// Stops taking documents (SIGINT, SIGTERM): those in flight are finished and delivered, and
    /// `run` returns. Safe to call from any thread.
    public func stop() { current.withLock { $0?.finish() } }

    public init(ruleSet: RuleSet, jobs: Int, maxBytes: Int = 64 << 20,
                converters: () -> [DocumentConverter] = { [] }) throws {
        self.jobs = max(1, jobs)
        pipelines = try (0..<self.jobs).map { _ in
            try ExtractionPipeline(ruleSet: ruleSet, maxBytes: maxBytes, converters: converters())
        }
        window = self.jobs * 16
    }

    /// Processes `documents`; `skip(document, hash)` spares documents already done (resume);
    /// `deliver` receives each outcome in input order on the calling thread, `progress` after each.
    public func run(_ documents: [DocumentJob], skip: (@Sendable (String, String) -> Bool)? = nil,
                    deliver: (Int, DocumentOutcome) throws -> Void, progress: (RunProgress) -> Void) rethrows -> RunProgress {
        let state = SharedState(total: documents.count, window: window)
        current.withLock { $0 = state }
        defer {
            state.finish()
            current.withLock { $0 = nil }
        }
        let start = Date()
        var threads: [Thread] = []
        let form = recordForm
        for pipeline in pipelines {
            let thread = Thread {
                while let index = state.take() {
                    let job = documents[index]
                    let outcome = pipeline.process(path: job.path, displayName: job.name,
                                                   skip: skip.map { test in { test(job.name, $0) } }, form: form)
                    state.put(index, outcome)
                }
            }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        var totals = RunProgress()
        totals.total = documents.count
        for index in 0..<documents.count {
            // After stop(): the documents already taken are finished and delivered, then the run ends.
            guard let outcome = state.next(index) else { break }
            totals.done += 1
            totals.bytes += outcome.bytes
            if outcome.skipped {
                totals.skipped += 1
            } else {
                if outcome.failed { totals.errors += 1 } else { totals.records += 1 }
                totals.fields += outcome.fieldsFound
                try deliver(index, outcome)
            }
            totals.seconds = Date().timeIntervalSince(start)
            progress(totals)
        }
        return totals
    }
}

/// The counter, the window and the finished outcomes, under one condition variable.
private final class SharedState: @unchecked Sendable {
    private let condition = NSCondition()
    private let total: Int
    private let window: Int
    private var nextToTake = 0
    private var nextToDeliver = 0
    private var finished: [Int: DocumentOutcome] = [:]
    private var stopped = false

    init(total: Int, window: Int) {
        self.total = total
        self.window = window
    }

    /// The next document for a worker, or nil when there is none left.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextToTake < total && nextToTake >= nextToDeliver + window && !stopped { condition.wait() }
        guard nextToTake < total, !stopped else { return nil }
        nextToTake += 1
        return nextToTake - 1
    }

    func put(_ index: Int, _ outcome: DocumentOutcome) {
        condition.lock()
        finished[index] = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for outcome `index` and hands it over; nil when the run was stopped before taking it.
    func next(_ index: Int) -> DocumentOutcome? {
        condition.lock()
        defer { condition.unlock() }
        while finished[index] == nil {
            if stopped && index >= nextToTake { return nil }
            condition.wait()
        }
        nextToDeliver = index + 1
        condition.broadcast()
        return finished.removeValue(forKey: index)!
    }

    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
