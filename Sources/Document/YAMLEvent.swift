/// One libyaml parser event, copied into Swift values (what `YAMLComposer` consumes).
enum YAMLEvent {
    /// Node properties shared by scalars and collections.
    struct Properties {
        var anchor: String?
        /// The resolved tag (`tag:yaml.org,2002:str`, `!`, …) or nil when none was written.
        var tag: String?
        /// Where the node starts.
        var mark: SourceLocation
    }

    case streamStart
    case documentStart(SourceLocation)
    case documentEnd
    case alias(anchor: String, mark: SourceLocation)
    case scalar(text: String, plain: Bool, Properties)
    case sequenceStart(Properties)
    case sequenceEnd
    case mappingStart(Properties)
    case mappingEnd(SourceLocation)
    case streamEnd
}
