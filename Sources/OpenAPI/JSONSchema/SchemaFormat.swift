import Foundation
import Document

/// The `format` values this module asserts (unknown formats are annotations only and always pass).
///
/// String formats check strings only, numeric formats (OpenAPI's int32/int64/float/double) check
/// numbers only; every other type passes, as JSON Schema requires.
enum SchemaFormat: String, Sendable {
    case dateTime = "date-time", date, time, duration
    case email, idnEmail = "idn-email", hostname, idnHostname = "idn-hostname"
    case ipv4, ipv6
    case uri, uriReference = "uri-reference", iri, iriReference = "iri-reference", uriTemplate = "uri-template"
    case uuid, jsonPointer = "json-pointer", relativeJSONPointer = "relative-json-pointer", regex
    case byte, int32, int64, float, double

    /// True when `value` satisfies the format (or the format does not apply to its type).
    func accepts(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let s): return accepts(string: s)
        case .number(let n): return accepts(number: n)
        default: return true
        }
    }

    private func accepts(number n: JSONNumber) -> Bool {
        switch self {
        case .int32:
            guard n.isInteger, let v = n.int64Value else { return false }
            return v >= Int64(Int32.min) && v <= Int64(Int32.max)
        case .int64:
            return n.isInteger && n.int64Value != nil
        case .float:
            return abs(n.doubleValue) <= Double(Float.greatestFiniteMagnitude)
        case .double:
            return n.doubleValue.isFinite
        default:
            return true
        }
    }

    private func accepts(string s: String) -> Bool {
        switch self {
        case .dateTime, .date, .time, .uuid:
            // The common request formats read the string's UTF-8 bytes in place.
            var text = s
            return text.withUTF8 { bytes in
                switch self {
                case .dateTime: FormatGrammar.isDateTime(bytes)
                case .date: FormatGrammar.isDate(bytes)
                case .time: FormatGrammar.isTime(bytes)
                default: FormatGrammar.isUUID(bytes)
                }
            }
        default:
            return acceptsOther(string: s)
        }
    }

    private func acceptsOther(string s: String) -> Bool {
        let bytes = Array(s.utf8)
        switch self {
        case .dateTime, .date, .time, .uuid: return accepts(string: s)
        case .duration: return FormatGrammar.isDuration(bytes)
        case .email: return FormatGrammar.isEmail(s, international: false)
        case .idnEmail: return FormatGrammar.isEmail(s, international: true)
        case .hostname: return FormatGrammar.isIDNHostname(s, international: false)
        case .idnHostname: return FormatGrammar.isIDNHostname(s, international: true)
        case .ipv4: return FormatGrammar.isIPv4(bytes[...])
        case .ipv6: return FormatGrammar.isIPv6(bytes[...])
        case .uri: return FormatGrammar.isURI(s, requireScheme: true, international: false)
        case .uriReference: return FormatGrammar.isURI(s, requireScheme: false, international: false)
        case .iri: return FormatGrammar.isURI(s, requireScheme: true, international: true)
        case .iriReference: return FormatGrammar.isURI(s, requireScheme: false, international: true)
        case .uriTemplate: return FormatGrammar.isURITemplate(s)
        case .jsonPointer: return FormatGrammar.isJSONPointer(bytes[...])
        case .relativeJSONPointer: return FormatGrammar.isRelativeJSONPointer(bytes)
        case .regex: return SchemaPattern(s) != nil && !FormatGrammar.hasNonECMAEscape(s)
        case .byte: return FormatGrammar.isBase64(bytes)
        case .int32, .int64, .float, .double: return true
        }
    }
}
