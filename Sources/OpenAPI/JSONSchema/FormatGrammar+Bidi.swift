extension FormatGrammar {
    /// Bidirectional classes the RFC 5893 rule distinguishes (approximated from script ranges and
    /// general categories; the toolchain exposes no Bidi_Class property).
    enum BidiClass { case l, r, al, an, en, es, cs, et, on, nsm }

    static func bidiClass(_ u: Unicode.Scalar) -> BidiClass {
        let v = u.value
        if (0x30...0x39).contains(v) || (0x06F0...0x06F9).contains(v) { return .en }
        if (0x0660...0x0669).contains(v) || v == 0x066B || v == 0x066C { return .an }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return .nsm
        default: break
        }
        if (0x0590...0x05FF).contains(v) || (0x07C0...0x085F).contains(v) || (0xFB1D...0xFB4F).contains(v) { return .r }
        if (0x0600...0x07BF).contains(v) || (0x0860...0x08FF).contains(v) || (0xFB50...0xFDFF).contains(v)
            || (0xFE70...0xFEFF).contains(v) { return .al }
        if u == "-" || u == "+" { return .es }
        if u == "," || u == "." || u == ":" || u == "/" { return .cs }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark:
            return .l
        default:
            return .on
        }
    }

    /// RFC 5893 §2: applies only when some label is right-to-left; then every label must conform.
    static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let classes = labels.map { $0.map(bidiClass) }
        guard classes.contains(where: { $0.contains { $0 == .r || $0 == .al || $0 == .an } }) else { return true }
        for label in classes {
            guard let first = label.first else { return false }
            let trimmed = label.reversed().drop { $0 == .nsm }
            guard let last = trimmed.first else { return false }
            switch first {
            case .r, .al:
                let allowed: Set<BidiClass> = [.r, .al, .an, .en, .es, .cs, .et, .on, .nsm]
                guard label.allSatisfy(allowed.contains), [.r, .al, .en, .an].contains(last),
                      !(label.contains(.en) && label.contains(.an)) else { return false }
            case .l:
                let allowed: Set<BidiClass> = [.l, .en, .es, .cs, .et, .on, .nsm]
                guard label.allSatisfy(allowed.contains), last == .l || last == .en else { return false }
            default:
                return false
            }
        }
        return true
    }
}
