import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The loop a Markdown worker process runs: read a request frame from standard input,
/// render it, write the response frame to standard output, until standard input closes.
/// Run in its own process so a hang or an `abort()` inside cmark-gfm costs one document,
/// not the build.
public enum MarkdownWorker {
    /// Serves requests until end of input. `memoryLimit` (bytes) caps the address space.
    public static func run(memoryLimit: Int) -> Int32 {
        if memoryLimit > 0 {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
            setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        }
        while let payload = readFrame(from: STDIN_FILENO) {
            guard let (text, options) = MarkdownWire.decodeRequest(payload) else { return 2 }
            let response = MarkdownWire.encodeResponse(MarkdownRenderer.render(text, options: options))
            guard writeAll(response, to: STDOUT_FILENO) else { return 3 }
        }
        return 0
    }

    /// Reads one frame (blocking); nil at end of input.
    static func readFrame(from fd: Int32) -> Data? {
        guard let prefix = readExactly(4, from: fd) else { return nil }
        return readExactly(MarkdownWire.frameLength(prefix), from: fd)
    }

    static func readExactly(_ count: Int, from fd: Int32) -> Data? {
        var data = Data(count: count)
        var done = 0
        while done < count {
            let got = data.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, count - done) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return data
    }

    /// Writes all bytes (blocking); false when the other end went away.
    public static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let wrote = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if wrote < 0 && errno == EINTR { continue }
                guard wrote > 0 else { return false }
                done += wrote
            }
            return true
        }
    }
}
