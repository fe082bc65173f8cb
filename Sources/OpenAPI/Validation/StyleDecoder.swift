/// Splits serialized parameter values by `style` and `explode` (the OpenAPI style table), before type coercion.
enum StyleDecoder {
    /// Splits a single string value (path after the prefix, header, non-exploded query/cookie) by delimiter.
    static func split(_ text: String, kind: SchemaShape.Kind, delimiter: Character, explode: Bool,
                      decode: (Substring) -> String?) -> Result<SerializedValue, StyleError> {
        func pieces(_ s: String, _ sep: Character) -> [String]? {
            var out: [String] = []
            for p in s.split(separator: sep, omittingEmptySubsequences: false) {
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
                for item in text.split(separator: delimiter, omittingEmptySubsequences: false) {
                    guard let eq = item.firstIndex(of: "=") else { return .failure("expects name=value pairs") }
                    guard let k = decode(item[..<eq]), let v = decode(item[item.index(after: eq)...]) else {
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
            guard raw.hasPrefix(".") else { return .failure("label-style value must start with '.'") }
            let rest = String(raw.dropFirst())
            return split(rest, kind: kind, delimiter: explode ? "." : ",", explode: explode, decode: decode)
        case .matrix:
            return matrix(raw, name: name, explode: explode, kind: kind, decode: decode)
        default:
            return split(raw, kind: kind, delimiter: ",", explode: explode, decode: decode)
        }
    }

    /// `;name=value`, `;name=a,b`, `;name=a;name=b`, `;k=v;k2=v2` (object explode).
    private static func matrix(_ raw: String, name: String, explode: Bool, kind: SchemaShape.Kind,
                               decode: (Substring) -> String?) -> Result<SerializedValue, StyleError> {
        guard raw.hasPrefix(";") else { return .failure("matrix-style value must start with ';'") }
        let items = raw.dropFirst().split(separator: ";", omittingEmptySubsequences: false)
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
            return split(raw.dropFirst().split(separator: ";").joined(separator: ";"), kind: .object,
                         delimiter: ";", explode: true, decode: decode)
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
        return split(String(v), kind: kind, delimiter: ",", explode: false, decode: decode)
    }
}

/// Why a serialized value does not fit its style (the message completes "parameter 'x' …").
struct StyleError: Error, Sendable, ExpressibleByStringInterpolation {
    var message: String
    init(stringLiteral value: String) { message = value }
    init(_ message: String) { self.message = message }
}
