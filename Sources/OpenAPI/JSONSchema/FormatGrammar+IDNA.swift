extension FormatGrammar {
    /// RFC 3492 Punycode decoding of an A-label's part after `xn--`; nil when malformed.
    static func punycodeDecode(_ input: Substring) -> [Unicode.Scalar]? {
        let base = 36, tMin = 1, tMax = 26
        var output: [Unicode.Scalar] = []
        let bytes = Array(input.utf8)
        var index = 0
        if let delimiter = bytes.lastIndex(of: UInt8(ascii: "-")) {
            for b in bytes[..<delimiter] {
                guard b < 0x80 else { return nil }
                output.append(Unicode.Scalar(b))
            }
            index = delimiter + 1
        }
        var n = 128, i = 0, bias = 72
        while index < bytes.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard index < bytes.count else { return nil }
                let c = bytes[index] | 0x20
                index += 1
                let digit: Int
                if c &- 97 < 26 { digit = Int(c - 97) } else if bytes[index - 1] &- 48 < 10 { digit = Int(bytes[index - 1] - 22) } else { return nil }
                let (product, o1) = digit.multipliedReportingOverflow(by: w)
                let (sum, o2) = i.addingReportingOverflow(product)
                guard !o1, !o2 else { return nil }
                i = sum
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                let (nextW, o3) = w.multipliedReportingOverflow(by: base - t)
                guard !o3 else { return nil }
                w = nextW
                k += base
            }
            bias = punycodeAdapt(i - oldI, points: output.count + 1, first: oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(n) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    /// RFC 3492 bias adaptation.
    private static func punycodeAdapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / 700 : delta / 2
        delta += delta / points
        var k = 0
        while delta > (35 * 26) / 2 { delta /= 35; k += 36 }
        return k + 36 * delta / (delta + 38)
    }

    /// RFC 3492 Punycode encoding (the part after `xn--`); nil on overflow.
    static func punycodeEncode(_ input: [Unicode.Scalar]) -> String? {
        var output = String(String.UnicodeScalarView(input.filter(\.isASCII)))
        let basic = output.unicodeScalars.count
        var handled = basic
        if basic > 0 { output += "-" }
        var n = 128, delta = 0, bias = 72
        func digit(_ d: Int) -> Character { Character(Unicode.Scalar(UInt8(d < 26 ? 97 + d : 22 + d))) }
        while handled < input.count {
            guard let m = input.lazy.map({ Int($0.value) }).filter({ $0 >= n }).min() else { return nil }
            let (step, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow else { return nil }
            delta += step
            n = m
            for c in input {
                let v = Int(c.value)
                if v < n { delta += 1 }
                guard v == n else { continue }
                var q = delta
                var k = 36
                while true {
                    let t = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (36 - t)))
                    q = (q - t) / (36 - t)
                    k += 36
                }
                output.append(digit(q))
                bias = punycodeAdapt(delta, points: handled + 1, first: handled == basic)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return output
    }

    /// Code points IDNA2008 (RFC 5892 §2.6) disallows although their category would allow them.
    private static let disallowedExceptions: Set<UInt32> = [0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033,
                                                            0x3034, 0x3035, 0x303B]
    /// Exceptions that are PVALID although their category would not allow them.
    private static let validExceptions: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]

    /// IDNA2008 U-label rules (RFC 5891 §5.4, RFC 5892 categories and CONTEXTJ/CONTEXTO rules).
    static func isULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-" else { return false }
        if label.count >= 4 && label[2] == "-" && label[3] == "-" { return false }
        if isMark(label[0]) { return false }
        var arabicIndic = false, extendedArabicIndic = false
        for (i, u) in label.enumerated() {
            let before: Unicode.Scalar? = i > 0 ? label[i - 1] : nil
            let after: Unicode.Scalar? = i + 1 < label.count ? label[i + 1] : nil
            switch u.value {
            case 0x00B7: guard before == "l", after == "l" else { return false }
            case 0x0375: guard let after, isGreek(after) else { return false }
            case 0x05F3, 0x05F4: guard let before, isHebrew(before) else { return false }
            case 0x30FB: guard label.contains(where: { isKanaOrHan($0) }) else { return false }
            case 0x200D: guard let before, before.properties.canonicalCombiningClass.rawValue == 9 else { return false }
            case 0x200C:
                guard let before else { return false }
                if before.properties.canonicalCombiningClass.rawValue != 9 {
                    guard let after, isArabicJoining(before), isArabicJoining(after) else { return false }
                }
            case 0x0660...0x0669: arabicIndic = true
            case 0x06F0...0x06F9: extendedArabicIndic = true
            default:
                if disallowedExceptions.contains(u.value) { return false }
                if validExceptions.contains(u.value) || u == "-" { continue }
                if u.isASCII {
                    guard alpha(UInt8(u.value)) || digit(UInt8(u.value)) else { return false }
                    continue
                }
                switch u.properties.generalCategory {
                case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .enclosingMark,
                     .decimalNumber:
                    if u.properties.changesWhenNFKCCaseFolded { return false }
                default:
                    return false
                }
            }
        }
        return !(arabicIndic && extendedArabicIndic)
    }

    /// Host name with IDNA2008 labels: A-labels (`xn--`) are decoded and checked as U-labels;
    /// `international` also accepts U-labels and the ideographic full stops as separators.
    static func isIDNHostname(_ s: String, international: Bool) -> Bool {
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) && !zip(utf8, utf8.dropFirst()).contains(where: { $0 == 0x2D && $1 == 0x2D }) {
            return isHostname(utf8)  // no "--", so no A-label: plain RFC 1123
        }
        var text = s
        if international {
            text = String(s.unicodeScalars.map { [0x3002, 0xFF0E, 0xFF61].contains($0.value) ? "." : Character($0) })
        } else if !s.unicodeScalars.allSatisfy(\.isASCII) {
            return false
        }
        guard !text.isEmpty else { return false }
        var labels: [[Unicode.Scalar]] = []
        for raw in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !raw.isEmpty else { return false }
            if raw.count >= 4, raw.prefix(4).lowercased() == "xn--" {
                guard let decoded = punycodeDecode(raw.dropFirst(4)), decoded.contains(where: { !$0.isASCII }),
                      isULabel(decoded), punycodeEncode(decoded)?.lowercased() == raw.dropFirst(4).lowercased() else { return false }
                labels.append(decoded)
            } else if raw.unicodeScalars.allSatisfy(\.isASCII) {
                guard isHostname(Array(raw.utf8)) else { return false }
                labels.append(Array(raw.unicodeScalars))
            } else {
                let scalars = Array(raw.unicodeScalars)
                guard international, isULabel(scalars), let encoded = punycodeEncode(scalars),
                      encoded.utf8.count + 4 <= 63 else { return false }
                labels.append(scalars)
            }
        }
        let total = labels.reduce(0) { $0 + $1.count } + labels.count - 1
        return total <= 253 && satisfiesBidiRule(labels)
    }

    private static func isMark(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isGreek(_ u: Unicode.Scalar) -> Bool { (0x0370...0x03FF).contains(u.value) || (0x1F00...0x1FFF).contains(u.value) }
    private static func isHebrew(_ u: Unicode.Scalar) -> Bool { (0x0590...0x05FF).contains(u.value) }
    private static func isKanaOrHan(_ u: Unicode.Scalar) -> Bool {
        u.value != 0x30FB && ((0x3040...0x30FF).contains(u.value) || (0x3400...0x4DBF).contains(u.value)
            || (0x4E00...0x9FFF).contains(u.value) || (0x20000...0x2FFFF).contains(u.value))
    }
    private static func isArabicJoining(_ u: Unicode.Scalar) -> Bool {
        ((0x0620...0x064A).contains(u.value) || (0x066E...0x06D3).contains(u.value)) && !isMark(u)
    }
}
