/// The fixed read buffer of one socket: allocated once, freed in `deinit`, never resized.
/// Only `SocketChannel.read` touches the bytes, on the loop thread.
final class ReadStorage {
    /// Start of the buffer.
    let base: UnsafeMutableRawPointer
    /// Size in bytes.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { base.deallocate() }
}
