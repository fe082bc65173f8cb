extension AdminEndpoints {
    /// The same endpoints with Prometheus text for `/metrics` rendered by `prometheus`.
    public func with(prometheus: MetricsEndpoint) -> AdminEndpoints {
        var copy = self
        copy.prometheus = prometheus
        return copy
    }
}
