import DanVanZlib
import Foundation

/// Reads one part of a DOCX package straight from its bytes: finds the part's local header,
/// takes exactly the entry's compressed bytes and inflates them with zlib, never past the
/// unpack budget. ZIPFoundation's own extraction on Linux loops for ever on a deflate stream
/// cut short (found by fuzzing), which would hold a server thread; this cannot: zlib gets a
/// bounded input and every turn of the loop either produces output or ends.
enum DocxEntryReader {
    struct Failure: Error {}
    struct TooLarge: Error {}

    static func read(_ path: String, compressedSize: Int, checksum: UInt32, in package: Data, budget: Int) throws -> Data {
        let bytes = [UInt8](package)
        guard let header = localHeader(of: path, in: bytes) else { throw Failure() }
        let start = header.dataStart
        guard compressedSize >= 0, start <= bytes.count, compressedSize <= bytes.count - start else { throw Failure() }
        let input = Array(bytes[start..<(start + compressedSize)])
        let output: [UInt8]
        switch header.method {
        case 0:
            guard input.count <= budget else { throw TooLarge() }
            output = input
        case 8:
            output = try inflate(input, budget: budget)
        default:
            throw Failure()
        }
        let crc = output.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == checksum else { throw Failure() }
        return Data(output)
    }

    private struct LocalHeader {
        let method: Int
        let dataStart: Int
    }

    /// The first local file header ("PK\u{3}\u{4}") whose name is `path`.
    private static func localHeader(of path: String, in bytes: [UInt8]) -> LocalHeader? {
        let name = Array(path.utf8)
        var index = 0
        while index + 30 <= bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 {
                let nameLength = Int(bytes[index + 26]) | Int(bytes[index + 27]) << 8
                let extraLength = Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8
                let nameStart = index + 30
                if nameLength == name.count, nameStart + nameLength <= bytes.count, Array(bytes[nameStart..<(nameStart + nameLength)]) == name {
                    let method = Int(bytes[index + 8]) | Int(bytes[index + 9]) << 8
                    return LocalHeader(method: method, dataStart: nameStart + nameLength + extraLength)
                }
            }
            index += 1
        }
        return nil
    }

    private static func inflate(_ input: [UInt8], budget: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure() }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var input = input
        return try input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = DanVanZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= budget else { throw TooLarge() }
                if status == Z_STREAM_END { return output }
                // Anything but progress with input left is a damaged or truncated stream.
                guard status == Z_OK, produced > 0 || stream.avail_in > 0 else { throw Failure() }
            }
        }
    }
}
