import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where and how Markdown is rendered in separate processes.
public struct MarkdownWorkers: Sendable {
    /// The program to start (the sitegen binary itself) and its arguments for worker mode.
    public var executable: URL
    /// Arguments that put the program in worker mode.
    public var arguments: [String]
    /// Number of worker processes (one per core by default).
    public var count: Int
    /// Seconds each document may take, before its size allowance.
    public var deadline: Double
    /// Extra seconds per 100 KB of Markdown.
    public var deadlinePer100KB: Double
    /// Address-space limit of each worker, in bytes.
    public var memoryLimit: Int

    /// Creates a configuration.
    public init(
        executable: URL, arguments: [String], count: Int = ProcessInfo.processInfo.activeProcessorCount,
        deadline: Double = 2, deadlinePer100KB: Double = 1, memoryLimit: Int = 1 << 30
    ) {
        self.executable = executable
        self.arguments = arguments
        self.count = max(1, count)
        self.deadline = deadline
        self.deadlinePer100KB = deadlinePer100KB
        self.memoryLimit = memoryLimit
    }

    /// The deadline for a document of `bytes` bytes.
    func deadline(forBytes bytes: Int) -> Double { deadline + deadlinePer100KB * Double(bytes) / 100_000 }
}

/// Why a document could not be rendered by a worker.
enum MarkdownWorkerFailure: Error, Sendable, Equatable {
    case timedOut(seconds: Double)
    case crashed(String)
    case unavailable(String)

    var message: String {
        switch self {
        case .timedOut(let seconds):
            "Markdown rendering did not finish in \(Self.format(seconds)) s (input too complex for cmark-gfm)"
        case .crashed(let how):
            "Markdown rendering crashed (\(how)); the input is too complex or malformed for cmark-gfm"
        case .unavailable(let why):
            "cannot start a Markdown worker process: \(why)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

/// Renders documents on a pool of long-lived worker processes, one thread driving each. A
/// worker that overruns its deadline is killed, one that crashes is reaped, and either is
/// replaced; only that document fails.
struct MarkdownWorkerPool: Sendable {
    var configuration: MarkdownWorkers

    /// Renders every job; results are in job order.
    /// Renders `jobs` on the workers; `finishedOne` is called (on any thread) as each is done.
    func render(
        _ jobs: [(text: String, options: MarkdownOptions)], finishedOne: @escaping @Sendable () -> Void = {}
    ) -> [Result<RenderedMarkdown, MarkdownWorkerFailure>] {
        signal(SIGPIPE, SIG_IGN)
        let queue = JobQueue(count: jobs.count)
        let results = ResultBox(count: jobs.count)
        let workers = min(configuration.count, max(1, jobs.count))
        let configuration = self.configuration
        // Dedicated threads, not Dispatch's pool: they block in poll() for up to a deadline,
        // and must not starve other work queued on the shared pool (the dev server's watcher).
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            Thread {
                Self.drive(queue: queue, jobs: jobs, results: results, configuration: configuration, finishedOne: finishedOne)
                finished.leave()
            }.start()
        }
        finished.wait()
        return results.values
    }
}

extension MarkdownWorkerPool {
    /// One driving thread: takes jobs until none are left, replacing its worker on failure.
    fileprivate static func drive(
        queue: JobQueue, jobs: [(text: String, options: MarkdownOptions)], results: ResultBox, configuration: MarkdownWorkers,
        finishedOne: @Sendable () -> Void
    ) {
        var worker: WorkerProcess? = IdleWorkers.take(configuration)
        var reused = worker != nil
        while let index = queue.next() {
            let job = jobs[index]
            let deadline = configuration.deadline(forBytes: job.text.utf8.count)
            if worker == nil {
                do {
                    worker = try WorkerProcess(configuration)
                } catch {
                    results.set(index, .failure(.unavailable("\(error)")))
                    finishedOne()
                    continue
                }
            }
            var outcome = worker!.render(job.text, job.options, deadline: deadline)
            if case .failure(.crashed) = outcome, reused {
                // A worker kept from an earlier build may have died while idle: retry once on
                // a new one before blaming the document.
                worker?.stop()
                worker = try? WorkerProcess(configuration)
                outcome = worker?.render(job.text, job.options, deadline: deadline) ?? outcome
            }
            reused = false
            if case .failure = outcome {
                worker?.stop()
                worker = nil
            }
            results.set(index, outcome)
            finishedOne()
        }
        if let worker { IdleWorkers.put(worker, configuration) }
    }
}

/// Workers kept running between renders in one process, so the dev server's rebuilds do not
/// start new processes each time (starting one costs tens of milliseconds). At most
/// `count` per configuration; they exit when this process does (their input closes).
private enum IdleWorkers {
    private static let idle = Mutex<[(key: String, worker: WorkerProcess)]>([])

    private static func key(_ configuration: MarkdownWorkers) -> String {
        ([configuration.executable.path] + configuration.arguments + [String(configuration.memoryLimit)]).joined(separator: "\u{0}")
    }

    static func take(_ configuration: MarkdownWorkers) -> WorkerProcess? {
        let key = key(configuration)
        while let worker = idle.withLock({ list -> WorkerProcess? in
            guard let index = list.firstIndex(where: { $0.key == key }) else { return nil }
            return list.remove(at: index).worker
        }) {
            if worker.isRunning { return worker }
            worker.stop()
        }
        return nil
    }

    static func put(_ worker: WorkerProcess, _ configuration: MarkdownWorkers) {
        let key = key(configuration)
        let kept = idle.withLock { list -> Bool in
            guard list.filter({ $0.key == key }).count < configuration.count else { return false }
            list.append((key, worker))
            return true
        }
        if !kept { worker.stop() }
    }
}

private final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// Results written by the driving threads, each index once, under a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<RenderedMarkdown, MarkdownWorkerFailure>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<RenderedMarkdown, MarkdownWorkerFailure>) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Result<RenderedMarkdown, MarkdownWorkerFailure>] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0 ?? .failure(.crashed("no result")) }
    }
}

extension MarkdownWorkers {
    /// The body of a worker process (`sitegen __markdown-worker`): serves render requests on
    /// standard input and output until input closes; returns the exit status.
    public static func serve(memoryLimit: Int) -> Int32 {
        MarkdownWorker.run(memoryLimit: memoryLimit)
    }

    /// Workers that run this very executable in worker mode.
    public static func selfHosted(count: Int?) -> MarkdownWorkers {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return MarkdownWorkers(
            executable: executable, arguments: ["__markdown-worker"],
            count: count ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}
