#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string that compares and hashes by its Unicode scalars (JSON string equality, RFC 8259 §8.3),
/// not by Swift's canonical equivalence (`"ñ"` U+00F1 and `"n\u{0303}"` are different keys).
///
/// Use it as the key of any dictionary or set whose keys are JSON object member names or JSON
/// Pointer strings.
public struct CodePointKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The wrapped string.
    public let string: String

    /// Wraps `string`.
    public init(_ string: String) { self.string = string }

    /// Wraps a literal.
    public init(stringLiteral value: String) { self.string = value }

    public var description: String { string }

    public static func == (a: CodePointKey, b: CodePointKey) -> Bool { a.string.codePointsEqual(b.string) }

    public func hash(into hasher: inout Hasher) { string.hashCodePoints(into: &hasher) }
}

extension String {
    /// True when both strings consist of the same Unicode scalars; for valid Strings that is
    /// "same UTF-8 bytes", compared with `memcmp` after an O(1) length check.
    @inlinable
    public func codePointsEqual(_ other: String) -> Bool {
        #if arch(x86_64) || arch(arm64)
        // Identical 16-byte representations (the same small inline string, or the same storage
        // with the same count) hold the same bytes: the common "found it" case, without a memcmp.
        if unsafeBitCast(self, to: (UInt64, UInt64).self) == unsafeBitCast(other, to: (UInt64, UInt64).self) {
            return true
        }
        #endif
        guard utf8.count == other.utf8.count else { return false }
        return codePointBytesEqual(other)
    }

    /// `memcmp` of the UTF-8 bytes (lengths already known equal).
    @usableFromInline
    func codePointBytesEqual(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                guard pa.count == pb.count else { return false }
                guard let x = pa.baseAddress, let y = pb.baseAddress, x != y else { return true }
                return memcmp(x, y, pa.count) == 0
            }
        }
    }

    /// Feeds the UTF-8 bytes and their count to `hasher` (consistent with `codePointsEqual`).
    public func hashCodePoints(into hasher: inout Hasher) {
        var s = self
        s.withUTF8 { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            hasher.combine(bytes.count)
        }
    }
}
