import Foundation
import Testing

@testable import SitegenSupport

/// The digest is SipHash-2-4-128, proven by the reference implementation's known answers.
@Suite struct DigestTests {
    /// `vectors_sip128` of github.com/veorq/SipHash (vectors.h): key 00 01 … 0f, message
    /// 00 01 … (n-1) for message length n.
    static let knownAnswers: [(length: Int, hex: String)] = [
        (0, "a3817f04ba25a8e66df67214c7550293"),
        (1, "da87c1d86b99af44347659119b22fc45"),
        (7, "a1f1ebbed8dbc153c0b84aa61ff08239"),
        (8, "3b62a9ba6258f5610f83e264f31497b4"),
        (9, "264499060ad9baabc47f8b02bb6d71ed"),
        (15, "5493e99933b0a8117e08ec0f97cfc3d9"),
        (16, "6ee2a4ca67b054bbfd3315bf85230577"),
        (17, "473d06e8738db89854c066c47ae47740"),
        (31, "2939b0183223fafc1723de4f52c43d35"),
        (32, "7c3956ca5eeafc3e363e9d556546eb68"),
        (63, "5150d1772f50834a503e069a973fbd7c"),
    ]

    static let referenceKey: (UInt64, UInt64) = (0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908)

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: knownAnswers.map(\.length))
    func theDigestIsSipHash24With128BitOutput(length: Int) {
        let message = (0..<length).map { UInt8($0) }
        var hasher = DigestHasher(key: Self.referenceKey)
        message.withUnsafeBytes { hasher.combine($0) }
        let expected = Self.knownAnswers.first { $0.length == length }!.hex
        #expect(Self.hex(hasher.finalize().bytes) == expected)
    }

    @Test(arguments: [1, 3, 8, 13])
    func feedingBytesInPiecesGivesTheSameDigest(piece: Int) {
        let message = (0..<63).map { UInt8($0) }
        var hasher = DigestHasher(key: Self.referenceKey)
        for start in stride(from: 0, to: message.count, by: piece) {
            Array(message[start..<min(start + piece, message.count)]).withUnsafeBytes { hasher.combine($0) }
        }
        #expect(Self.hex(hasher.finalize().bytes) == "5150d1772f50834a503e069a973fbd7c")
    }

    @Test func lengthPrefixesKeepValuesApart() {
        var first = DigestHasher()
        first.combine("ab")
        first.combine("c")
        var second = DigestHasher()
        second.combine("a")
        second.combine("bc")
        #expect(first.finalize() != second.finalize())
    }

    @Test func wordsAndBytesMixTheSameWay() {
        // An integer is its eight little-endian bytes, wherever the stream stands.
        for prefix in 0..<9 {
            var words = DigestHasher()
            var bytes = DigestHasher()
            let head = [UInt8](repeating: 7, count: prefix)
            head.withUnsafeBytes { words.combine($0) }
            head.withUnsafeBytes { bytes.combine($0) }
            words.combine(0x0102_0304_0506_0708)
            withUnsafeBytes(of: Int64(0x0102_0304_0506_0708).littleEndian) { bytes.combine($0) }
            #expect(words.finalize() == bytes.finalize())
        }
    }
}
