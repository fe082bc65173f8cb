import Foundation

/// Certificates made at test time with the `openssl` CLI: a test CA, a server certificate it signs
/// (for localhost, api.test and 127.0.0.1), and a look-alike certificate signed by an unknown CA.
public struct TLSFixture: Sendable {
    /// The temporary directory holding every file of the fixture.
    public let directory: String
    /// The test CA's certificate (PEM): the trust root for clients.
    public var caFile: String { directory + "/ca.pem" }
    /// The server certificate (PEM) signed by the test CA.
    public var serverChain: String { directory + "/server.pem" }
    /// The server certificate's private key (PEM).
    public var serverKey: String { directory + "/server.key" }
    /// A look-alike server certificate (PEM) signed by a CA no test trusts.
    public var rogueChain: String { directory + "/rogue-server.pem" }
    /// The look-alike certificate's private key (PEM).
    public var rogueKey: String { directory + "/rogue-server.key" }

    /// One fixture per test process (creating keys takes a few hundred milliseconds).
    public static let shared: Result<TLSFixture, FixtureError> = Result { () throws(FixtureError) in try TLSFixture.make() }

    /// Why the fixture could not be built.
    public struct FixtureError: Error, Sendable, CustomStringConvertible {
        /// What failed, with openssl's output when it was openssl.
        public var description: String
    }

    /// Makes a new CA, rogue CA and their server certificates in a new temporary directory.
    private static func make() throws(FixtureError) -> TLSFixture {
        let directory = NSTemporaryDirectory() + "httpcore-tls-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FixtureError(description: "cannot create \(directory): \(error)")
        }
        let ext = directory + "/server.ext"
        let extText = "subjectAltName=DNS:localhost,DNS:api.test,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
        guard FileManager.default.createFile(atPath: ext, contents: Data(extText.utf8)) else {
            throw FixtureError(description: "cannot write \(ext)")
        }
        for ca in ["ca", "rogue-ca"] {
            try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-keyout", "\(directory)/\(ca).key", "-out", "\(directory)/\(ca).pem", "-days", "2",
                     "-subj", "/CN=Gateway Test \(ca)", "-addext", "basicConstraints=critical,CA:TRUE",
                     "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        for (name, ca) in [("server", "ca"), ("rogue-server", "rogue-ca")] {
            try run(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).csr", "-subj", "/CN=localhost"])
            try run(["x509", "-req", "-in", "\(directory)/\(name).csr", "-CA", "\(directory)/\(ca).pem",
                     "-CAkey", "\(directory)/\(ca).key", "-CAcreateserial", "-out", "\(directory)/\(name).pem",
                     "-days", "2", "-extfile", ext])
        }
        atexit {
            // Runs once at process exit; reads the static, captures nothing.
            if case .success(let fixture) = TLSFixture.shared {
                try? FileManager.default.removeItem(atPath: fixture.directory)
            }
        }
        return TLSFixture(directory: directory)
    }

    /// Runs `openssl` with arguments, failing with its output if it exits non-zero.
    private static func run(_ arguments: [String]) throws(FixtureError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw FixtureError(description: "cannot run openssl: \(error)") }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(description: "openssl \(arguments.joined(separator: " ")) failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}
