/// Builds a `LoadedDocument` from `YAMLEvent`s: an explicit stack of open collections (no
/// recursion), anchors with their node counts, alias-expansion accounting, merge keys and
/// the core-schema scalar rules of `YAMLScalar`.
struct YAMLComposer {
    /// What an anchor refers to: the value, how many nodes it stands for, and its text if a scalar.
    private struct Anchored {
        var value: JSONValue
        var nodeCount: Int
        var scalarText: String?
    }

    /// One open collection.
    private struct Frame {
        var isMapping: Bool
        var pointer: String
        var anchor: String?
        var mark: SourceLocation
        /// False inside the value of a merge key `<<`: its members are located where they are merged.
        var records: Bool
        var nodeCount = 1
        var items: [JSONValue] = []
        var object = JSONObject()
        /// Mapping state: the key waiting for its value (nil when a key is expected next).
        var pendingKey: String?
        var pendingKeyIsMerge = false
        var pendingKeyMark = SourceLocation(line: 1, column: 1, offset: 0)
        /// Merge sources in order, each with the location of its `<<` key and value.
        var merges: [(object: JSONObject, keyMark: SourceLocation, valueMark: SourceLocation)] = []
    }

    let file: String
    let limits: YAMLReader.Limits
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var expandedNodes = 0
    private var documents = 0
    private var root: JSONValue?
    private var locations: [CodePointKey: SourceLocation] = [:]
    private var keyLocations: [CodePointKey: SourceLocation] = [:]

    init(file: String, limits: YAMLReader.Limits) {
        self.file = file
        self.limits = limits
    }

    /// The finished document (null for an empty stream).
    func result() -> LoadedDocument {
        var locations = self.locations
        if locations[""] == nil { locations[""] = SourceLocation(line: 1, column: 1, offset: 0) }
        return LoadedDocument(file: file, value: root ?? .null, locations: locations, keyLocations: keyLocations)
    }

    private func fail(_ message: String, _ at: SourceLocation) -> DocumentError {
        DocumentError(file: file, location: at, message: message)
    }

    /// Consumes one event.
    mutating func handle(_ event: YAMLEvent) throws(DocumentError) {
        switch event {
        case .streamStart, .documentEnd, .streamEnd:
            return
        case .documentStart(let mark):
            documents += 1
            if documents > 1 {
                throw fail("multiple YAML documents in one stream are not supported; expected a single document", mark)
            }
        case .alias(let name, let mark):
            guard let target = anchors[name] else { throw fail("unknown anchor '\(name)'", mark) }
            expandedNodes += target.nodeCount
            if expandedNodes > limits.maxAliasExpansion {
                throw fail("aliases expand to more than \(limits.maxAliasExpansion) nodes (possible \"billion laughs\" document)", mark)
            }
            if let top = stack.last, top.isMapping, top.pendingKey == nil {
                guard let text = target.scalarText else {
                    throw fail("alias '*\(name)' used as a mapping key refers to a collection; keys must be scalars", mark)
                }
                try acceptKey(text, plain: true, tag: nil, mark: mark)
                return
            }
            try deliver(target.value, nodeCount: target.nodeCount, mark: mark)
        case .scalar(let text, let plain, let props):
            if let top = stack.last, top.isMapping, top.pendingKey == nil {
                if let tag = props.tag, tag != "!", !["!!str", "!!int", "!!float", "!!bool", "!!null"].contains(YAMLScalar.shortTag(tag)) {
                    throw fail("unsupported tag \(YAMLScalar.shortTag(tag)) on a mapping key", props.mark)
                }
                if let anchor = props.anchor { anchors[anchor] = Anchored(value: .string(text), nodeCount: 1, scalarText: text) }
                try acceptKey(text, plain: plain, tag: props.tag, mark: props.mark)
                return
            }
            let value: JSONValue
            do {
                value = try YAMLScalar.resolve(text, plain: plain, tag: props.tag)
            } catch {
                throw fail(error.message, props.mark)
            }
            if let anchor = props.anchor { anchors[anchor] = Anchored(value: value, nodeCount: 1, scalarText: text) }
            try deliver(value, nodeCount: 1, mark: props.mark)
        case .sequenceStart(let props), .mappingStart(let props):
            let isMapping: Bool
            if case .mappingStart = event { isMapping = true } else { isMapping = false }
            try open(isMapping: isMapping, props)
        case .sequenceEnd:
            guard let frame = stack.popLast() else { return }
            if let anchor = frame.anchor {
                anchors[anchor] = Anchored(value: .array(frame.items), nodeCount: frame.nodeCount, scalarText: nil)
            }
            try deliver(.array(frame.items), nodeCount: frame.nodeCount, mark: frame.mark, isCollection: true)
        case .mappingEnd:
            guard var frame = stack.popLast() else { return }
            applyMerges(&frame)
            if let anchor = frame.anchor {
                anchors[anchor] = Anchored(value: .object(frame.object), nodeCount: frame.nodeCount, scalarText: nil)
            }
            try deliver(.object(frame.object), nodeCount: frame.nodeCount, mark: frame.mark, isCollection: true)
        }
    }

    /// Opens a sequence or mapping (after checking key position, tag and depth).
    private mutating func open(isMapping: Bool, _ props: YAMLEvent.Properties) throws(DocumentError) {
        if let top = stack.last, top.isMapping, top.pendingKey == nil {
            throw fail("complex mapping keys are not supported; a key must be a scalar", props.mark)
        }
        if let tag = props.tag, tag != "!" {
            let expected = YAMLScalar.tagPrefix + (isMapping ? "map" : "seq")
            guard tag == expected else {
                throw fail("tag \(YAMLScalar.shortTag(tag)) cannot be used on a \(isMapping ? "mapping" : "sequence")", props.mark)
            }
        }
        if stack.count >= limits.maxDepth {
            throw fail("nesting is deeper than the limit of \(limits.maxDepth)", props.mark)
        }
        let pointer = childPointer()
        let records = recordsChild()
        if records { locations[CodePointKey(pointer)] = props.mark }
        stack.append(Frame(isMapping: isMapping, pointer: pointer, anchor: props.anchor, mark: props.mark, records: records))
    }

    /// The pointer of the node about to be added to the top frame.
    private func childPointer() -> String {
        guard let top = stack.last else { return "" }
        if top.isMapping {
            return top.pendingKeyIsMerge ? top.pointer + "/<<" : top.pointer + "/" + JSONPointer.escape(top.pendingKey ?? "")
        }
        return top.pointer + "/" + String(top.items.count)
    }

    /// Whether the node about to be added gets a location entry (not inside a merge value).
    private func recordsChild() -> Bool {
        guard let top = stack.last else { return true }
        return top.records && !(top.isMapping && top.pendingKeyIsMerge)
    }

    /// Records a mapping key (duplicate check here, so the error points at the second key).
    private mutating func acceptKey(_ text: String, plain: Bool, tag: String?, mark: SourceLocation) throws(DocumentError) {
        let last = stack.count - 1
        let isMerge = plain && tag == nil && text == "<<"
        if isMerge {
            if !stack[last].merges.isEmpty { throw fail("duplicate merge key '<<' in mapping", mark) }
        } else if stack[last].object.contains(text) {
            throw fail("duplicate key '\(text)' in mapping", mark)
        }
        stack[last].pendingKey = text
        stack[last].pendingKeyIsMerge = isMerge
        stack[last].pendingKeyMark = mark
        if !isMerge, stack[last].records { keyLocations[CodePointKey(stack[last].pointer + "/" + JSONPointer.escape(text))] = mark }
    }

    /// Adds a finished value to its parent (or makes it the root). Collections were located
    /// when they opened (`isCollection`); scalars and aliases are located here.
    private mutating func deliver(_ value: JSONValue, nodeCount: Int, mark valueMark: SourceLocation,
                                  isCollection: Bool = false) throws(DocumentError) {
        let pointer = childPointer()
        let record = !isCollection && recordsChild()
        guard !stack.isEmpty else {
            root = value
            if record { locations[""] = valueMark }
            return
        }
        let last = stack.count - 1
        stack[last].nodeCount += nodeCount
        if !stack[last].isMapping {
            if record { locations[CodePointKey(pointer)] = valueMark }
            stack[last].items.append(value)
            return
        }
        let key = stack[last].pendingKey ?? ""
        if stack[last].pendingKeyIsMerge {
            let keyMark = stack[last].pendingKeyMark
            switch value {
            case .object(let o):
                stack[last].merges.append((o, keyMark, valueMark))
            case .array(let list) where list.allSatisfy({ $0.objectValue != nil }):
                for case .object(let o) in list { stack[last].merges.append((o, keyMark, valueMark)) }
                if list.isEmpty { stack[last].merges.append((JSONObject(), keyMark, valueMark)) }
            default:
                throw fail("merge key '<<' needs a mapping or a sequence of mappings", valueMark)
            }
        } else {
            if record { locations[CodePointKey(pointer)] = valueMark }
            stack[last].object.insertNew(key, value)
        }
        stack[last].pendingKey = nil
        stack[last].pendingKeyIsMerge = false
    }

    /// Adds merged members that no explicit key (or earlier merge source) already set, after the explicit ones.
    private mutating func applyMerges(_ frame: inout Frame) {
        for source in frame.merges {
            for (k, v) in source.object where !frame.object.contains(k) {
                frame.object.insertNew(k, v)
                guard frame.records else { continue }
                let pointer = frame.pointer + "/" + JSONPointer.escape(k)
                locations[CodePointKey(pointer)] = source.valueMark
                keyLocations[CodePointKey(pointer)] = source.keyMark
            }
        }
    }
}
