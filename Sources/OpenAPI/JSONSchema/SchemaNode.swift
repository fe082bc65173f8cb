import Document

/// One compiled (sub)schema: its keywords as ready-to-run rules, never raw JSON.
///
/// Immutable once built. References to other nodes go through `ReferenceSlot`, which the compiler
/// fills before handing out any schema that can reach it.
final class SchemaNode: Sendable {
    /// Absolute location of this schema (`base#/pointer`), the prefix of every keyword location.
    let location: String
    /// Set for boolean schemas (`true` accepts everything, `false` nothing); keywords are then empty.
    let constant: Bool?
    /// The keyword rules in evaluation order (`unevaluated*` last).
    let keywords: [SchemaKeyword]
    /// The schema resource this node belongs to (for `$dynamicRef` scope).
    let resource: SchemaResource
    /// True when this node has `unevaluatedProperties`/`unevaluatedItems` and so needs annotations.
    let needsAnnotations: Bool
    /// The types named by `type`, if any (used to pick the most likely `anyOf` branch for messages).
    let declaredTypes: JSONTypes?

    init(location: String, constant: Bool?, keywords: [SchemaKeyword], resource: SchemaResource,
         declaredTypes: JSONTypes? = nil) {
        self.location = location
        self.constant = constant
        self.keywords = keywords
        self.resource = resource
        self.needsAnnotations = keywords.contains {
            if case .unevaluatedProperties = $0.rule { return true }
            if case .unevaluatedItems = $0.rule { return true }
            return false
        }
        self.declaredTypes = declaredTypes
    }
}

/// A keyword of a compiled schema: its name, absolute location, and rule.
///
/// A class so that running a schema passes each keyword by one reference instead of copying (and
/// retaining) its strings and rule payload for every keyword of every evaluated node.
final class SchemaKeyword: Sendable {
    /// The keyword as written (`minLength`).
    let name: String
    /// Absolute keyword location.
    let location: String
    /// What it checks.
    let rule: SchemaRule

    init(name: String, location: String, rule: SchemaRule) {
        self.name = name
        self.location = location
        self.rule = rule
    }
}

/// The check a keyword performs, with everything it needs precomputed.
enum SchemaRule: Sendable {
    case type(JSONTypes)
    case enumeration([JSONValue], Set<JSONValue>)
    case constant(JSONValue)
    case multipleOf(JSONNumber)
    case maximum(JSONNumber, exclusive: Bool)
    case minimum(JSONNumber, exclusive: Bool)
    case maxLength(Int)
    case minLength(Int)
    case pattern(SchemaPattern)
    case format(SchemaFormat)
    case prefixItems([SchemaNode])
    case items(SchemaNode, from: Int)
    case contains(SchemaNode, min: Int, max: Int?, minLocation: String?, maxLocation: String?)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case properties(PropertyMap<SchemaNode>)
    case patternProperties([PatternProperty])
    case additionalProperties(SchemaNode, known: PropertyMap<SchemaNode>, patterns: [SchemaPattern])
    case propertyNames(SchemaNode)
    case required([String])
    case dependentRequired([(String, [String])])
    case dependentSchemas([(String, SchemaNode)])
    case maxProperties(Int)
    case minProperties(Int)
    case allOf([SchemaNode])
    case anyOf([SchemaNode], SchemaDiscriminator?)
    case oneOf([SchemaNode], SchemaDiscriminator?)
    case not(SchemaNode)
    case conditional(if: SchemaNode, then: SchemaNode?, else: SchemaNode?)
    case ref(ReferenceSlot)
    case dynamicRef(ReferenceSlot, anchor: String?)
    case unevaluatedProperties(SchemaNode)
    case unevaluatedItems(SchemaNode)
}

/// A `patternProperties` entry.
struct PatternProperty: Sendable {
    let pattern: SchemaPattern
    let schema: SchemaNode
}

/// OpenAPI `discriminator`: the property whose value names the `oneOf`/`anyOf` branch to apply.
struct SchemaDiscriminator: Sendable {
    /// The discriminating property.
    let propertyName: String
    /// Absolute location of the `discriminator` keyword.
    let location: String
    /// Value → schema, from `mapping` and from the branch `$ref` names (values compared by code points).
    let branches: [CodePointKey: ReferenceSlot]
}

/// A late-bound link to a node, filled by the compiler once the target is compiled (recursion).
///
/// `@unchecked Sendable` is safe: `target` is written only by `SchemaCompiler` while compiling,
/// before `compile` returns any `CompiledSchema` from which the slot is reachable (a failed
/// compile discards every node it created); afterwards it is only read.
final class ReferenceSlot: @unchecked Sendable {
    /// The reference as written, resolved to an absolute URI (for messages).
    let uri: String
    /// The node; nil only while compiling.
    var target: SchemaNode?

    init(uri: String) { self.uri = uri }
}

/// A schema resource (a schema with `$id`, or a document root): the unit of `$dynamicRef` scope.
final class SchemaResource: Sendable {
    /// The resource's absolute URI.
    let uri: String
    /// `$dynamicAnchor` name → the schema that declares it in this resource.
    let dynamicAnchors: [String: ReferenceSlot]

    init(uri: String, dynamicAnchors: [String: ReferenceSlot]) {
        self.uri = uri
        self.dynamicAnchors = dynamicAnchors
    }
}
