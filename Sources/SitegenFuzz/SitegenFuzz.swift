import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `SitegenFuzz --target=NAME [inputs…]`: runs one fuzz target (`FuzzTarget`).
///
/// Built for fuzzing (`make fuzz`: address sanitizer, coverage instrumentation, libFuzzer's
/// driver, `SITEGEN_LIBFUZZER` defined), every other argument goes to libFuzzer, which ignores
/// flags that start with `--`. In an ordinary build it replays the files given (folders: every
/// file in them) through the target, so a saved crash or a corpus is a regression test; and
/// `SitegenFuzz --dump-html FILE…` prints what the link check reads from each HTML file, one
/// JSON object per line (the differential test against an HTML5 parser reads it).
@main
struct SitegenFuzz {
    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count > 1, arguments[1] == "--dump-html" {
            HTMLDump.run(Array(arguments.dropFirst(2)))
            return
        }
        guard let name = arguments.first(where: { $0.hasPrefix("--target=") })?.dropFirst("--target=".count),
            let target = FuzzTarget(rawValue: String(name))
        else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: SitegenFuzz --target=NAME [inputs…] (targets: \(names)) | --dump-html FILE…\n".utf8))
            exit(2)
        }
        FuzzTarget.selected = target
        #if SITEGEN_LIBFUZZER
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(
                runFuzzerDriver(&argc, &argv) { data, size in
                    FuzzTarget.selected.run(UnsafeBufferPointer(start: data, count: size))
                    return 0
                })
        #else
            var count = 0
            for input in arguments.dropFirst() where !input.hasPrefix("--") {
                for file in files(at: input) {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    data.withUnsafeBytes { target.run($0.bindMemory(to: UInt8.self)) }
                    count += 1
                }
            }
            print("\(target.rawValue): \(count) inputs replayed, no failure")
        #endif
    }

    /// The file at `path`, or every regular file below it when it is a folder, sorted.
    static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return names.sorted().map { path + "/" + $0 }.filter { file in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}

#if SITEGEN_LIBFUZZER
    /// libFuzzer's entry point when the program has its own `main`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif
