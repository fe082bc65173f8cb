/// `gateway token create --client NAME`: prints a new caller token once and the SHA-256 to paste
/// into `gateway.yaml` as the client's `tokenSHA256`. The token itself is stored nowhere.
public enum TokenCommand {
    /// Usage of this command.
    public static let usage = "usage: gateway token create --client NAME"

    /// Runs the command with the arguments after `token`.
    public static func run(_ arguments: [String], io: CommandIO = .standard) -> Int32 {
        guard arguments.first == "create" else {
            if arguments.first == "--help" || arguments.first == "-h" { io.out(usage + "\n"); return 0 }
            io.err("gateway token: expected 'create'\n\(usage)\n")
            return 2
        }
        let parsed: CommandArguments
        switch CommandArguments.parse(Array(arguments.dropFirst()), valued: ["--client"]) {
        case .success(let p): parsed = p
        case .failure(let error):
            io.err("gateway token create: \(error.message)\n\(usage)\n")
            return 2
        }
        guard let name = parsed.options["--client"], parsed.positional.isEmpty else {
            io.err("gateway token create: --client NAME is required\n\(usage)\n")
            return 2
        }
        guard isValidClientName(name) else {
            io.err("gateway token create: client names are 1-64 letters, digits, '.', '_' or '-'\n")
            return 2
        }
        guard let (token, hash) = ClientToken.create() else {
            io.err("gateway token create: the random number generator failed; no token was made\n")
            return 1
        }
        io.out("""
        Token for client '\(name)' (shown once; hand it to the team, it cannot be recovered):

            \(token)

        Add the client to gateway.yaml (only the hash is stored):

          clients:
            - name: \(name)
              tokenSHA256: "\(hash)"
              upstreams: [owlops, upkeep, trackops, owox, opsdeck]

        Callers send it as:  Authorization: Bearer \(token.prefix(7))…

        """)
        return 0
    }

    /// The configuration's rule for client names.
    static func isValidClientName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x2D
        }
    }
}
