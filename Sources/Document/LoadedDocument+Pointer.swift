extension LoadedDocument {
    /// The node at `pointer`, or a `DocumentError` located at the deepest existing ancestor
    /// ("no value at JSON Pointer '/a/b'").
    public func node(at pointer: JSONPointer) throws(DocumentError) -> JSONValue {
        if let node = pointer.resolve(in: value) { return node }
        let at = location(of: pointer) ?? SourceLocation(line: 1, column: 1, offset: 0)
        throw DocumentError(file: file, location: at, message: "no value at JSON Pointer '\(pointer.string)'")
    }
}
