import Document

extension LoadContext {
    /// Reads a `parameters` array (resolving references); reports duplicates and malformed entries.
    func readParameterList(_ value: JSONValue?, at pointer: JSONPointer, in uri: String) -> [Parameter] {
        guard let value else { return [] }
        guard case .array(let items) = value else {
            report("parameters must be an array, found \(value.typeName)", at: pointer, in: uri)
            return []
        }
        var out: [Parameter] = []
        for (i, item) in items.enumerated() {
            guard let p = readParameter(item, at: pointer.appending(i), in: uri) else { continue }
            if out.contains(where: { $0.key == p.key }) {
                report("duplicate parameter '\(p.name)' in \(p.location.rawValue)", at: pointer.appending(i), in: uri)
                continue
            }
            out.append(p)
        }
        return out
    }

    private func readParameter(_ value: JSONValue, at pointer: JSONPointer, in uri: String) -> Parameter? {
        guard let (obj, loc) = resolveObject(value, at: pointer, in: uri, what: "Parameter") else { return nil }
        let here = loc.pointer
        let doc = loc.documentURI
        guard case .string(let name)? = obj["name"] else {
            report("parameter is missing 'name' (a string)", at: here, in: doc)
            return nil
        }
        guard case .string(let inText)? = obj["in"], let location = ParameterLocation(rawValue: inText) else {
            report("parameter '\(name)' needs 'in' to be one of path, query, header, cookie", at: here, in: doc)
            return nil
        }
        let required = bool(obj, "required", at: here, in: doc)
        if location == .path && required != true {
            report("path parameter '\(name)' must have required: true", at: here, in: doc)
        }
        var style: ParameterStyle?
        if let s = obj["style"] {
            if case .string(let text) = s, let st = ParameterStyle(rawValue: text) {
                if st.isAllowed(in: location) { style = st } else {
                    report("style '\(text)' is not allowed for \(location.rawValue) parameters", at: here.appending("style"), in: doc)
                }
            } else {
                report("unknown style \(s)", at: here.appending("style"), in: doc)
            }
        }
        let schemaValue = obj["schema"]
        let contentValue = obj["content"]
        var schema: SchemaLocation?
        var content: MediaType?
        switch (schemaValue, contentValue) {
        case (nil, nil):
            report("parameter '\(name)' needs either 'schema' or 'content'", at: here, in: doc)
        case (.some, .some):
            report("parameter '\(name)' has both 'schema' and 'content'; exactly one is allowed", at: here, in: doc)
        case (.some(let s), nil):
            if checkSchema(s, at: here.appending("schema"), in: doc) {
                schema = SchemaLocation(documentURI: doc, pointer: here.appending("schema"))
            }
        case (nil, .some(let c)):
            let media = readContent(c, at: here.appending("content"), in: doc)
            if media.count != 1 {
                report("parameter '\(name)' content must have exactly one media type", at: here.appending("content"), in: doc)
            }
            content = media.first
        }
        if location != .query, obj["allowEmptyValue"] != nil {
            report("allowEmptyValue applies to query parameters only", at: here.appending("allowEmptyValue"), in: doc)
        }
        return Parameter(name: name, location: location, required: required ?? false,
                         deprecated: bool(obj, "deprecated", at: here, in: doc) ?? false,
                         allowEmptyValue: bool(obj, "allowEmptyValue", at: here, in: doc) ?? false,
                         style: style, explode: bool(obj, "explode", at: here, in: doc),
                         allowReserved: bool(obj, "allowReserved", at: here, in: doc) ?? false,
                         schema: schema, content: content, source: loc)
    }

    /// Reads a Request Body Object (resolving references).
    func readRequestBody(_ value: JSONValue, at pointer: JSONPointer, in uri: String) -> RequestBody? {
        guard let (obj, loc) = resolveObject(value, at: pointer, in: uri, what: "Request Body") else { return nil }
        guard let c = obj["content"] else {
            report("request body is missing required field 'content'", at: loc.pointer, in: loc.documentURI)
            return nil
        }
        let content = readContent(c, at: loc.pointer.appending("content"), in: loc.documentURI)
        return RequestBody(required: bool(obj, "required", at: loc.pointer, in: loc.documentURI) ?? false,
                           content: content)
    }

    /// Reads a `content` map into media types, checking keys parse and schemas have the right type.
    func readContent(_ value: JSONValue, at pointer: JSONPointer, in uri: String) -> [MediaType] {
        guard case .object(let map) = value else {
            report("content must be an object, found \(value.typeName)", at: pointer, in: uri)
            return []
        }
        var out: [MediaType] = []
        for (key, mediaValue) in map {
            let here = pointer.appending(key)
            guard MediaRange(key) != nil else {
                report("'\(key)' is not a media type or range", at: here, in: uri, key: true)
                continue
            }
            guard case .object(let media) = mediaValue else {
                report("Media Type Object must be an object, found \(mediaValue.typeName)", at: here, in: uri)
                continue
            }
            var schema: SchemaLocation?
            if let s = media["schema"], checkSchema(s, at: here.appending("schema"), in: uri) {
                schema = SchemaLocation(documentURI: uri, pointer: here.appending("schema"))
            }
            var encoding: [CodePointKey: Encoding] = [:]
            if case .object(let enc)? = media["encoding"] {
                for (prop, e) in enc {
                    guard case .object(let eo) = e else { continue }
                    let ep = here.appending("encoding").appending(prop)
                    encoding[CodePointKey(prop)] = Encoding(contentType: eo["contentType"]?.stringValue,
                                              style: eo["style"]?.stringValue.flatMap(ParameterStyle.init(rawValue:)),
                                              explode: bool(eo, "explode", at: ep, in: uri))
                }
            }
            out.append(MediaType(key: key, schema: schema, encoding: encoding))
        }
        return out
    }

    /// Checks a Schema Object has an acceptable JSON type (object; 3.1 also boolean).
    func checkSchema(_ value: JSONValue, at pointer: JSONPointer, in uri: String) -> Bool {
        switch value {
        case .object: return true
        case .bool where version == .v3_1: return true
        default:
            report("schema must be \(version == .v3_1 ? "an object or a boolean" : "an object"), found \(value.typeName)",
                   at: pointer, in: uri)
            return false
        }
    }

    /// A boolean field, reporting a wrong type; nil when absent.
    private func bool(_ obj: JSONObject, _ key: String, at pointer: JSONPointer, in uri: String) -> Bool? {
        guard let v = obj[key] else { return nil }
        guard case .bool(let b) = v else {
            report("\(key) must be a boolean, found \(v.typeName)", at: pointer.appending(key), in: uri)
            return nil
        }
        return b
    }
}
