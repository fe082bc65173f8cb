/// The `HTTP` module; see README.md in this folder for what it owns.
public enum HTTPModule {
    /// The module's name, used in diagnostics.
    public static let name = "HTTP"
}
