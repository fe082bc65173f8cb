import Document

extension RequestCheck {
    /// Checks presence, size, content type and content of the body against the operation's request body.
    mutating func checkBody() {
        let bytes = request.body
        let requestBody = operation.operation.requestBody
        if bytes.isEmpty {
            if requestBody?.required == true {
                violations.append(Violation(.body, message: "a request body is required"))
            }
            return
        }
        if bytes.count > options.maxBodyBytes {
            violations.append(Violation(.body, message: "the body is \(bytes.count) bytes; the limit is \(options.maxBodyBytes)"))
            raise(413)
            return
        }
        guard requestBody != nil else {
            violations.append(Violation(.body, message: "\(operation.operation.displayName) takes no request body"))
            return
        }
        var accepted: String { operation.media.map(\.media.key).joined(separator: ", ") }  // messages only
        guard let header = request.contentType else {
            violations.append(Violation(.request, name: "Content-Type", message: "the body has no Content-Type; accepted: \(accepted)"))
            raise(415)
            return
        }
        guard let type = MediaRange(header), type.type != "*", type.subtype != "*" else {
            violations.append(Violation(.request, name: "Content-Type", message: "Content-Type '\(header)' is not a media type"))
            raise(415)
            return
        }
        var candidates = operation.media.filter { $0.media.range.matches(type) }
        if candidates.isEmpty {
            // A key that names parameters (`text/plain; charset=utf-8`) still accepts the bare type.
            let bare = MediaRange(type: type.type, subtype: type.subtype, parameters: [:])
            candidates = operation.media.filter {
                MediaRange(type: $0.media.range.type, subtype: $0.media.range.subtype, parameters: [:]).matches(bare)
            }
        }
        guard let media = candidates.max(by: { $0.media.range.specificity < $1.media.range.specificity }) else {
            violations.append(Violation(.request, name: "Content-Type",
                                        message: "Content-Type '\(type.essence)' is not accepted; accepted: \(accepted)"))
            raise(415)
            return
        }
        if type.isJSON {
            checkJSONBody(bytes, media)
        } else if type.essence == "application/x-www-form-urlencoded" {
            checkFormBody(bytes, media)
        } else if type.essence == "multipart/form-data" {
            checkMultipartBody(bytes, media, boundary: type.parameters["boundary"] ?? "")
        } else if type.type == "text" {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                violations.append(Violation(.body, message: "the \(type.essence) body is not valid UTF-8"))
                return
            }
            body = .string(text)
            report(.string(text), coercionFailures: [], check: media.check, location: .body, name: nil)
        }
        // Other media types (application/octet-stream, images, …) are opaque: presence and size only.
    }

    private mutating func checkJSONBody(_ bytes: [UInt8], _ media: CompiledMedia) {
        let value: JSONValue
        do { value = try JSONReader.parse(bytes) } catch {
            violations.append(Violation(.body, message: "the body is not valid JSON: \(error.message) at line \(error.location.line), column \(error.location.column)"))
            return
        }
        body = value
        report(value, coercionFailures: [], check: media.check, location: .body, name: nil)
    }

    private mutating func checkFormBody(_ bytes: [UInt8], _ media: CompiledMedia) {
        let text = String(decoding: bytes, as: UTF8.self)
        let (items, malformed) = FormDecoder.parse(Substring(text))
        for raw in malformed {
            violations.append(Violation(.body, name: raw, message: "form field '\(raw)' has an invalid percent-encoding"))
        }
        // Properties encoded as deepObject (`filter[status]=open`) are gathered under their name.
        // Field names, properties and encodings all match by code points.
        var nested: [CodePointKey: [(path: [String], value: String)]] = [:]
        var fields = FieldList()
        for item in items {
            if let (prop, brackets) = RequestCheck.splitBrackets(item.name) {
                let key = CodePointKey(prop)
                if media.media.encoding[key]?.style == .deepObject,
                   let path = RequestCheck.bracketPath(brackets), path.count <= RequestCheck.maxDeepObjectDepth {
                    if nested[key] == nil { fields.append(prop, .nested(.map([]))) }
                    nested[key, default: []].append((path, item.value))
                    continue
                }
            }
            fields.append(item.name, .text(item.value))
        }
        for (prop, members) in nested { fields.replace(prop.string, with: .nested(RequestCheck.nest(members))) }
        buildObject(fields.entries, media)
    }

    /// `name[…]` split at its first `[`, by bytes; nil unless the key has a `[` and ends with `]`.
    static func splitBrackets(_ key: String) -> (String, Substring)? {
        let bytes = key.utf8
        guard bytes.last == UInt8(ascii: "]"), let open = bytes.firstIndex(of: UInt8(ascii: "[")) else { return nil }
        return (String(Substring(bytes[..<open])), Substring(bytes[open...]))
    }

    private mutating func checkMultipartBody(_ bytes: [UInt8], _ media: CompiledMedia, boundary: String) {
        let parts: [MultipartPart]
        switch MultipartParser.parse(bytes, boundary: boundary) {
        case .failure(let e):
            violations.append(Violation(.body, message: "the multipart body \(e.message)"))
            return
        case .success(let p): parts = p
        }
        var fields = FieldList()
        for part in parts {
            let value: FieldValue
            let encoding = media.media.encoding[CodePointKey(part.name)]
            if let encodingType = encoding?.contentType, let sent = part.contentType,
               let sentRange = MediaRange(sent),
               !encodingType.split(separator: ",").compactMap({ MediaRange(String($0)) }).contains(where: { $0.matches(sentRange) }) {
                violations.append(Violation(.body, name: part.name, pointer: JSONPointer(tokens: [part.name]),
                                            message: "part '\(part.name)' has content type '\(sentRange.essence)'; allowed: \(encodingType)"))
            }
            let partType = part.contentType.flatMap(MediaRange.init)
            if part.filename != nil || (partType.map { $0.type != "text" && !$0.isJSON } ?? false) {
                if part.body.count > options.maxFileBytes {
                    violations.append(Violation(.body, name: part.name, pointer: JSONPointer(tokens: [part.name]),
                                                message: "file part '\(part.name)' is \(part.body.count) bytes; the limit is \(options.maxFileBytes)"))
                    raise(413)
                }
                // Binary content is checked as a string of one code point per byte (so maxLength counts bytes).
                var latin1 = String.UnicodeScalarView()
                latin1.append(contentsOf: part.body.map { Unicode.Scalar($0) })
                value = .file(String(latin1))
            } else if partType?.isJSON == true || encoding?.contentType.flatMap(MediaRange.init)?.isJSON == true {
                do { value = .json(try JSONReader.parse(Array(part.body))) } catch {
                    violations.append(Violation(.body, name: part.name, pointer: JSONPointer(tokens: [part.name]),
                                                message: "part '\(part.name)' is not valid JSON: \(error.message) at \(error.location)"))
                    continue
                }
            } else {
                guard let text = String(validating: part.body, as: UTF8.self) else {
                    violations.append(Violation(.body, name: part.name, pointer: JSONPointer(tokens: [part.name]),
                                                message: "part '\(part.name)' is not valid UTF-8 text"))
                    continue
                }
                value = .text(text)
            }
            fields.append(part.name, value)
        }
        buildObject(fields.entries, media)
    }

    /// One field of a form or multipart body before coercion.
    enum FieldValue {
        case text(String)
        case json(JSONValue)
        case file(String)
        /// A deepObject-encoded property, already split into nested members.
        case nested(SerializedValue)
    }

    /// Fields in first-seen order with their values, found by name in O(1) (bodies may hold many fields).
    /// Names match by code points: `caf\u{E9}` and `cafe\u{301}` are two fields, as the upstream sees them.
    struct FieldList {
        private(set) var entries: [(String, [FieldValue])] = []
        private var index: [CodePointKey: Int] = [:]

        mutating func append(_ name: String, _ value: FieldValue) {
            let key = CodePointKey(name)
            if let i = index[key] { entries[i].1.append(value) } else {
                index[key] = entries.count
                entries.append((name, [value]))
            }
        }

        mutating func replace(_ name: String, with value: FieldValue) {
            if let i = index[CodePointKey(name)] { entries[i].1 = [value] }
        }
    }

    /// Turns fields into an object by the schema's property shapes and encodings, then checks it.
    private mutating func buildObject(_ fields: [(String, [FieldValue])], _ media: CompiledMedia) {
        var coercer = Coercer()
        var obj = JSONObject()
        for (name, values) in fields {
            let shape = media.shape.property(name) ?? .unknown
            let here = JSONPointer(tokens: [name])
            let encoding = media.media.encoding[CodePointKey(name)]
            if encoding?.contentType.flatMap(MediaRange.init)?.isJSON == true, values.count == 1, case .text(let t) = values[0] {
                do { obj[name] = try JSONReader.parse(Array(t.utf8)) } catch {
                    violations.append(Violation(.body, name: name, pointer: here,
                                                message: "field '\(name)' is not valid JSON: \(error.message) at \(error.location)"))
                }
                continue
            }
            if values.count == 1, case .nested(let n) = values[0] {
                obj[name] = coercer.coerce(n, shape: shape, at: here)
                continue
            }
            let texts = values.compactMap { if case .text(let t) = $0 { t } else { nil } }
            if texts.count == values.count {
                switch shape.kind {
                case .array:
                    let explode = encoding?.explode ?? ((encoding?.style ?? .form) == .form)
                    let delimiter = UInt8(ascii: encoding?.style == .spaceDelimited ? " " : encoding?.style == .pipeDelimited ? "|" : ",")
                    let list = explode ? texts : texts.flatMap { Substring($0).splitBytes(delimiter, omittingEmpty: true).map(String.init) }
                    obj[name] = coercer.coerce(.list(list), shape: shape, at: here)
                default:
                    if texts.count > 1 {
                        violations.append(Violation(.body, name: name, pointer: here, message: "field '\(name)' is given \(texts.count) times but is not an array"))
                    }
                    obj[name] = coercer.scalar(texts[texts.count - 1], types: shape.types, at: here)
                }
            } else {
                let converted: [JSONValue] = values.map {
                    switch $0 {
                    case .text(let t): .string(t)
                    case .json(let j): j
                    case .file(let f): .string(f)
                    case .nested: .null
                    }
                }
                obj[name] = converted.count == 1 && shape.kind != .array ? converted[0] : .array(converted)
            }
        }
        body = .object(obj)
        report(.object(obj), coercionFailures: coercer.failures, check: media.check, location: .body, name: nil)
    }
}
