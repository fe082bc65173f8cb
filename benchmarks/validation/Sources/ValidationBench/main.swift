// Routes and validates the requests in requests.json against spec.yaml with our RequestValidator.
// Prints TSV: `swift-openapi <TAB> requests/s (all requests, best run) <TAB> per-request µs…`.
// Profiling mode: `ValidationBench spec.yaml requests.json --profile INDEX COUNT` validates request
// INDEX (0-based, in requests.json order) COUNT times and prints nothing else, for
// `valgrind --tool=callgrind` instruction counts at a fixed iteration count.
import Document
import Foundation
import OpenAPI

let args = CommandLine.arguments
let specPath = args.count > 1 ? args[1] : "spec.yaml"
let requestsPath = args.count > 2 ? args[2] : "requests.json"
let profiling = args.count > 5 && args[3] == "--profile"
let runs = args.count > 3 && !profiling ? Int(args[3]) ?? 5 : 5

let document = try OpenAPILoader.load(path: specPath)
let validator = try RequestValidator(document: document)
let list = try JSONReader.parse(DocumentLoader.readFile(requestsPath))
var requests: [ValidationRequest] = []
var expected: [Bool] = []
for item in list.arrayValue ?? [] {
    var headers: [(name: String, value: String)] = []
    if let ct = item["contentType"]?.stringValue { headers.append(("Content-Type", ct)) }
    requests.append(ValidationRequest(method: HTTPMethod(item["method"]?.stringValue ?? "GET"),
                                      target: item["target"]?.stringValue ?? "/",
                                      headers: headers, body: Array((item["body"]?.stringValue ?? "").utf8)))
    expected.append(item["valid"]?.boolValue ?? true)
}
for (i, r) in requests.enumerated() {
    let result = validator.validate(r)
    guard result.isValid == expected[i] else {
        FileHandle.standardError.write("request \(i) expected valid=\(expected[i]) got \(result.violations)\n".data(using: .utf8)!)
        exit(1)
    }
}

if profiling {
    guard let index = Int(args[4]), let count = Int(args[5]), requests.indices.contains(index) else {
        FileHandle.standardError.write("usage: ValidationBench SPEC REQUESTS --profile INDEX COUNT\n".data(using: .utf8)!)
        exit(2)
    }
    var sink = 0
    for _ in 0..<count { sink &+= validator.validate(requests[index]).violations.count }
    print("request \(index): \(count) validations, \(sink) violations in total")
    exit(0)
}

/// Seconds for `iterations` passes over `subset`.
func time(_ subset: [ValidationRequest], _ iterations: Int) -> Double {
    var sink = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<iterations {
            for r in subset { sink &+= validator.validate(r).violations.count }
        }
    }
    if sink == -1 { print(sink) }
    let c = elapsed.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}

let iterations = 20_000
_ = time(requests, 1_000)
var best = Double.infinity
for _ in 0..<runs { best = min(best, time(requests, iterations)) }
var line = "swift-openapi\t\(Double(iterations * requests.count) / best)"
for r in requests {
    var b = Double.infinity
    for _ in 0..<runs { b = min(b, time([r], iterations / 4)) }
    line += "\t\(b / Double(iterations / 4) * 1e6)"
}
print(line)
