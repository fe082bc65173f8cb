// http-bench: the servers the HTTP benchmark drives with wrk.
//   http-bench hello  <port> [loops]                 — 200 with a fixed 13-byte body
//   http-bench proxy  <port> <upstreamPort> [loops]  — minimal reverse proxy to 127.0.0.1:upstreamPort
//   http-bench origin <port> [loops]                 — /big streams 1 GiB (memory test), else like hello
import Glibc
import HTTP

let arguments = CommandLine.arguments
guard arguments.count >= 3, let port = Int(arguments[2]) else {
    print("usage: http-bench hello|proxy|origin <port> [upstreamPort] [loops]")
    exit(2)
}
let mode = arguments[1]
let loopArgument = mode == "proxy" ? 4 : 3
let loops = arguments.count > loopArgument ? Int(arguments[loopArgument]) ?? 1 : 1
let group = EventLoopGroup(loopCount: loops)
let body = Array("Hello, world!".utf8)  // 13 bytes, the same body nginx returns
let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: port)

let hello: HTTPServerHandler = { _ in
    HTTPServerResponse(status: .ok, headers: ["Server": "gateway", "Content-Type": "text/plain"], body: .bytes(body))
}

let handler: HTTPServerHandler
switch mode {
case "hello":
    handler = hello
case "origin":
    let chunk = [UInt8](repeating: 0x78, count: 256 << 10)
    let total = 1 << 30
    handler = { request in
        guard request.head.target == "/big" else { return try await hello(request) }
        return HTTPServerResponse(status: .ok, body: .stream(length: total) { writer in
            for _ in 0..<(total / chunk.count) { try await writer.write(chunk) }
        })
    }
case "proxy":
    guard arguments.count > 3, let upstreamPort = Int(arguments[3]) else { print("proxy needs an upstream port"); exit(2) }
    let client = HTTPClient(configuration: HTTPClientConfiguration(maxConnectionsPerOrigin: 256), group: group)
    let upstream = HTTPOrigin(host: "127.0.0.1", port: upstreamPort)
    // Hop-by-hop fields (and the framing/Host fields the client sets itself) are not forwarded;
    // names compare ASCII case-insensitively without building lowercased copies.
    let forwarded: @Sendable (HTTPField) -> Bool = { field in
        let name = field.name
        switch name.utf8.count {
        case 2: return !HTTPHeaders.namesEqual(name, "te")
        case 4: return !HTTPHeaders.namesEqual(name, "host")
        case 7: return !HTTPHeaders.namesEqual(name, "upgrade")
        case 10: return !HTTPHeaders.namesEqual(name, "connection") && !HTTPHeaders.namesEqual(name, "keep-alive")
        case 14: return !HTTPHeaders.namesEqual(name, "content-length")
        case 16: return !HTTPHeaders.namesEqual(name, "proxy-connection")
        case 17: return !HTTPHeaders.namesEqual(name, "transfer-encoding")
        default: return true
        }
    }
    handler = { request in
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.head.headers.count)
        for field in request.head.headers where forwarded(field) { headers.add(field) }
        let length = request.head.headers["Content-Length"].flatMap(Int.init)
        let hasBody = length.map { $0 > 0 } ?? request.head.headers.contains(name: "Transfer-Encoding")
        let requestBody: HTTPBody = hasBody
            ? .stream(length: length) { writer in for try await piece in request.body { try await writer.write(piece) } }
            : .empty
        let response = try await client.execute(HTTPClientRequest(method: request.head.method, origin: upstream,
                                                                  target: request.head.target, headers: headers, body: requestBody))
        var responseHeaders = HTTPHeaders()
        responseHeaders.reserveCapacity(response.head.headers.count)
        for field in response.head.headers where forwarded(field) { responseHeaders.add(field) }
        let responseLength = response.head.headers["Content-Length"].flatMap(Int.init)
        let upstreamBody = response.body
        return HTTPServerResponse(status: response.status, headers: responseHeaders, body: .stream(length: responseLength) { writer in
            for try await piece in upstreamBody { try await writer.write(piece) }
        })
    }
default:
    print("unknown mode \(mode)")
    exit(2)
}

let server = try await HTTPServer.start(configuration: configuration, group: group, handler: handler)
print("listening on 127.0.0.1:\(server.port) (\(mode), \(loops) loop(s))")
await server.runUntilTerminationSignal(gracePeriod: .seconds(2))
