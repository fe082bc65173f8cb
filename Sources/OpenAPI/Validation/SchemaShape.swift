import Document

/// What parameter parsing needs from a schema: which types it admits, and the shapes of its items and
/// properties. It guides splitting and string-to-type coercion only; the schema check does the validating.
///
/// Recursive schemas make cyclic shapes: a reference to a schema still being read becomes a shape that
/// forwards to it once it is done (see `PendingShape`).
public final class SchemaShape: Sendable {
    private let ownTypes: JSONTypes
    private let ownItems: SchemaShape?
    private let ownProperties: [CodePointKey: SchemaShape]
    private let ownAdditional: SchemaShape?
    private let pending: PendingShape?

    init(types: JSONTypes, items: SchemaShape?, properties: [CodePointKey: SchemaShape], additional: SchemaShape?) {
        ownTypes = types
        ownItems = items
        ownProperties = properties
        ownAdditional = additional
        pending = nil
    }

    /// A shape standing for one that is still being built.
    init(pending: PendingShape) {
        ownTypes = []
        ownItems = nil
        ownProperties = [:]
        ownAdditional = nil
        self.pending = pending
    }

    /// The shape this one stands for (itself unless it is a forward reference).
    private var resolved: SchemaShape { pending?.target ?? self }

    /// Admitted types; empty means the schema does not say (values stay strings).
    public var types: JSONTypes { resolved.ownTypes }
    /// The shape of array items.
    public var items: SchemaShape? { resolved.ownItems }
    /// Shapes of named properties, by code points like JSON object keys (`"caf\u{E9}"` and
    /// `"cafe\u{301}"` are two properties, although Swift's `String ==` calls them equal).
    public var properties: [CodePointKey: SchemaShape] { resolved.ownProperties }
    /// The shape of other properties; nil when the schema closes the object (`additionalProperties: false`).
    public var additional: SchemaShape? {
        guard let pending else { return ownAdditional }
        guard let target = pending.target else { return .unknown }
        return target.ownAdditional
    }

    /// A shape that says nothing (values stay strings).
    public static let unknown = SchemaShape(types: [], items: nil, properties: [:], additional: nil)

    /// How a serialized value should be split: as an object, an array, or a single value.
    public var kind: Kind {
        let types = self.types
        if types.contains(.object) && !types.contains(.array) { return .object }
        if types.contains(.array) { return .array }
        return .scalar
    }

    /// See `kind`.
    public enum Kind: Sendable { case scalar, array, object }

    /// The shape for property `name` (matched by code points).
    public func property(_ name: String) -> SchemaShape? { properties[CodePointKey(name)] ?? additional }

    /// Whether the object admits properties other than the named ones.
    public var isOpen: Bool { additional != nil }
}

/// The target of a forward reference inside a recursive schema, filled in when reading it finishes.
///
/// `@unchecked Sendable` is safe: `target` is written only by `SchemaShapeReader` while
/// `RequestValidator.init` runs, before any shape is shared with another thread; afterwards it is
/// only read. It is weak so recursive shapes form no retain cycle; the validator keeps every shape
/// the reader made alive (`RequestValidator.shapes`).
final class PendingShape: @unchecked Sendable {
    weak var target: SchemaShape?
}
