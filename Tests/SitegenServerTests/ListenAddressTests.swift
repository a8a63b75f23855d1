import Foundation
import Testing

@testable import SitegenServer

#if canImport(Glibc)
    import Glibc
#endif

/// `serve` looks at its address before it builds anything.
struct ListenAddressTests {
    /// A socket listening on a free loopback port, and that port.
    static func occupiedPort() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        try #require(bound && listen(descriptor, 1) == 0)
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test func aBusyPortIsFoundAndTheMessageSaysWhatToTry() throws {
        let (descriptor, port) = try Self.occupiedPort()
        defer { close(descriptor) }
        let problem = ListenAddress(host: "127.0.0.1", port: port).problem()
        #expect(problem == .inUse(port: port))
        #expect(problem?.description == "port \(port) is in use; try --port \(port + 1) or --port 0")
        #expect(ListenAddress.Problem.inUse(port: 8000).description == "port 8000 is in use; try --port 8001 or --port 0")
        #expect(ListenAddress(host: "127.0.0.1", port: 0).problem() == nil)
    }

    @Test func aHostThatIsNoAddressHereIsReported() {
        if case .unavailable = ListenAddress(host: "no-such-host.invalid", port: 0).problem() {
        } else {
            Issue.record("an unresolvable host was accepted")
        }
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true), ("[::1]", true), ("0.0.0.0", false), ("::", false), ("192.0.2.7", false),
    ])
    func onlyLoopbackAddressesStayPrivate(host: String, loopback: Bool) {
        let address = ListenAddress(host: host, port: 8000)
        #expect(address.isLoopback == loopback)
        #expect((address.exposureWarning != nil) == !loopback)
    }
}
