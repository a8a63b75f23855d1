import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The address `serve` listens on, looked at before anything is built: is the port free, and
/// can anyone but this machine reach it?
public struct ListenAddress: Sendable, Equatable {
    /// The host name or address (`127.0.0.1`, `::1`, `localhost`, `0.0.0.0`).
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Why the server cannot listen there.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// Another program listens on the port.
        case inUse(port: Int)
        /// The host is no address of this machine, or no name that resolves.
        case unavailable(host: String, reason: String)

        /// One line for the terminal.
        public var description: String {
            switch self {
            case .inUse(let port):
                let next = port < 65535 ? "--port \(port + 1) or " : ""
                return "port \(port) is in use; try \(next)--port 0"
            case .unavailable(let host, let reason):
                return "cannot listen on \(host): \(reason)"
            }
        }
    }

    /// True for the loopback names and addresses (`localhost`, `127.0.0.0/8`, `::1`): only this
    /// machine can reach the server.
    public var isLoopback: Bool {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return name.lowercased() == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    /// The warning `serve` prints for any other host.
    public var exposureWarning: String? {
        isLoopback
            ? nil
            : "--host \(host) makes the site reachable from the network: anyone who can reach this machine on port \(port) can read it"
    }

    /// Binds a socket to the address (with `SO_REUSEADDR`, as the server does) and lets it go:
    /// nil when the server will be able to listen there.
    public func problem() -> Problem? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let first = found else {
            return .unavailable(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(found) }
        let descriptor = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .unavailable(host: host, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            if errno == EADDRINUSE { return .inUse(port: port) }
            return .unavailable(host: host, reason: String(cString: strerror(errno)))
        }
        return nil
    }
}
