import Foundation

/// Where configuration loading gets environment variables and file contents; tests pass fakes.
public struct ConfigurationEnvironment: Sendable {
    /// Why a file could not be read (`no such file`, `not readable`), without its content.
    public struct ReadFailure: Error, Sendable, Hashable {
        /// A short reason for the message.
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// Looks up one environment variable.
    public var variable: @Sendable (String) -> String?
    /// Reads a whole file by path.
    public var readFile: @Sendable (String) -> Result<[UInt8], ReadFailure>
    /// True when a regular file exists at the path and can be read.
    public var isReadableFile: @Sendable (String) -> Bool

    /// An environment from three functions.
    public init(variable: @escaping @Sendable (String) -> String?,
                readFile: @escaping @Sendable (String) -> Result<[UInt8], ReadFailure>,
                isReadableFile: @escaping @Sendable (String) -> Bool) {
        self.variable = variable
        self.readFile = readFile
        self.isReadableFile = isReadableFile
    }

    /// An in-memory environment: the given variables, and files keyed by the exact path asked for.
    public static func fixed(variables: [String: String], files: [String: [UInt8]] = [:]) -> ConfigurationEnvironment {
        ConfigurationEnvironment(
            variable: { variables[$0] },
            readFile: { path in files[path].map { .success($0) } ?? .failure(ReadFailure(reason: "no such file")) },
            isReadableFile: { files[$0] != nil })
    }

    /// The real process environment and file system.
    public static let process = ConfigurationEnvironment(
        variable: { ProcessInfo.processInfo.environment[$0] },
        readFile: { path in
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .failure(ReadFailure(reason: "no such file"))
            }
            if isDirectory.boolValue { return .failure(ReadFailure(reason: "is a directory")) }
            guard let data = fm.contents(atPath: path) else { return .failure(ReadFailure(reason: "not readable")) }
            return .success([UInt8](data))
        },
        isReadableFile: { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isReadableFile(atPath: path)
        })
}
