/// A connection's byte stream: the socket itself, or TLS over it (httpcore's `TLSSession` over
/// memory BIOs). Server and client connections read and write only through this type.
///
/// `@unchecked Sendable`: like `SocketChannel`, used only on the channel's loop thread (the TLS
/// session and the plaintext buffer are touched only from `read`/`write`/`handshake`/`close`,
/// which assert it).
final class Transport: @unchecked Sendable {
    /// The socket.
    let channel: SocketChannel
    /// The TLS session, when this connection is encrypted.
    let tls: TLSSession?
    private var plaintext: [UInt8] = []
    private var closedByPeer = false

    init(channel: SocketChannel, tls: TLSSession? = nil) {
        self.channel = channel
        self.tls = tls
    }

    /// False when TLS ended with a bare TCP close (no close_notify): a body delimited by close may
    /// have been truncated by an attacker, so it must not count as complete.
    var eofWasClean: Bool { tls == nil || closedByPeer }

    /// Runs the TLS handshake to completion (no-op without TLS), bounded by `deadline`.
    nonisolated(nonsending) func handshake(deadline: UInt64?) async throws(SocketError) {
        guard let tls else { return }
        while true {
            let done: Bool
            do { done = try tls.handshake() } catch { throw .tls(error) }
            try await flush(deadline: deadline)
            if done { return try await decryptBuffered(deadline: deadline) }
            let got: Bool? = try await channel.read(deadline: deadline) { tls.feedCiphertext($0); return true }
            if got == nil { throw .connectionReset }
        }
    }

    /// Like `SocketChannel.read`: waits for bytes (plaintext with TLS), passes them to `body`,
    /// nil at EOF (or TLS close_notify).
    nonisolated(nonsending) func read<R>(deadline: UInt64?, _ body: (UnsafeRawBufferPointer) -> R) async throws(SocketError) -> R? {
        guard let tls else { return try await channel.read(deadline: deadline, body) }
        while true {
            if !plaintext.isEmpty {
                let result = plaintext.withUnsafeBytes(body)
                plaintext.removeAll(keepingCapacity: true)
                return result
            }
            if closedByPeer { return nil }
            let got: Bool? = try await channel.read(deadline: deadline) { tls.feedCiphertext($0); return true }
            if got == nil { return nil }
            try await decryptBuffered(deadline: deadline)
        }
    }

    /// Decrypts every record already fed to the session into `plaintext`, then sends what that
    /// produced (handshake replies, session tickets, alerts). Called after the handshake too: the
    /// socket read that completed it may also have carried application records (a small request
    /// written right after the client's Finished arrives in the same segment). Those bytes are off
    /// the socket already, so no epoll event will announce them; left in the session they would
    /// wait for the next packet, which may never come.
    nonisolated(nonsending) private func decryptBuffered(deadline: UInt64?) async throws(SocketError) {
        guard let tls else { return }
        do {
            if try tls.readPlaintext(into: &plaintext) == .closedByPeer { closedByPeer = true }
        } catch {
            throw .tls(error)
        }
        try await flush(deadline: deadline)
    }

    /// Like `SocketChannel.write`: all of `a`, `b`, `c` (encrypted with TLS) with back-pressure.
    nonisolated(nonsending) func write(_ a: [UInt8], _ b: [UInt8] = [], _ c: [UInt8] = [], deadline: UInt64?) async throws(SocketError) {
        guard let tls else { return try await channel.write(a, b, c, deadline: deadline) }
        do {
            if !a.isEmpty { try tls.writePlaintext(a) }
            if !b.isEmpty { try tls.writePlaintext(b) }
            if !c.isEmpty { try tls.writePlaintext(c) }
        } catch {
            throw .tls(error)
        }
        try await flush(deadline: deadline)
    }

    nonisolated(nonsending) private func flush(deadline: UInt64?) async throws(SocketError) {
        guard let tls, tls.hasPendingCiphertext else { return }
        try await channel.write(tls.takeCiphertext(), deadline: deadline)
    }

    /// Sends close_notify when it fits in the socket buffer right away, then closes the socket.
    func close() {
        if let tls, channel.isOpen {
            tls.close()
            let bytes = tls.takeCiphertext()
            if !bytes.isEmpty { _ = IOVector.writev(fd: channel.fd, bytes, [], [], skipping: 0) }
        }
        channel.close()
    }
}
