import CYAML

/// Reads YAML (one document, YAML 1.2 core schema) into a `LoadedDocument` via libyaml's event API.
///
/// See `Sources/Document/README.md` for the exact schema rules; in short: core-schema scalars,
/// scalar keys become their text, anchors/aliases with a total expansion limit, merge keys `<<`,
/// tags `!!str !!int !!float !!bool !!null !!map !!seq` only; duplicate keys, non-scalar keys,
/// multiple documents, `.inf`/`.nan` are errors with line:column.
public enum YAMLReader {
    /// Resource limits applied while reading.
    public struct Limits: Sendable {
        /// Deepest allowed nesting of sequences and mappings.
        public var maxDepth = 512
        /// Largest accepted input, in bytes.
        public var maxBytes = 64 << 20
        /// Most nodes that aliases may produce in total (each alias counts its anchored node's size).
        public var maxAliasExpansion = 1_000_000

        /// Limits with the given values.
        public init(maxDepth: Int = 512, maxBytes: Int = 64 << 20, maxAliasExpansion: Int = 1_000_000) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
            self.maxAliasExpansion = maxAliasExpansion
        }
    }

    /// Parses one YAML document with default limits, recording the location of every node and key.
    public static func parseDocument(_ bytes: [UInt8], file: String = "") throws(DocumentError) -> LoadedDocument {
        try parseDocument(bytes, file: file, limits: Limits())
    }

    /// Parses one YAML document with explicit limits.
    public static func parseDocument(_ bytes: [UInt8], file: String = "", limits: Limits) throws(DocumentError) -> LoadedDocument {
        if bytes.count > limits.maxBytes {
            throw DocumentError(file: file, location: SourceLocation(line: 1, column: 1, offset: 0),
                                message: "input is \(bytes.count) bytes, more than the limit of \(limits.maxBytes)")
        }
        // libyaml needs a non-null pointer even for empty input.
        let input = bytes.isEmpty ? [UInt8(ascii: "\n")] : bytes
        return try input.withUnsafeBufferPointer { (buf) throws(DocumentError) -> LoadedDocument in
            var composer = YAMLComposer(file: file, limits: limits)
            try readEvents(buf, file: file) { (event) throws(DocumentError) in try composer.handle(event) }
            return composer.result()
        }
    }

    /// Drives libyaml over `buf`, converting each event and passing it to `body`.
    private static func readEvents(_ buf: UnsafeBufferPointer<UInt8>, file: String,
                                   _ body: (YAMLEvent) throws(DocumentError) -> Void) throws(DocumentError) {
        guard let base = buf.baseAddress else { return }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { parser.deallocate(); event.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw DocumentError(file: file, location: SourceLocation(line: 1, column: 1, offset: 0),
                                message: "cannot initialize the YAML parser (out of memory)")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, buf.count)
        var marks = YAMLMarkConverter(buf)
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                throw libyamlError(parser.pointee, buf: buf, file: file, marks: &marks)
            }
            let converted = convert(event.pointee, marks: &marks)
            yaml_event_delete(event)
            try body(converted)
            if case .streamEnd = converted { return }
        }
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: UnsafePointer(p))
    }

    private static func convert(_ e: yaml_event_t, marks: inout YAMLMarkConverter) -> YAMLEvent {
        let mark = marks.location(e.start_mark)
        switch e.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_DOCUMENT_START_EVENT: return .documentStart(mark)
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias(anchor: string(e.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let s = e.data.scalar
            let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
            return .scalar(text: text, plain: s.style == YAML_PLAIN_SCALAR_STYLE,
                           .init(anchor: string(s.anchor), tag: string(s.tag), mark: mark))
        case YAML_SEQUENCE_START_EVENT:
            let s = e.data.sequence_start
            return .sequenceStart(.init(anchor: string(s.anchor), tag: string(s.tag), mark: mark))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let s = e.data.mapping_start
            return .mappingStart(.init(anchor: string(s.anchor), tag: string(s.tag), mark: mark))
        case YAML_MAPPING_END_EVENT: return .mappingEnd(mark)
        default: return .streamEnd
        }
    }

    /// Turns libyaml's error state into a `DocumentError` at its problem position.
    private static func libyamlError(_ p: yaml_parser_t, buf: UnsafeBufferPointer<UInt8>, file: String,
                                     marks: inout YAMLMarkConverter) -> DocumentError {
        var message = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        if let context = p.context.map({ String(cString: $0) }) {
            // libyaml's context ("while parsing a flow sequence") has its own mark: where it began.
            message += " \(context) started at \(p.context_mark.line + 1):\(p.context_mark.column + 1)"
        }
        if p.problem_value != -1, p.error == YAML_READER_ERROR {
            message += " (byte 0x" + String(p.problem_value, radix: 16, uppercase: true) + ")"
        }
        let location: SourceLocation
        if p.error == YAML_READER_ERROR {
            location = SourceLocator.location(in: buf, at: p.problem_offset)
        } else {
            location = marks.location(p.problem_mark)
        }
        return DocumentError(file: file, location: location, message: message)
    }
}
