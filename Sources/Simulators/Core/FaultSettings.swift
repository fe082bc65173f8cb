import Document

/// Faults a simulator injects, set at start (`SimulatorOptions.faults`) or at run time with
/// `POST /__sim/faults` (JSON with the same keys; keys present replace, others stay) and cleared
/// with `DELETE /__sim/faults`. "Every N" faults count the vendor requests (not `/__sim/…`),
/// starting at 1, so they are deterministic: `errorEvery: 4` fails requests 4, 8, 12, ….
public struct FaultSettings: Sendable, Equatable {
    /// Added before every vendor response, in milliseconds.
    public var latencyMilliseconds: Int = 0
    /// Every Nth request answers with the next status of `errorStatuses` (0 = off).
    public var errorEvery: Int = 0
    /// Statuses used in turn by `errorEvery` (500, 502, 503 by default).
    public var errorStatuses: [Int] = [500, 502, 503]
    /// Every Nth request answers 429 with `Retry-After: retryAfterSeconds` (0 = off).
    public var throttleEvery: Int = 0
    /// `Retry-After` of injected 429s.
    public var retryAfterSeconds: Int = 1
    /// Token lifetime in seconds for tokens issued from now on (UpKeep sessions, OWOX access tokens);
    /// nil = the vendor's default.
    public var tokenLifetimeSeconds: Int?
    /// Every Nth request has its connection closed halfway through the response body (0 = off).
    public var closeMidBodyEvery: Int = 0
    /// Every Nth request gets a malformed response: status line `HTTP/1.1 999` (outside 100–599, so
    /// any HTTP/1.1 parser must reject it) (0 = off).
    public var malformedEvery: Int = 0
    /// Every Nth request gets a well-framed response whose body is cut to its first half (invalid
    /// JSON for JSON bodies), for clients that parse bodies (logins, key exchanges) (0 = off).
    public var garbledBodyEvery: Int = 0

    /// No faults.
    public init() {}

    /// True when nothing is injected.
    public var isEmpty: Bool { self == FaultSettings() }

    /// Whether the fault with period `every` hits request number `n`.
    static func hits(_ every: Int, _ n: Int) -> Bool { every > 0 && n % every == 0 }

    /// Applies the keys of a `/__sim/faults` body; returns an error message for a bad key or value.
    mutating func apply(_ object: JSONObject) -> String? {
        for (key, value) in object {
            switch key {
            case "revokeTokens": continue
            case "errorStatuses":
                guard let items = value.arrayValue?.compactMap({ $0.numberValue?.intValue }),
                      !items.isEmpty, items.allSatisfy({ (400...599).contains($0) }) else {
                    return "errorStatuses must be a non-empty array of statuses 400...599"
                }
                errorStatuses = items
            case "tokenLifetimeSeconds":
                if value.isNull { tokenLifetimeSeconds = nil; continue }
                guard let n = value.numberValue?.intValue, n >= 0 else { return "tokenLifetimeSeconds must be an integer ≥ 0 or null" }
                tokenLifetimeSeconds = n
            default:
                guard let path = Self.intKey(key) else { return "unknown fault '\(key)'" }
                guard let n = value.numberValue?.intValue, n >= 0 else { return "\(key) must be an integer ≥ 0" }
                self[keyPath: path] = n
            }
        }
        return nil
    }

    /// The integer setting named `key`.
    private static func intKey(_ key: String) -> WritableKeyPath<FaultSettings, Int>? {
        switch key {
        case "latencyMilliseconds": return \.latencyMilliseconds
        case "errorEvery": return \.errorEvery
        case "throttleEvery": return \.throttleEvery
        case "retryAfterSeconds": return \.retryAfterSeconds
        case "closeMidBodyEvery": return \.closeMidBodyEvery
        case "malformedEvery": return \.malformedEvery
        case "garbledBodyEvery": return \.garbledBodyEvery
        default: return nil
        }
    }

    /// The settings as JSON (the body of `GET /__sim/faults`).
    var json: JSONValue {
        .object(JSONObject([
            ("latencyMilliseconds", .number(.init(latencyMilliseconds))),
            ("errorEvery", .number(.init(errorEvery))),
            ("errorStatuses", .array(errorStatuses.map { .number(.init($0)) })),
            ("throttleEvery", .number(.init(throttleEvery))),
            ("retryAfterSeconds", .number(.init(retryAfterSeconds))),
            ("tokenLifetimeSeconds", tokenLifetimeSeconds.map { .number(.init($0)) } ?? .null),
            ("closeMidBodyEvery", .number(.init(closeMidBodyEvery))),
            ("malformedEvery", .number(.init(malformedEvery))),
            ("garbledBodyEvery", .number(.init(garbledBodyEvery))),
        ]))
    }
}
