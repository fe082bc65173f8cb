extension AdminEndpoints {
    /// The same endpoints with `/metrics` served by `metrics`.
    public func with(metrics: MetricsEndpoint) -> AdminEndpoints {
        var copy = self
        copy.metrics = metrics
        return copy
    }
}
