/// The `OpenAPI` module; see README.md in this folder for what it owns.
public enum OpenAPIModule {
    /// The module's name, used in diagnostics.
    public static let name = "OpenAPI"
}
