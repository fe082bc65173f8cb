/// The `Gateway` module; see README.md in this folder for what it owns.
public enum GatewayModule {
    /// The module's name, used in diagnostics.
    public static let name = "Gateway"
}
