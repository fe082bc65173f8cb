import Document

/// The standard meta-schemas (draft 4 and 2020-12 with its vocabulary meta-schemas), known without
/// fetching, so schemas that `$ref` them (to validate schemas as data) compile offline.
///
/// Written for this module from the published specifications; annotation-only members (titles,
/// `$comment`s) are left out, the assertions are those of the official documents.
enum MetaSchemas {
    /// The built-in document for `uri` (absolute, without fragment), or nil.
    static func document(forURI uri: String) -> JSONValue? { documents[uri] }

    /// Parsed once, on first use.
    private static let documents: [String: JSONValue] = {
        var parsed: [String: JSONValue] = [:]
        for (uri, text) in sources {
            if let value = try? JSONReader.parse(Array(text.utf8), file: uri) { parsed[uri] = value }
        }
        return parsed
    }()

    static let draft2020 = "https://json-schema.org/draft/2020-12/"

    /// URI → JSON text.
    static let sources: [String: String] = [
        draft2020 + "schema": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/schema",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                         "https://json-schema.org/draft/2020-12/vocab/applicator": true,
                         "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
                         "https://json-schema.org/draft/2020-12/vocab/validation": true,
                         "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
                         "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
                         "https://json-schema.org/draft/2020-12/vocab/content": true},
         "$dynamicAnchor": "meta",
         "allOf": [{"$ref": "meta/core"}, {"$ref": "meta/applicator"}, {"$ref": "meta/unevaluated"},
                   {"$ref": "meta/validation"}, {"$ref": "meta/meta-data"}, {"$ref": "meta/format-annotation"},
                   {"$ref": "meta/content"}],
         "type": ["object", "boolean"],
         "properties": {
           "definitions": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}},
           "dependencies": {"type": "object", "additionalProperties": {"anyOf": [{"$dynamicRef": "#meta"},
                            {"$ref": "meta/validation#/$defs/stringArray"}]}},
           "$recursiveAnchor": {"$ref": "meta/core#/$defs/anchorString"},
           "$recursiveRef": {"$ref": "meta/core#/$defs/uriReferenceString"}}}
        """,
        draft2020 + "meta/core": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/meta/core",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true}, "$dynamicAnchor": "meta",
         "type": ["object", "boolean"],
         "properties": {
           "$id": {"$ref": "#/$defs/uriReferenceString", "pattern": "^[^#]*#?$"},
           "$schema": {"$ref": "#/$defs/uriString"},
           "$ref": {"$ref": "#/$defs/uriReferenceString"},
           "$anchor": {"$ref": "#/$defs/anchorString"},
           "$dynamicRef": {"$ref": "#/$defs/uriReferenceString"},
           "$dynamicAnchor": {"$ref": "#/$defs/anchorString"},
           "$vocabulary": {"type": "object", "propertyNames": {"$ref": "#/$defs/uriString"},
                           "additionalProperties": {"type": "boolean"}},
           "$comment": {"type": "string"},
           "$defs": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}}},
         "$defs": {
           "anchorString": {"type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$"},
           "uriString": {"type": "string", "format": "uri"},
           "uriReferenceString": {"type": "string", "format": "uri-reference"}}}
        """,
        draft2020 + "meta/applicator": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/meta/applicator",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/applicator": true}, "$dynamicAnchor": "meta",
         "type": ["object", "boolean"],
         "properties": {
           "prefixItems": {"$ref": "#/$defs/schemaArray"},
           "items": {"$dynamicRef": "#meta"},
           "contains": {"$dynamicRef": "#meta"},
           "additionalProperties": {"$dynamicRef": "#meta"},
           "properties": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}},
           "patternProperties": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"},
                                 "propertyNames": {"format": "regex"}},
           "dependentSchemas": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}},
           "propertyNames": {"$dynamicRef": "#meta"},
           "if": {"$dynamicRef": "#meta"},
           "then": {"$dynamicRef": "#meta"},
           "else": {"$dynamicRef": "#meta"},
           "allOf": {"$ref": "#/$defs/schemaArray"},
           "anyOf": {"$ref": "#/$defs/schemaArray"},
           "oneOf": {"$ref": "#/$defs/schemaArray"},
           "not": {"$dynamicRef": "#meta"}},
         "$defs": {"schemaArray": {"type": "array", "minItems": 1, "items": {"$dynamicRef": "#meta"}}}}
        """,
        draft2020 + "meta/unevaluated": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/meta/unevaluated",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/unevaluated": true}, "$dynamicAnchor": "meta",
         "type": ["object", "boolean"],
         "properties": {"unevaluatedItems": {"$dynamicRef": "#meta"},
                        "unevaluatedProperties": {"$dynamicRef": "#meta"}}}
        """,
        draft2020 + "meta/validation": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/meta/validation",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/validation": true}, "$dynamicAnchor": "meta",
         "type": ["object", "boolean"],
         "properties": {
           "type": {"anyOf": [{"$ref": "#/$defs/simpleTypes"},
                              {"type": "array", "items": {"$ref": "#/$defs/simpleTypes"}, "minItems": 1, "uniqueItems": true}]},
           "const": true,
           "enum": {"type": "array", "items": true},
           "multipleOf": {"type": "number", "exclusiveMinimum": 0},
           "maximum": {"type": "number"},
           "exclusiveMaximum": {"type": "number"},
           "minimum": {"type": "number"},
           "exclusiveMinimum": {"type": "number"},
           "maxLength": {"$ref": "#/$defs/nonNegativeInteger"},
           "minLength": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
           "pattern": {"type": "string", "format": "regex"},
           "maxItems": {"$ref": "#/$defs/nonNegativeInteger"},
           "minItems": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
           "uniqueItems": {"type": "boolean"},
           "maxContains": {"$ref": "#/$defs/nonNegativeInteger"},
           "minContains": {"$ref": "#/$defs/nonNegativeInteger"},
           "maxProperties": {"$ref": "#/$defs/nonNegativeInteger"},
           "minProperties": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
           "required": {"$ref": "#/$defs/stringArray"},
           "dependentRequired": {"type": "object", "additionalProperties": {"$ref": "#/$defs/stringArray"}}},
         "$defs": {
           "nonNegativeInteger": {"type": "integer", "minimum": 0},
           "nonNegativeIntegerDefault0": {"$ref": "#/$defs/nonNegativeInteger"},
           "simpleTypes": {"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]},
           "stringArray": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}}}
        """,
        draft2020 + "meta/meta-data": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/meta/meta-data",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/meta-data": true}, "$dynamicAnchor": "meta",
         "type": ["object", "boolean"],
         "properties": {"title": {"type": "string"}, "description": {"type": "string"}, "default": true,
                        "deprecated": {"type": "boolean"}, "readOnly": {"type": "boolean"},
                        "writeOnly": {"type": "boolean"}, "examples": {"type": "array", "items": true}}}
        """,
        draft2020 + "meta/format-annotation": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/meta/format-annotation",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/format-annotation": true}, "$dynamicAnchor": "meta",
         "type": ["object", "boolean"], "properties": {"format": {"type": "string"}}}
        """,
        draft2020 + "meta/content": """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://json-schema.org/draft/2020-12/meta/content",
         "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/content": true}, "$dynamicAnchor": "meta",
         "type": ["object", "boolean"],
         "properties": {"contentEncoding": {"type": "string"}, "contentMediaType": {"type": "string"},
                        "contentSchema": {"$dynamicRef": "#meta"}}}
        """,
        "http://json-schema.org/draft-04/schema": """
        {"id": "http://json-schema.org/draft-04/schema#", "$schema": "http://json-schema.org/draft-04/schema#",
         "definitions": {
           "schemaArray": {"type": "array", "minItems": 1, "items": {"$ref": "#"}},
           "positiveInteger": {"type": "integer", "minimum": 0},
           "positiveIntegerDefault0": {"allOf": [{"$ref": "#/definitions/positiveInteger"}, {"default": 0}]},
           "simpleTypes": {"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]},
           "stringArray": {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true}},
         "type": "object",
         "properties": {
           "id": {"type": "string"}, "$schema": {"type": "string"},
           "title": {"type": "string"}, "description": {"type": "string"}, "default": {},
           "multipleOf": {"type": "number", "minimum": 0, "exclusiveMinimum": true},
           "maximum": {"type": "number"}, "exclusiveMaximum": {"type": "boolean"},
           "minimum": {"type": "number"}, "exclusiveMinimum": {"type": "boolean"},
           "maxLength": {"$ref": "#/definitions/positiveInteger"},
           "minLength": {"$ref": "#/definitions/positiveIntegerDefault0"},
           "pattern": {"type": "string", "format": "regex"},
           "additionalItems": {"anyOf": [{"type": "boolean"}, {"$ref": "#"}]},
           "items": {"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/schemaArray"}]},
           "maxItems": {"$ref": "#/definitions/positiveInteger"},
           "minItems": {"$ref": "#/definitions/positiveIntegerDefault0"},
           "uniqueItems": {"type": "boolean"},
           "maxProperties": {"$ref": "#/definitions/positiveInteger"},
           "minProperties": {"$ref": "#/definitions/positiveIntegerDefault0"},
           "required": {"$ref": "#/definitions/stringArray"},
           "additionalProperties": {"anyOf": [{"type": "boolean"}, {"$ref": "#"}]},
           "definitions": {"type": "object", "additionalProperties": {"$ref": "#"}},
           "properties": {"type": "object", "additionalProperties": {"$ref": "#"}},
           "patternProperties": {"type": "object", "additionalProperties": {"$ref": "#"}},
           "dependencies": {"type": "object", "additionalProperties": {"anyOf": [{"$ref": "#"},
                            {"$ref": "#/definitions/stringArray"}]}},
           "enum": {"type": "array", "minItems": 1, "uniqueItems": true},
           "type": {"anyOf": [{"$ref": "#/definitions/simpleTypes"},
                              {"type": "array", "items": {"$ref": "#/definitions/simpleTypes"}, "minItems": 1, "uniqueItems": true}]},
           "format": {"type": "string"},
           "allOf": {"$ref": "#/definitions/schemaArray"},
           "anyOf": {"$ref": "#/definitions/schemaArray"},
           "oneOf": {"$ref": "#/definitions/schemaArray"},
           "not": {"$ref": "#"}},
         "dependencies": {"exclusiveMaximum": ["maximum"], "exclusiveMinimum": ["minimum"]},
         "default": {}}
        """,
    ]
}
