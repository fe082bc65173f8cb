import Document

/// The JSON Schema dialect a `SchemaCompiler` interprets schemas in.
///
/// - `draft2020_12`: JSON Schema 2020-12 (validation, applicator, unevaluated, core vocabularies).
/// - `openAPI31`: 2020-12 plus the OpenAPI base vocabulary (`discriminator` picks the branch;
///   `example`, `xml`, `externalDocs` are annotations).
/// - `draft4`: JSON Schema draft 4 (`id`, boolean `exclusiveMaximum`/`exclusiveMinimum`,
///   `$ref` siblings ignored, `items` arrays with `additionalItems`, `dependencies`).
/// - `openAPI30`: OpenAPI 3.0's draft-4 subset plus `nullable` and `discriminator`
///   (no `id`: 3.0 schema objects have no identifiers).
public enum SchemaDialect: Sendable {
    case draft2020_12, draft4, openAPI30, openAPI31

    /// True for the draft-4 family (draft4, openAPI30).
    var isDraft4Family: Bool { self == .draft4 || self == .openAPI30 }
    /// True for the OpenAPI dialects (discriminator honoured).
    var isOpenAPI: Bool { self == .openAPI30 || self == .openAPI31 }
}

/// Supplies whole documents for absolute URIs (without fragment); nil when unknown.
///
/// The compiler never touches the network: everything it resolves comes through this.
public protocol SchemaDocumentResolver: Sendable {
    /// The whole document retrievable at `uri` (absolute, no fragment), or nil.
    func document(forURI uri: String) -> JSONValue?
}

/// A resolver that serves a fixed map of URI → document (handy for tests and embedded schemas).
public struct StaticSchemaResolver: SchemaDocumentResolver {
    /// Documents keyed by absolute URI without fragment.
    public var documents: [String: JSONValue]

    /// A resolver serving `documents`.
    public init(_ documents: [String: JSONValue] = [:]) { self.documents = documents }

    /// The document registered under `uri`, if any.
    public func document(forURI uri: String) -> JSONValue? { documents[uri] }
}

/// Which message an OpenAPI schema is checked for; decides what `readOnly`/`writeOnly` mean.
public enum SchemaAccess: Sendable {
    /// Plain JSON Schema: `readOnly`/`writeOnly` are annotations.
    case any
    /// A request: a `required` property that is `readOnly: true` is not required.
    case request
    /// A response: a `required` property that is `writeOnly: true` is not required.
    case response
}

/// How a `SchemaCompiler` interprets and checks schemas.
public struct SchemaCompilerOptions: Sendable {
    /// The dialect schemas are read in.
    public var dialect: SchemaDialect
    /// When true, `format` is an assertion for the formats this module knows (unknown formats pass).
    public var assertFormats = true
    /// Request or response rules for `readOnly`/`writeOnly` (OpenAPI dialects only).
    public var access: SchemaAccess = .any

    /// Options for `dialect`, asserting formats unless told otherwise.
    public init(dialect: SchemaDialect, assertFormats: Bool = true, access: SchemaAccess = .any) {
        self.dialect = dialect
        self.assertFormats = assertFormats
        self.access = access
    }
}
