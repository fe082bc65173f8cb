/// Knobs of the request validator.
public struct ValidatorOptions: Sendable {
    /// Accept query parameters the operation does not declare (default: reject them).
    public var allowUndeclaredQueryParameters = false
    /// Largest body accepted (413 beyond).
    public var maxBodyBytes = 16 << 20
    /// Largest single multipart file part accepted (413 beyond).
    public var maxFileBytes = 10 << 20

    public init(allowUndeclaredQueryParameters: Bool = false, maxBodyBytes: Int = 16 << 20,
                maxFileBytes: Int = 10 << 20) {
        self.allowUndeclaredQueryParameters = allowUndeclaredQueryParameters
        self.maxBodyBytes = maxBodyBytes
        self.maxFileBytes = maxFileBytes
    }
}
