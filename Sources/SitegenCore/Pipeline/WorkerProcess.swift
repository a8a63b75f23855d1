import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#endif

/// One Markdown worker process and the pipes to it, driven by one thread at a time (handed
/// between threads only through the idle list of `MarkdownWorkerPool`).
struct WorkerProcess: @unchecked Sendable {
    private let process: Process
    private let input: Int32
    private let output: Int32
    private let inputHandle: FileHandle
    private let outputHandle: FileHandle

    init(_ configuration: MarkdownWorkers) throws {
        let process = Process()
        process.executableURL = configuration.executable
        process.arguments = configuration.arguments + ["--memory-limit", String(configuration.memoryLimit)]
        let toWorker = Pipe()
        let fromWorker = Pipe()
        process.standardInput = toWorker
        process.standardOutput = fromWorker
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Close the child's ends here so a dead worker reads as end-of-file.
        try? toWorker.fileHandleForReading.close()
        try? fromWorker.fileHandleForWriting.close()
        self.process = process
        inputHandle = toWorker.fileHandleForWriting
        outputHandle = fromWorker.fileHandleForReading
        input = inputHandle.fileDescriptor
        output = outputHandle.fileDescriptor
    }

    /// Sends one document and waits for its rendering, at most `deadline` seconds.
    func render(_ text: String, _ options: MarkdownOptions, deadline: Double) -> Result<RenderedMarkdown, MarkdownWorkerFailure> {
        let request = MarkdownWire.encodeRequest(text, options)
        let end = Date().addingTimeInterval(deadline)
        guard MarkdownWorker.writeAll(request, to: input) else { return .failure(crashReason()) }
        switch readFrame(until: end) {
        case .success(let payload):
            guard let rendered = MarkdownWire.decodeResponse(payload) else { return .failure(.crashed("unreadable reply")) }
            return .success(rendered)
        case .failure(.timedOut):
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return .failure(.timedOut(seconds: deadline))
        case .failure:
            return .failure(crashReason())
        }
    }

    /// False once the process has exited.
    var isRunning: Bool { process.isRunning }

    /// Ends the worker: closing its input lets it exit; a stuck one is killed.
    func stop() {
        try? inputHandle.close()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? outputHandle.close()
    }

    private func crashReason() -> MarkdownWorkerFailure {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            let status = process.terminationStatus
            let name =
                status == SIGABRT
                ? "SIGABRT, cmark-gfm aborted" : status == SIGSEGV ? "SIGSEGV" : status == SIGKILL ? "SIGKILL, out of memory?" : "signal \(status)"
            return .crashed("worker killed by \(name)")
        }
        return .crashed("worker exited with status \(process.terminationStatus)")
    }

    private enum ReadProblem: Error { case timedOut, closed }

    private func readFrame(until end: Date) -> Result<Data, ReadProblem> {
        switch readExactly(4, until: end) {
        case .success(let prefix): return readExactly(MarkdownWire.frameLength(prefix), until: end)
        case .failure(let problem): return .failure(problem)
        }
    }

    private func readExactly(_ count: Int, until end: Date) -> Result<Data, ReadProblem> {
        var data = Data(count: count)
        var done = 0
        while done < count {
            let remaining = end.timeIntervalSinceNow
            guard remaining > 0 else { return .failure(.timedOut) }
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000, 60_000)) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { continue }
            let got = data.withUnsafeMutableBytes { read(output, $0.baseAddress! + done, count - done) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return .failure(.closed) }
            done += got
        }
        return .success(data)
    }
}
