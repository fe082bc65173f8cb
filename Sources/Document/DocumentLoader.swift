#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads JSON or YAML files into `LoadedDocument`s.
public enum DocumentLoader {
    /// Largest file `load` reads (the readers' default `maxBytes`).
    public static let maxFileBytes = 64 << 20

    /// Reads a file; `.json` → JSONReader, `.yaml`/`.yml` → YAMLReader (others: sniff first non-space byte:
    /// `{` or `[` means JSON, anything else YAML). A file that cannot be read is a `DocumentError`
    /// at line 1, column 1, offset 0 whose message names the system error.
    public static func load(path: String) throws(DocumentError) -> LoadedDocument {
        let bytes = try readFile(path)
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return try JSONReader.parseDocument(bytes, file: path) }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return try YAMLReader.parseDocument(bytes, file: path) }
        return try parseSniffing(bytes, file: path)
    }

    /// Parses in-memory bytes as JSON when the first non-whitespace byte is `{` or `[`, else as YAML.
    public static func parseSniffing(_ bytes: [UInt8], file: String) throws(DocumentError) -> LoadedDocument {
        var k = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { k = 3 }
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x09 { k += 1 }
        if k < bytes.count, bytes[k] == UInt8(ascii: "{") || bytes[k] == UInt8(ascii: "[") {
            return try JSONReader.parseDocument(bytes, file: file)
        }
        return try YAMLReader.parseDocument(bytes, file: file)
    }

    /// The whole file as bytes, or a `DocumentError` naming the OS error.
    public static func readFile(_ path: String) throws(DocumentError) -> [UInt8] {
        func failure(_ what: String) -> DocumentError {
            DocumentError(file: path, location: SourceLocation(line: 1, column: 1, offset: 0), message: what)
        }
        func systemMessage() -> String { String(cString: strerror(errno)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot open file: \(systemMessage())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("cannot read file: \(systemMessage())") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure("cannot read file: it is a directory") }
        if Int(info.st_size) > maxFileBytes {
            throw failure("file is \(info.st_size) bytes, more than the limit of \(maxFileBytes)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read file: \(systemMessage())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxFileBytes { throw failure("file is more than the limit of \(maxFileBytes) bytes") }
        }
        return bytes
    }
}
