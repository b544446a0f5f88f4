import DanVanDocuments
import Foundation

/// Feeds arbitrary bytes to the plan reader, which must answer with a document or a
/// refusal and never crash. Built with `-DDANVAN_FUZZING -sanitize=fuzzer` it is a libFuzzer
/// target (Fuzz/run); built normally it replays files given on the command line.
func readAnything(_ data: Data) {
    for name in ["plan.txt", "plan.docx"] {
        _ = try? PlanFileReader.read(data, filename: name)
    }
}

#if DANVAN_FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanReader(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    readAnything(Data(bytes: bytes, count: count))
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: FuzzCallback) -> CInt

/// SwiftPM links an executable's entry point under this name; hand control to libFuzzer.
@_cdecl("DanVanFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzPlanReader)
}
#else
@main
enum CorpusReplay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst().flatMap { path -> [String] in
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return contents.isEmpty ? [path] : contents.map { path + "/" + $0 }
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            readAnything(data)
        }
        print("replayed \(paths.count) inputs without a crash")
    }
}
#endif
