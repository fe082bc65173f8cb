/// The outcome of routing one request.
public enum RouteResult: Sendable, Equatable {
    /// An operation matched.
    case matched(RouteMatch)
    /// No path template matches (404).
    case notFound
    /// Some path template matches but none of them defines the method (405); `allowed` goes in `Allow`.
    case methodNotAllowed(allowed: [HTTPMethod])
    /// The path is malformed (bad percent-escape, dot segment, encoded `/` in a parameter): 400.
    case badPath(String)
}

/// A matched operation with its path parameter values.
public struct RouteMatch: Sendable, Equatable {
    /// Index into `Router.operations`.
    public var operationIndex: Int
    /// Percent-decoded path parameter values by template name.
    public var pathParameters: [String: String]
    /// The same values before decoding (style parsers split on delimiters before decoding).
    public var rawPathParameters: [String: String]
}
