import CLinux
import Glibc

/// Gathers up to three byte arrays into one `writev` (head + body + trailer in one syscall).
/// The only place that builds `iovec`s; pointers never outlive the call.
enum IOVector {
    /// Writes `a`, `b`, `c` after skipping the first `skipping` bytes; returns bytes written or -1.
    static func writev(fd: Int32, _ a: [UInt8], _ b: [UInt8], _ c: [UInt8], skipping: Int) -> Int {
        a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                c.withUnsafeBytes { pc in
                    withUnsafeTemporaryAllocation(of: iovec.self, capacity: 3) { vectors in
                        var skip = skipping
                        var count = 0
                        func add(_ part: UnsafeRawBufferPointer) {
                            guard part.count > 0 else { return }
                            if skip >= part.count { skip -= part.count; return }
                            let start = part.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) + skip }
                            vectors[count] = iovec(iov_base: start, iov_len: part.count - skip)
                            skip = 0
                            count += 1
                        }
                        add(pa); add(pb); add(pc)
                        if count == 0 { return 0 }
                        return gw_writev(fd, vectors.baseAddress, Int32(count))
                    }
                }
            }
        }
    }
}
