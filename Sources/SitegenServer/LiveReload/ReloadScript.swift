/// The live-reload script and how it gets into pages: the server adds one `<script>` tag to
/// every HTML response (the files on disk never contain it).
enum ReloadScript {
    /// Where the script is served.
    static let path = "/__sitegen/reload.js"
    /// Where the script listens for events.
    static let eventsPath = "/__sitegen/events"

    /// The tag added to a page served while build `build` is current.
    static func tag(build: String) -> String {
        "<script src=\"\(path)\" data-build=\"\(build)\"></script>\n"
    }

    /// `html` with the tag inserted before its last `</body>` (or appended when it has none).
    static func inject(into html: [UInt8], build: String) -> [UInt8] {
        let tag = Array(tag(build: build).utf8)
        guard let index = lastBodyClose(in: html) else { return html + tag }
        return Array(html[..<index]) + tag + Array(html[index...])
    }

    /// Where the last `</body` starts, ignoring case.
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        for start in stride(from: html.count - needle.count, through: 0, by: -1) {
            var matches = true
            for offset in 0..<needle.count where lowercased(html[start + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches { return start }
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }

    /// The script: reloads when a build it has not shown is swapped in (also after the server
    /// restarts and the stream reconnects), shows a failed build's diagnostics over the page.
    static let source = #"""
        (function () {
          "use strict";
          var script = document.currentScript;
          var shown = script && script.getAttribute("data-build");
          var overlay = null;

          function hideError() {
            if (overlay) { overlay.remove(); overlay = null; }
          }

          function showError(text) {
            hideError();
            overlay = document.createElement("div");
            overlay.setAttribute("role", "alert");
            overlay.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
              "background:rgba(20,20,20,.94);color:#f4f4f4;padding:1.5rem;font:14px/1.5 ui-monospace,monospace");
            var title = document.createElement("strong");
            title.textContent = "sitegen: the rebuild failed; this page is the last good build.";
            title.setAttribute("style", "display:block;color:#ff7b72;margin-bottom:1rem");
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "Dismiss";
            close.setAttribute("style", "float:right");
            close.addEventListener("click", hideError);
            var details = document.createElement("pre");
            details.textContent = text;
            details.setAttribute("style", "white-space:pre-wrap;margin:0");
            overlay.append(close, title, details);
            document.documentElement.append(overlay);
          }

          function connect() {
            var events = new EventSource("/__sitegen/events");
            events.addEventListener("hello", function (event) {
              if (shown && event.data !== shown) { location.reload(); }
              shown = event.data;
            });
            events.addEventListener("reload", function () { location.reload(); });
            events.addEventListener("build-error", function (event) { showError(event.data); });
            events.addEventListener("error", function () {
              if (events.readyState === EventSource.CLOSED) {
                events.close();
                setTimeout(connect, 1000);
              }
            });
          }

          connect();
        })();
        """#
}
