/// The `Simulators` module; see README.md in this folder for what it owns.
public enum SimulatorsModule {
    /// The module's name, used in diagnostics.
    public static let name = "Simulators"
}
