import Document

extension LoadContext {
    /// Reads every operation under `paths`, checking each Path Item and Operation Object.
    func readOperations(root: JSONObject, securitySchemes: Set<String>) -> [Operation] {
        let rootSecurity = readSecurity(root["security"], at: JSONPointer(tokens: ["security"]), in: rootURI,
                                        schemes: securitySchemes) ?? []
        guard let pathsValue = root["paths"] else {
            if version == .v3_0 { report("missing required field 'paths'", at: .root, in: rootURI) }
            return []
        }
        guard case .object(let paths) = pathsValue else {
            report("'paths' must be an object, found \(pathsValue.typeName)", at: JSONPointer(tokens: ["paths"]), in: rootURI)
            return []
        }
        var operations: [Operation] = []
        var shapes: [String: String] = [:]
        var operationIds: [String: JSONPointer] = [:]
        for (template, itemValue) in paths {
            let itemPointer = JSONPointer(tokens: ["paths", template])
            if template.hasPrefix("x-") { continue }
            let parsed: PathTemplate
            switch PathTemplate.parse(template) {
            case .success(let t): parsed = t
            case .failure(let e):
                report("invalid path template '\(template)': \(e.message)", at: itemPointer, in: rootURI, key: true)
                continue
            }
            let names = parsed.parameterNames
            if Set(names).count != names.count {
                report("path template '\(template)' repeats a parameter name", at: itemPointer, in: rootURI, key: true)
            }
            if let other = shapes[parsed.shape] {
                report("path '\(template)' is the same route as '\(other)' (templated paths differing only in names are ambiguous)",
                       at: itemPointer, in: rootURI, key: true)
            } else {
                shapes[parsed.shape] = template
            }
            guard let (item, itemLoc) = resolveObject(itemValue, at: itemPointer, in: rootURI, what: "Path Item") else { continue }
            let pathParams = readParameterList(item["parameters"], at: itemLoc.pointer.appending("parameters"),
                                               in: itemLoc.documentURI)
            for method in HTTPMethod.operationKeys {
                guard let opValue = item[method] else { continue }
                let opPointer = itemLoc.pointer.appending(method)
                guard case .object(let op) = opValue else {
                    report("Operation must be an object, found \(opValue.typeName)", at: opPointer, in: itemLoc.documentURI)
                    continue
                }
                let opLoc = SchemaLocation(documentURI: itemLoc.documentURI, pointer: opPointer)
                if let operation = readOperation(op, method: HTTPMethod(method), template: parsed, at: opLoc,
                                                 pathParams: pathParams, rootSecurity: rootSecurity,
                                                 schemes: securitySchemes) {
                    if let id = operation.operationId {
                        if let first = operationIds[id] {
                            report("duplicate operationId '\(id)' (first used at \(first.string))",
                                   at: opPointer.appending("operationId"), in: opLoc.documentURI)
                        } else {
                            operationIds[id] = opPointer
                        }
                    }
                    operations.append(operation)
                }
            }
        }
        return operations
    }

    private func readOperation(_ op: JSONObject, method: HTTPMethod, template: PathTemplate, at loc: SchemaLocation,
                               pathParams: [Parameter], rootSecurity: [[String: [String]]],
                               schemes: Set<String>) -> Operation? {
        let uri = loc.documentURI
        var operationId: String?
        if let v = op["operationId"] {
            if case .string(let s) = v { operationId = s } else {
                report("operationId must be a string, found \(v.typeName)", at: loc.pointer.appending("operationId"), in: uri)
            }
        }
        let own = readParameterList(op["parameters"], at: loc.pointer.appending("parameters"), in: uri)
        var merged = pathParams.filter { p in !own.contains { $0.key == p.key } }
        merged.append(contentsOf: own)

        // Names match by code points, like every other parameter name (see ParameterKey).
        let templateNames = Set(template.parameterNames.map { CodePointKey($0) })
        for name in template.parameterNames where !merged.contains(where: { $0.location == .path && $0.name.codePointsEqual(name) }) {
            report("path template '\(template.text)' has '{\(name)}' but \(method) declares no path parameter '\(name)'",
                   at: loc.pointer, in: uri)
        }
        for p in merged where p.location == .path && !templateNames.contains(CodePointKey(p.name)) {
            report("path parameter '\(p.name)' does not appear in path template '\(template.text)'",
                   at: p.source.pointer, in: p.source.documentURI)
        }

        var body: RequestBody?
        if let b = op["requestBody"] {
            body = readRequestBody(b, at: loc.pointer.appending("requestBody"), in: uri)
        }
        var responses: JSONValue = .object(JSONObject())
        if let r = op["responses"] {
            if case .object(let obj) = r {
                if obj.isEmpty && version == .v3_0 {
                    report("responses must declare at least one response", at: loc.pointer.appending("responses"), in: uri)
                }
                responses = r
            } else {
                report("responses must be an object, found \(r.typeName)", at: loc.pointer.appending("responses"), in: uri)
            }
        } else if version == .v3_0 {
            report("operation is missing required field 'responses'", at: loc.pointer, in: uri)
        }
        let security = readSecurity(op["security"], at: loc.pointer.appending("security"), in: uri, schemes: schemes)
        var tags: [String] = []
        if let t = op["tags"] {
            if case .array(let items) = t, items.allSatisfy({ $0.stringValue != nil }) {
                tags = items.compactMap(\.stringValue)
            } else {
                report("tags must be an array of strings", at: loc.pointer.appending("tags"), in: uri)
            }
        }
        var deprecated = false
        if let d = op["deprecated"] {
            if case .bool(let b) = d { deprecated = b } else {
                report("deprecated must be a boolean, found \(d.typeName)", at: loc.pointer.appending("deprecated"), in: uri)
            }
        }
        return Operation(method: method, path: template.text, operationId: operationId, parameters: merged,
                         requestBody: body, responses: responses, security: security ?? rootSecurity,
                         tags: tags, deprecated: deprecated, source: loc)
    }

    /// Reads a Security Requirement array; reports unknown scheme names. Nil when absent.
    private func readSecurity(_ value: JSONValue?, at pointer: JSONPointer, in uri: String,
                              schemes: Set<String>) -> [[String: [String]]]? {
        guard let value else { return nil }
        guard case .array(let items) = value else {
            report("security must be an array, found \(value.typeName)", at: pointer, in: uri)
            return nil
        }
        var out: [[String: [String]]] = []
        for (i, item) in items.enumerated() {
            guard case .object(let req) = item else {
                report("security requirement must be an object", at: pointer.appending(i), in: uri)
                continue
            }
            var r: [String: [String]] = [:]
            for (name, scopes) in req {
                if !schemes.contains(name) {
                    report("security requirement names '\(name)', which is not in components.securitySchemes",
                           at: pointer.appending(i).appending(name), in: uri, key: true)
                }
                r[name] = scopes.arrayValue?.compactMap(\.stringValue) ?? []
            }
            out.append(r)
        }
        return out
    }
}
