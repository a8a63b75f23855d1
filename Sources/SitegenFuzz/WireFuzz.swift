import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport

/// The Markdown worker wire protocol.
enum WireFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(bytes)
        _ = MarkdownWire.frameLength(data)
        if let (text, options) = MarkdownWire.decodeRequest(data) {
            let frame = MarkdownWire.encodeRequest(text, options)
            require(MarkdownWire.frameLength(frame) == frame.count - 4, "a request frame's length is wrong")
            let again = MarkdownWire.decodeRequest(frame.dropFirst(4))
            require(again?.0 == text && again?.1 == options, "a request did not survive encoding")
        }
        if let response = MarkdownWire.decodeResponse(data) {
            let frame = MarkdownWire.encodeResponse(response)
            require(MarkdownWire.frameLength(frame) == frame.count - 4, "a response frame's length is wrong")
            require(MarkdownWire.decodeResponse(frame.dropFirst(4)) == response, "a response did not survive encoding")
        }
    }
}
