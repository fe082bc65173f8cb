import Document

/// A compiled schema: validates instances without looking at schema JSON again. Safe to share.
public struct CompiledSchema: Sendable {
    let root: SchemaNode
    /// False when no `$dynamicRef` with a dynamic anchor is reachable (then the scope is not tracked).
    let tracksDynamicScope: Bool

    /// Absolute location of the schema this was compiled from.
    public var location: String { root.location }

    /// Every violation of the schema by `instance` (empty when valid).
    ///
    /// A valid instance (the common case) costs one yes/no pass without path or message work; only
    /// an invalid one is evaluated again, collecting every violation.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        if isValid(instance) { return [] }
        return collectViolations(instance)
    }

    /// The collecting pass alone, without the yes/no pass first (tests check that both modes agree).
    func collectViolations(_ instance: JSONValue) -> [SchemaViolation] {
        var evaluator = SchemaEvaluator(collect: true, tracksScope: tracksDynamicScope)
        _ = evaluator.evaluate(root, instance, annotate: false)
        return evaluator.violations
    }

    /// True when `instance` is valid; stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(collect: false, tracksScope: tracksDynamicScope)
        return evaluator.evaluate(root, instance, annotate: false).valid
    }
}
