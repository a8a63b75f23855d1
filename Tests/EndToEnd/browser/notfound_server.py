"""A static server that answers a missing address as static hosts do: with the 404.html of the
nearest folder above it that has one, and status 404 (GitHub Pages serves a project site's
404.html for any missing address below the project).

usage: notfound_server.py PORT FOLDER"""
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        folder = os.path.dirname(self.translate_path(self.path.split("?")[0]))
        root = os.path.abspath(self.directory)
        while folder.startswith(root):
            page = os.path.join(folder, "404.html")
            if os.path.isfile(page):
                with open(page, "rb") as file:
                    body = file.read()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
            folder = os.path.dirname(folder)
        return super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, folder = int(sys.argv[1]), sys.argv[2]
    handler = lambda *args, **kwargs: Handler(*args, directory=folder, **kwargs)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
