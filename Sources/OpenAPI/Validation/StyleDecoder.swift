/// Splits serialized parameter values by `style` and `explode` (the OpenAPI style table), before type coercion.
enum StyleDecoder {
    /// Splits a single string value (path after the prefix, header, non-exploded query/cookie) by an
    /// ASCII delimiter byte (see `splitBytes`).
    static func split(_ text: String, kind: SchemaShape.Kind, delimiter: UInt8, explode: Bool,
                      decode: (Substring) -> String?) -> Result<SerializedValue, StyleError> {
        func pieces(_ s: String, _ sep: UInt8) -> [String]? {
            var out: [String] = []
            for p in Substring(s).splitBytes(sep) {
                guard let d = decode(p) else { return nil }
                out.append(d)
            }
            return out
        }
        switch kind {
        case .scalar:
            guard let d = decode(Substring(text)) else { return .failure("has an invalid percent-encoding") }
            return .success(.scalar(d))
        case .array:
            if text.isEmpty { return .success(.list([])) }
            guard let list = pieces(text, delimiter) else { return .failure("has an invalid percent-encoding") }
            return .success(.list(list))
        case .object:
            if text.isEmpty { return .success(.map([])) }
            if explode {
                // name=value items separated by the delimiter; split before decoding so `%3D` stays in values.
                var out: [(String, SerializedValue)] = []
                for item in Substring(text).splitBytes(delimiter) {
                    guard let eq = item.utf8.firstIndex(of: UInt8(ascii: "=")) else { return .failure("expects name=value pairs") }
                    guard let k = decode(Substring(item.utf8[..<eq])),
                          let v = decode(Substring(item.utf8[item.utf8.index(after: eq)...])) else {
                        return .failure("has an invalid percent-encoding")
                    }
                    out.append((k, .scalar(v)))
                }
                return .success(.map(out))
            }
            guard let list = pieces(text, delimiter) else { return .failure("has an invalid percent-encoding") }
            guard let map = SerializedValue.pairs(list) else { return .failure("expects name,value pairs") }
            return .success(map)
        }
    }

    /// Decodes a path parameter's raw text for `simple`, `label` or `matrix` style.
    static func path(_ raw: String, name: String, style: ParameterStyle, explode: Bool,
                     kind: SchemaShape.Kind) -> Result<SerializedValue, StyleError> {
        let decode: (Substring) -> String? = { PercentDecoding.decode(String($0)) }
        switch style {
        case .label:
            guard raw.utf8.first == UInt8(ascii: ".") else { return .failure("label-style value must start with '.'") }
            let rest = String(Substring(raw.utf8.dropFirst()))
            return split(rest, kind: kind, delimiter: UInt8(ascii: explode ? "." : ","), explode: explode, decode: decode)
        case .matrix:
            return matrix(raw, name: name, explode: explode, kind: kind, decode: decode)
        default:
            return split(raw, kind: kind, delimiter: UInt8(ascii: ","), explode: explode, decode: decode)
        }
    }

    /// `;name=value`, `;name=a,b`, `;name=a;name=b`, `;k=v;k2=v2` (object explode).
    private static func matrix(_ raw: String, name: String, explode: Bool, kind: SchemaShape.Kind,
                               decode: (Substring) -> String?) -> Result<SerializedValue, StyleError> {
        guard raw.utf8.first == UInt8(ascii: ";") else { return .failure("matrix-style value must start with ';'") }
        let rest = Substring(raw.utf8.dropFirst())
        let items = rest.splitBytes(UInt8(ascii: ";"))
        // `name` or `name=value`, matched by bytes (names compare by code points).
        let nameBytes = name.utf8
        func valueOf(_ item: Substring) -> Substring? {
            let bytes = item.utf8
            guard bytes.starts(with: nameBytes) else { return nil }
            let after = bytes.index(bytes.startIndex, offsetBy: nameBytes.count)
            if after == bytes.endIndex { return "" }
            guard bytes[after] == UInt8(ascii: "=") else { return nil }
            return Substring(bytes[bytes.index(after: after)...])
        }
        if kind == .object && explode {
            return split(rest.splitBytes(UInt8(ascii: ";"), omittingEmpty: true).joined(separator: ";"), kind: .object,
                         delimiter: UInt8(ascii: ";"), explode: true, decode: decode)
        }
        if kind == .array && explode {
            var out: [String] = []
            for item in items {
                guard let v = valueOf(item), let d = decode(v) else { return .failure("expects ;\(name)=value items") }
                out.append(d)
            }
            return .success(.list(out))
        }
        guard items.count == 1, let v = valueOf(items[0]) else { return .failure("expects ;\(name)=value") }
        return split(String(v), kind: kind, delimiter: UInt8(ascii: ","), explode: false, decode: decode)
    }
}

extension Substring {
    /// The pieces between `separator` bytes. Splitting bytes rather than Characters means a combining
    /// mark after a separator cannot hide it and a canonically equivalent character (U+037E for `;`)
    /// cannot pose as one: pieces, and the names in them, are what the upstream sees.
    func splitBytes(_ separator: UInt8, omittingEmpty: Bool = false) -> [Substring] {
        utf8.split(separator: separator, omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }
}

/// Why a serialized value does not fit its style (the message completes "parameter 'x' …").
struct StyleError: Error, Sendable, ExpressibleByStringInterpolation {
    var message: String
    init(stringLiteral value: String) { message = value }
    init(_ message: String) { self.message = message }
}
