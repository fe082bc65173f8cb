import CLinux
import Glibc

/// A socket-level failure, with the operation and errno that caused it.
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The peer refused the connection (ECONNREFUSED).
    case connectionRefused
    /// The peer reset the connection (ECONNRESET / EPIPE).
    case connectionReset
    /// A configured deadline passed while waiting for the socket.
    case timedOut
    /// The waiting task was cancelled.
    case cancelled
    /// The socket was closed on our side (shutdown, or another path closed it).
    case closed
    /// Any other system error.
    case system(operation: String, errno: Int32)
    /// The TLS layer on this socket failed (handshake, certificate check, bad record).
    case tls(TLSError)
    /// A blocked write gave way because the peer sent data first (an early response while the
    /// request body was still being sent; see `SocketChannel.yieldsBlockedWriteToIncomingData`).
    case peerRespondedEarly

    /// Maps an errno from `operation` to a case.
    static func from(errno code: Int32, operation: String) -> SocketError {
        switch code {
        case ECONNREFUSED: return .connectionRefused
        case ECONNRESET, EPIPE: return .connectionReset
        case ETIMEDOUT: return .timedOut
        default: return .system(operation: operation, errno: code)
        }
    }

    public var description: String {
        switch self {
        case .connectionRefused: return "connection refused"
        case .connectionReset: return "connection reset by peer"
        case .timedOut: return "timed out"
        case .cancelled: return "cancelled"
        case .closed: return "socket closed"
        case .system(let operation, let code): return "\(operation) failed: \(String(cString: strerror(code)))"
        case .tls(let error): return error.description
        case .peerRespondedEarly: return "peer responded before the request was sent completely"
        }
    }
}
