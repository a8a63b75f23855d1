/// The development server module: serves a folder, watches sources, pushes live reloads.
/// It does not import SitegenCore; the CLI hands it a folder and a rebuild closure.
public enum SitegenServerModule {}
