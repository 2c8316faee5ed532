import Foundation

/// libFuzzer's driver, when the binary was built with `-sanitize=fuzzer` (Scripts/fuzz): SwiftPM
/// gives the executable its own main, so libFuzzer is started from here.
typealias FuzzerDriver = @convention(c) (UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                         @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

if let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "LLVMFuzzerRunDriver") {
    let driver = unsafeBitCast(symbol, to: FuzzerDriver.self)
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(driver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
} else {
    // A plain build replays the files given: how a crash the fuzzer found is reproduced.
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        Fuzzing.run([UInt8](data))
    }
}
