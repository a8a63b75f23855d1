import SitegenContent
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What identifies one version of a file on disk without reading it: its size, modification
/// time and inode. The page manifest records the stamp of every file a build left in the
/// output; a file whose stamp differs (edited by hand, restored from a backup, replaced) is
/// not the file the manifest describes, so its page is made again.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64

    /// The stamp of a file's `stat`.
    init(_ status: stat) {
        size = Int(status.st_size)
        #if canImport(Glibc)
            modifiedSeconds = Int(status.st_mtim.tv_sec)
            modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
        #else
            modifiedSeconds = Int(status.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(status.st_mtimespec.tv_nsec)
        #endif
        inode = UInt64(status.st_ino)
    }

    init(size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    /// True when `status` describes a regular file (not a link, folder, FIFO or device).
    static func isRegularFile(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFREG }
}
