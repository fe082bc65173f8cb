/// Where audit lines are written.
public enum AuditDestination: Sendable, Hashable {
    /// Standard output (`path: stdout`), the default.
    case standardOutput
    /// Appended to a file (resolved path).
    case file(String)
}
