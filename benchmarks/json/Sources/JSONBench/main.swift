// Parses and re-serializes one JSON file with Document's JSONReader/JSONWriter and with Foundation's
// JSONSerialization; prints `name<TAB>parse_s<TAB>write_s<TAB>output_bytes` (best of N runs after a warm-up).
import Document
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: JSONBench FILE [ITERATIONS]\n".utf8))
    exit(2)
}
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
/// `ours` as third argument skips Foundation (for profiling our code alone).
let oursOnly = arguments.count > 3 && arguments[3] == "ours"
let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
let bytes = [UInt8](data)
let clock = ContinuousClock()

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let d = try clock.measure(body)
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

// Correctness check first: our round trip must give back the same value.
let value = try JSONReader.parse(bytes)
guard try JSONReader.parse(JSONWriter.write(value)) == value else {
    FileHandle.standardError.write(Data("round trip changed the document\n".utf8))
    exit(1)
}

var ours = (parse: Double.infinity, write: Double.infinity, size: 0)
var located = (parse: Double.infinity, write: Double.infinity, size: 0)
var foundation = (parse: Double.infinity, write: Double.infinity, size: 0)
for _ in 0...iterations {
    var v: JSONValue = .null
    ours.parse = min(ours.parse, try seconds { v = try JSONReader.parse(bytes) })
    var out: [UInt8] = []
    ours.write = min(ours.write, seconds { out = JSONWriter.write(v) })
    ours.size = out.count

    located.parse = min(located.parse, try seconds { v = try JSONReader.parseDocument(bytes).value })
    located.write = min(located.write, seconds { out = JSONWriter.write(v, options: .init(pretty: true, sortedKeys: true)) })
    located.size = out.count
    if oursOnly { continue }
    var object: Any = NSNull()
    foundation.parse = min(foundation.parse, try seconds { object = try JSONSerialization.jsonObject(with: data) })
    var written = Data()
    foundation.write = min(foundation.write, try seconds { written = try JSONSerialization.data(withJSONObject: object) })
    foundation.size = written.count
}
print("swift-document\t\(ours.parse)\t\(ours.write)\t\(ours.size)")
print("swift-document (parseDocument with locations; pretty sorted write)\t\(located.parse)\t\(located.write)\t\(located.size)")
print("foundation-jsonserialization\t\(foundation.parse)\t\(foundation.write)\t\(foundation.size)")
