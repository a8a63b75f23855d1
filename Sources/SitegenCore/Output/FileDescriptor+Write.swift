import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
    let systemWrite = Glibc.write
    let systemClose = Glibc.close
    let readBytes = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    let systemWrite = Darwin.write
    let systemClose = Darwin.close
    let readBytes = Darwin.read
#endif

/// Writes all of `data` to an open file descriptor, across short writes and `EINTR`; false
/// when the system refused (disk full, closed descriptor).
func writeFully(_ data: Data, to descriptor: Int32) -> Bool {
    data.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}
