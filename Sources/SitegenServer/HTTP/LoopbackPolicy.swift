/// Who may open the live-reload stream: requests addressed to this machine by a loopback name
/// (or the exact host the server was told to bind), from a page of such an origin. A page on
/// another site, or a DNS-rebinding name that points at 127.0.0.1, is refused.
struct LoopbackPolicy: Sendable {
    /// Host names that always mean this machine.
    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]

    /// The names accepted in `Host` and `Origin`.
    var allowedNames: Set<String>

    /// Accepts the loopback names, plus `boundHost` when it names one interface (not `0.0.0.0`
    /// or `::`, which would accept any name).
    init(boundHost: String) {
        var names = Self.loopbackNames
        let bound = boundHost.trimmingBrackets.lowercased()
        if !bound.isEmpty && bound != "0.0.0.0" && bound != "::" { names.insert(bound) }
        allowedNames = names
    }

    /// True when `host` (the `Host` header or `:authority`) names this machine and `origin`,
    /// when sent, is an `http:` origin on such a name.
    func allows(host: String?, origin: String?) -> Bool {
        guard let host, let name = Self.hostName(ofAuthority: host), allowedNames.contains(name) else { return false }
        guard let origin else { return true }
        guard origin.lowercased().hasPrefix("http://") else { return false }
        let authority = origin.dropFirst("http://".count)
        guard !authority.contains("/"), let originName = Self.hostName(ofAuthority: String(authority)) else { return false }
        return allowedNames.contains(originName)
    }

    /// The host name in `host[:port]` or `[v6]:port`, lowercased; nil when malformed.
    static func hostName(ofAuthority authority: String) -> String? {
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return nil }
            return authority[authority.index(after: authority.startIndex)..<close].lowercased()
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty else { return nil }
        if parts.count == 2 && !(parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty) { return nil }
        return parts[0].lowercased()
    }
}

extension String {
    /// `[::1]` → `::1`.
    fileprivate var trimmingBrackets: String {
        hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
    }
}
